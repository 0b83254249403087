using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Strata.Fuzz.Engine;
using Strata.Llm;
using Strata.Robustness.Tests.Infrastructure;
using Strata.Sources;

namespace Strata.Robustness.Tests;

/// <summary>
/// A short run of the fuzzing harness of fuzz/Strata.Fuzz (the long runs are in docs/robustness.md), the inputs it
/// once found kept as regressions, and property-based checks with random documents and overrides.
/// </summary>
[Collection(nameof(SerialCollection))]
public sealed class FuzzSmokeTests
{
    private static IEnumerable<string> SeedDirectories()
    {
        yield return Path.Combine(StrataProcess.RepositoryRoot, "fuzz", "seeds");
        yield return CorpusCase.CorpusDirectory;
    }

    public static TheoryData<string> Targets => new(Enum.GetNames<FuzzTarget>());

    [Theory]
    [MemberData(nameof(Targets))]
    public void A_short_mutation_run_finds_no_failure(string target)
    {
        var kind = Enum.Parse<FuzzTarget>(target);
        var failures = new List<FuzzFailure>();
        var runner = new FuzzRunner(kind, SeedFiles.Load(kind, SeedDirectories()), randomSeed: 20261128);

        var stats = runner.Run(executions: 500, duration: TimeSpan.FromSeconds(60), failures.Add);

        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Select(static f => f.Name + ": " + f.Details)));
        Assert.True(stats.Executions == 500 || stats.Elapsed >= TimeSpan.FromSeconds(60));
    }

    /// <summary>Inputs kept from fuzzing runs (Corpus/fuzz/): each must now pass the harness's invariants.</summary>
    public static TheoryData<string> Regressions => new(
        Directory.Exists(Path.Combine(CorpusCase.CorpusDirectory, "fuzz"))
            ? Directory.EnumerateFiles(Path.Combine(CorpusCase.CorpusDirectory, "fuzz")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
            : ["(none)"]);

    [Theory]
    [MemberData(nameof(Regressions))]
    public void Inputs_once_found_by_fuzzing_pass_the_invariants(string name)
    {
        if (name == "(none)")
        {
            return;
        }

        var target = name.Split('-')[0] switch
        {
            "yaml" => FuzzTarget.Yaml,
            "json" => FuzzTarget.Json,
            "override" => FuzzTarget.Override,
            "safetensors" => FuzzTarget.Safetensors,
            "rsp" => FuzzTarget.ResponseFile,
            "env" => FuzzTarget.Environment,
            "sweep" => FuzzTarget.Sweep,
            "completion" => FuzzTarget.Completion,
            _ => FuzzTarget.HuggingFace,
        };

        var failure = FuzzRunner.Execute(target, File.ReadAllBytes(Path.Combine(CorpusCase.CorpusDirectory, "fuzz", name)), out _);

        Assert.True(failure is null, failure?.Details);
    }

    private static readonly string[] s_tokens =
    [
        "training", "train_iters", "model", "base_model", "transformer", "num_layers", "hidden_size", ":", " ", "\n", "  ", "- ",
        "[", "]", "{", "}", ",", "&a", "*a", "!!str", "!!binary", "'", "\"", "#", "\t", "1", "-1", "1e400", ".nan", "null", "~",
        "<<", "?", "|", ">", "%", "@", "`", "\\", "é", "\u0000", "\u001b[31m",
    ];

    private static Arbitrary<string> Documents() =>
        Gen.Elements(s_tokens).ListOf().Select(static parts => string.Concat(parts)).ToArbitrary();

    [Fact]
    public void Random_token_soups_never_throw_from_the_yaml_and_json_sources_or_the_resolver()
    {
        Prop.ForAll(Documents(), static text =>
        {
            foreach (var target in (ReadOnlySpan<FuzzTarget>)[FuzzTarget.Yaml, FuzzTarget.Json, FuzzTarget.Override, FuzzTarget.Sweep])
            {
                var failure = FuzzRunner.Execute(target, Encoding.UTF8.GetBytes(text), out _);
                if (failure is not null)
                {
                    throw new InvalidOperationException(failure.Details);
                }
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Random_overrides_are_parsed_or_rejected_with_their_argument_number()
    {
        Prop.ForAll(Documents(), ArbMap.Default.ArbFor<PositiveInt>(), static (text, number) =>
        {
            var n = (number.Get % 50) + 1;
            if (OverrideParser.TryParse(text, n, out var parsed, out var error))
            {
                return parsed.Origin.Argument == n;
            }

            return error.Severity == DiagnosticSeverity.Error && error.Origin?.Argument == n && error.Code.StartsWith("STR", StringComparison.Ordinal);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Random_bytes_read_as_a_file_never_throw()
    {
        using var dir = new TempDirectory();
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            foreach (var name in (string[])["in.yaml", "in.json"])
            {
                var path = dir.Write(name, bytes);
                var document = DocumentReader.Load(path);
                if (document.Root is null && !document.Diagnostics.Any(static d => d.Severity == DiagnosticSeverity.Error))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_value_after_a_no_break_space_and_a_hash_is_a_string_not_a_comment()
    {
        // Found by Strata.Tests' round-trip property: YAML's white space is the space and the tab only, so U+00A0 starts
        // a plain scalar, and the '#' after it starts no comment.
        Assert.True(OverrideParser.TryParse("x=\u00A0#a", 1, out var parsed, out var error), error?.ToString());
        Assert.Equal("\u00A0#a", Assert.IsType<Strata.Tree.ConfigScalar>(parsed.Value).Value);
        Assert.False(OverrideParser.TryParse("x= #a", 1, out _, out _));
    }
}
