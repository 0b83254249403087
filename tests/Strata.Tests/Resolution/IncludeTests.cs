using Strata.Tests.Model;

namespace Strata.Tests.Resolution;

/// <summary>
/// A file names the files it builds on in a top-level <c>include</c> list: they are merged in order beneath its own
/// content, relative to the including file, nested, each value at its place in its own file; cycles and malformed
/// lists are errors at their place.
/// </summary>
public sealed class IncludeTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "strata-include-" + Guid.NewGuid().ToString("N"));

    public IncludeTests() => Directory.CreateDirectory(Path.Combine(_directory, "model"));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Included_files_are_merged_in_order_beneath_the_file_and_each_value_keeps_its_own_place()
    {
        Write("model/small.yaml", "layers:\n  num_layers: 2\n  heads: 4\n");
        Write("base.yaml", "name: base\niterations: 10\nlayers:\n  num_layers: 6\n");
        var run = Write("run.yaml", "include: [base.yaml, model/small.yaml]\niterations: 20\n");

        var resolved = Resolve(run);

        Assert.Equal(("base", 20, 2, 4), (resolved.Config.Name, (int)resolved.Config.Iterations, resolved.Config.Layers.NumLayers, resolved.Config.Layers.Heads));
        Assert.Equal(Path.Combine(_directory, "model/small.yaml") + ":2:15", Origin(resolved, "layers.num_layers"));
        Assert.Equal(Path.Combine(_directory, "base.yaml") + ":1:7", Origin(resolved, "name"));
        Assert.Equal(run + ":2:13", Origin(resolved, "iterations"));
        Assert.DoesNotContain("include", resolved.ToYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_saved_config_is_flat_and_resolves_to_the_same_config_as_the_layers_it_came_from()
    {
        Write("base.yaml", "name: base\nlayers:\n  num_layers: 6\n");
        var run = Write("run.yaml", "include: [base.yaml]\niterations: 20\n");
        var resolved = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = global::Strata.Tests.Resolution.Resolve.NoEnvironment })
            .AddFile(run)
            .AddOverrides(["ranks+=[4]", "~name", "tags+={a: x}", "split[0]=1"])
            .Resolve();

        var saved = resolved.ToYaml();
        var again = global::Strata.Tests.Resolution.Resolve.Yaml(saved);

        Assert.DoesNotContain("include", saved, StringComparison.Ordinal);
        Assert.Equal((resolved.Fingerprint, saved), (again.Fingerprint, again.ToYaml()));
    }

    [Fact]
    public void Includes_nest_and_are_found_relative_to_the_file_that_names_them_whatever_the_working_directory()
    {
        Write("model/heads.yaml", "layers: {heads: 2}\n");
        Write("model/layers.yaml", "include: heads.yaml\nlayers: {num_layers: 3}\n");
        var run = Write("run.yaml", "include: [model/layers.yaml]\nname: run\n");

        var resolved = Resolve(run);

        Assert.Equal((3, 2), (resolved.Config.Layers.NumLayers, resolved.Config.Layers.Heads));
    }

    [Fact]
    public void Files_that_include_each_other_are_an_error_that_names_the_chain()
    {
        Write("a.yaml", "include: [b.yaml]\nname: a\n");
        Write("b.yaml", "include: [a.yaml]\nname: b\n");

        var error = Assert.Single(Errors(Path.Combine(_directory, "a.yaml")));

        Assert.Equal((DiagnosticCodes.Include, "include"), (error.Code, error.Path));
        Assert.Equal(Path.Combine(_directory, "b.yaml") + ":1:11", error.Origin!.ToString());
        Assert.Equal(
            "files include each other: " + Path.Combine(_directory, "a.yaml") + " -> " + Path.Combine(_directory, "b.yaml") + " -> " + Path.Combine(_directory, "a.yaml"),
            error.Message);
    }

    [Theory]
    [InlineData("include: [{a: 1}]\n", "an include is the path of a YAML or JSON file, got a mapping")]
    [InlineData("include: [~]\n", "an include is the path of a YAML or JSON file, got null")]
    public void An_include_that_is_not_a_path_is_an_error_at_its_place(string yaml, string message)
    {
        var error = Assert.Single(Errors(Write("run.yaml", yaml)));

        Assert.Equal((DiagnosticCodes.Include, message, 1), (error.Code, error.Message, error.Origin!.Line));
    }

    [Fact]
    public void An_included_file_that_does_not_exist_is_an_unreadable_file_reported_at_the_include_that_names_it()
    {
        var run = Write("run.yaml", "name: run\ninclude: [missing.yaml]\n");

        var error = Assert.Single(Errors(run));

        Assert.Equal((DiagnosticCodes.Unreadable, run + ":2:11"), (error.Code, error.Origin!.ToString()));
        Assert.Equal("cannot read the included file '" + Path.Combine(_directory, "missing.yaml") + "': file not found", error.Message);
    }

    [Fact]
    public void Included_files_are_bounded_together_by_the_limit_of_one_file_so_that_a_small_file_cannot_fan_out()
    {
        Write("big.yaml", "name: " + new string('x', 600) + "\n");
        var run = Write("run.yaml", "include: [" + string.Join(", ", Enumerable.Repeat("big.yaml", 10)) + "]\n");
        var options = new ResolveOptions { Environment = global::Strata.Tests.Resolution.Resolve.NoEnvironment, Limits = new global::Strata.Sources.SourceLimits { MaxFileBytes = 4096 } };

        Assert.False(new ConfigResolver<RunConfig>(options).AddFile(run).TryResolve(out _, out var diagnostics));

        var error = Assert.Single(diagnostics, static d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((DiagnosticCodes.Include, run + ":1:71"), (error.Code, error.Origin!.ToString()));
        Assert.Equal("the files included or placed with @FILE hold more than 4096 bytes together (the limit of one file)", error.Message);
    }

    [Fact]
    public void An_include_that_is_not_a_regular_file_is_an_error()
    {
        var error = Assert.Single(Errors(Write("run.yaml", "include: [model]\n")));

        Assert.Equal((DiagnosticCodes.Include, "an included file must be a regular file: '" + Path.Combine(_directory, "model") + "' is not"), (error.Code, error.Message));
    }

    [Fact]
    public void Includes_deeper_than_the_limit_are_an_error()
    {
        for (var i = 0; i < 20; i++)
        {
            Write("f" + i + ".yaml", "include: [f" + (i + 1) + ".yaml]\n");
        }

        Write("f20.yaml", "name: deep\n");

        var error = Assert.Single(Errors(Path.Combine(_directory, "f0.yaml")));
        Assert.Equal("includes nest deeper than the limit of 16 files", error.Message);
    }

    private static Resolved<RunConfig> Resolve(string path) =>
        new ConfigResolver<RunConfig>(new ResolveOptions { Environment = global::Strata.Tests.Resolution.Resolve.NoEnvironment }).AddFile(path).Resolve();

    private static List<Diagnostic> Errors(string path)
    {
        Assert.False(new ConfigResolver<RunConfig>(new ResolveOptions { Environment = global::Strata.Tests.Resolution.Resolve.NoEnvironment }).AddFile(path).TryResolve(out _, out var diagnostics));
        return [.. diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error)];
    }

    private static string Origin(Resolved<RunConfig> resolved, string path) => resolved.Explain().Single(p => p.Path == path).Origin.ToString();

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
