using Microsoft.CodeAnalysis;
using Strata.Generators.Tests.Infrastructure;

namespace Strata.Generators.Tests;

/// <summary>
/// The generator's per-class output depends only on that class's model, which holds no positions: edits elsewhere,
/// or edits that only move text, must leave the outputs cached.
/// </summary>
public sealed class IncrementalCachingTests
{
    private const string First = """
        using Strata;

        namespace Sample;

        /// <summary>The first config.</summary>
        [Config]
        public sealed partial class FirstConfig
        {
            /// <summary>A size.</summary>
            [Field(FieldHint.Core), Min(0)]
            public partial int Size { get; set; } = 1;
        }
        """;

    private const string Second = """
        using Strata;

        namespace Sample;

        // A comment that the test edits.
        /// <summary>The second config.</summary>
        [Config(TypeName = "second")]
        public partial class SecondConfig
        {
            /// <summary>A name.</summary>
            public partial string Name { get; set; } = "x";
        }
        """;

    [Fact]
    public void Adding_an_unrelated_file_leaves_every_output_cached()
    {
        var (driver, compilation) = RunOnce();

        var next = compilation.AddSyntaxTrees(GeneratorHarness.Parse("namespace Sample; internal static class Unrelated { }", "Unrelated.cs"));
        var result = driver.RunGenerators(next, TestContext.Current.CancellationToken).GetRunResult().Results.Single();

        AssertAllCached(result, TrackingNames.Models);
        AssertAllCached(result, TrackingNames.Registry);
        AssertAllCached(result, TrackingNames.Diagnostics);
        AssertSourceOutputsCached(result);
    }

    [Fact]
    public void Editing_a_comment_that_moves_a_config_class_leaves_every_output_cached()
    {
        var (driver, compilation) = RunOnce();

        var edited = Second.Replace("// A comment that the test edits.", "// A comment that the test edits,\n// now two lines longer\n// so that every position below moves.", StringComparison.Ordinal);
        var next = ReplaceTree(compilation, "Second.cs", edited);
        var result = driver.RunGenerators(next, TestContext.Current.CancellationToken).GetRunResult().Results.Single();

        AssertAllCached(result, TrackingNames.Models);
        AssertAllCached(result, TrackingNames.Registry);
        AssertSourceOutputsCached(result);
    }

    [Fact]
    public void Changing_one_class_regenerates_that_class_only()
    {
        var (driver, compilation) = RunOnce();

        var next = ReplaceTree(compilation, "First.cs", First.Replace("= 1;", "= 2;\n    /// <summary>Another.</summary>\n    public partial int Other { get; set; }", StringComparison.Ordinal));
        var result = driver.RunGenerators(next, TestContext.Current.CancellationToken).GetRunResult().Results.Single();

        var models = result.TrackedSteps[TrackingNames.Models].SelectMany(s => s.Outputs).ToList();
        Assert.Contains(models, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(models, o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);

        // The registry entries hold only the configs that fields hold, so the registry is not rewritten either.
        AssertAllCached(result, TrackingNames.Registry);
        Assert.Contains("Other", result.GeneratedSources.Single(s => s.HintName == "Sample.FirstConfig.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Models_of_the_same_source_parsed_twice_are_equal()
    {
        var first = RunOnce().Driver.GetRunResult().Results.Single();
        var second = RunOnce().Driver.GetRunResult().Results.Single();

        var a = first.TrackedSteps[TrackingNames.Models].SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
        var b = second.TrackedSteps[TrackingNames.Models].SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
        Assert.Equal(2, a.Count);
        Assert.Equal(a, b);
    }

    private static (GeneratorDriver Driver, Compilation Compilation) RunOnce()
    {
        var compilation = GeneratorHarness.Compile([]).AddSyntaxTrees(
            GeneratorHarness.Parse(First, "First.cs"),
            GeneratorHarness.Parse(Second, "Second.cs"));
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation, TestContext.Current.CancellationToken);
        var result = driver.GetRunResult();
        Assert.Empty(result.Diagnostics);
        Assert.Equal(3, result.GeneratedTrees.Length);
        return (driver, compilation);
    }

    private static Compilation ReplaceTree(Compilation compilation, string path, string text)
    {
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        return compilation.ReplaceSyntaxTree(old, GeneratorHarness.Parse(text, path));
    }

    private static void AssertAllCached(GeneratorRunResult result, string stepName)
    {
        var outputs = result.TrackedSteps[stepName].SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.True(
            o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"{stepName} output was {o.Reason}"));
    }

    private static void AssertSourceOutputsCached(GeneratorRunResult result)
    {
        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.True(
            o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"source output was {o.Reason}"));
    }
}
