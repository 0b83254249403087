using FsCheck;
using FsCheck.Fluent;
using Strata.Tests.Model;

namespace Strata.Tests.Resolution;

/// <summary>The sweep grammar and <see cref="ConfigResolver{T}.Sweep(IEnumerable{string}, bool)"/>: points, order, ranges, zip, quoting, bounds.</summary>
public sealed class SweepTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "strata-sweep-tests-" + Guid.NewGuid().ToString("N"));

    public SweepTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ConfigResolver<RunConfig> Resolver(string yaml = "iterations: 5\n") =>
        new ConfigResolver<RunConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment }).AddYaml(yaml, "run.yaml");

    private static ConfigSweep<RunConfig> Sweep(params string[] overrides) => Resolver().Sweep(overrides);

    private static string Values(SweepPoint<RunConfig> point) => string.Join(" ", point.Values.Select(static v => v.Key + "=" + v.Value));

    private static IReadOnlyList<Diagnostic> SweepErrors(params string[] overrides) =>
        Assert.Throws<ConfigException>(() => Sweep(overrides)).Diagnostics;

    [Fact]
    public void Two_axes_make_their_product_in_argument_order_with_the_last_axis_fastest()
    {
        var sweep = Sweep("learning_rate=1e-3,1e-2", "iterations=range(1,4)");

        Assert.Equal(6, sweep.Count);
        Assert.Equal(
            ["learning_rate=1e-3 iterations=1", "learning_rate=1e-3 iterations=2", "learning_rate=1e-3 iterations=3", "learning_rate=1e-2 iterations=1", "learning_rate=1e-2 iterations=2", "learning_rate=1e-2 iterations=3"],
            sweep.Select(Values));
        Assert.Equal([0, 1, 2, 3, 4, 5], sweep.Select(static p => p.Index));
        var resolved = sweep[4].Resolve().Config;
        Assert.Equal(1e-2, resolved.LearningRate);
        Assert.Equal(2, resolved.Iterations);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(2, 5)]
    [InlineData(7, 11)]
    public void A_grid_has_one_valid_point_per_combination_each_with_its_own_values(int rates, int steps)
    {
        var sweep = Sweep("learning_rate=" + string.Join(",", Enumerable.Range(1, rates).Select(static i => i + "e-4")), "iterations=range(" + steps + ")");
        var seen = new HashSet<(double, long)>();

        foreach (var point in sweep)
        {
            Assert.True(point.TryResolve(out var resolved, out var diagnostics), string.Join("\n", diagnostics));
            Assert.True(seen.Add((resolved.Config.LearningRate, resolved.Config.Iterations)));
        }

        Assert.Equal(rates * steps, sweep.Count);
        Assert.Equal(rates * steps, seen.Count);
    }

    [Fact]
    public void A_sweep_without_an_axis_is_one_point_with_the_config_of_a_plain_resolve()
    {
        var sweep = Sweep("iterations=9", "name=a");

        var point = Assert.Single(sweep);
        Assert.Empty(point.Values);
        Assert.Equal(Resolver().AddOverrides(["iterations=9", "name=a"]).Resolve().Fingerprint, point.Resolve().Fingerprint);
    }

    [Theory]
    [InlineData("range(3)", "0 1 2")]
    [InlineData("range(1)", "0")]
    [InlineData("range(1,4)", "1 2 3")]
    [InlineData("range( -2 , 2 )", "-2 -1 0 1")]
    [InlineData("range(10,0,-3)", "10 7 4 1")]
    [InlineData("range(0,10,4)", "0 4 8")]
    [InlineData(" range(2,4) ", "2 3")]
    public void A_range_counts_as_Pythons_range_does(string range, string expected)
    {
        var sweep = Sweep("iterations=" + range);

        Assert.Equal(expected, string.Join(" ", sweep.Select(static p => p.Values[0].Value)));
        Assert.Equal(long.Parse(expected.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture), sweep[sweep.Count - 1].Resolve().Config.Iterations);
    }

    [Fact]
    public void A_range_between_the_extremes_of_a_long_computes_its_values_without_overflow()
    {
        var sweep = Sweep("seed_shift=range(-9000000000000000000,9000000000000000000,6000000000000000000)");

        Assert.Equal(["-9000000000000000000", "-3000000000000000000", "3000000000000000000"], sweep.Select(static p => p.Values[0].Value));
    }

    [Theory]
    [InlineData("range(1,4,0)", "the step of a range cannot be 0")]
    [InlineData("range(a,b)", "the arguments of a range are integers (list decimal values instead: a=0.1,0.2), got 'a'")]
    [InlineData("range(0.1,1,0.1)", "the arguments of a range are integers (list decimal values instead: a=0.1,0.2), got '0.1'")]
    [InlineData("range(0)", "the range 'range(0)' has no value")]
    [InlineData("range(4,1)", "the range 'range(4,1)' has no value")]
    [InlineData("range(1,2,3,4)", "a range takes at most 3 arguments (start, stop, step)")]
    [InlineData("range(1,2", "a range is written range(stop), range(start, stop) or range(start, stop, step), with integers")]
    [InlineData("range()", "the arguments of a range are integers (list decimal values instead: a=0.1,0.2), got ''")]
    [InlineData("range(0,10**12)", "the arguments of a range are integers (list decimal values instead: a=0.1,0.2), got '10**12'")]
    [InlineData("range(0,1000000000000)", "the range has 1000000000000 values, more than the limit of 1000000")]
    [InlineData("range(99999999999999999999)", "the arguments of a range are integers (list decimal values instead: a=0.1,0.2), got '99999999999999999999'")]
    public void A_malformed_range_is_an_error_at_its_override(string range, string message)
    {
        var error = Assert.Single(SweepErrors("name=x", "iterations=" + range));

        Assert.Equal(DiagnosticCodes.OverrideSyntax, error.Code);
        Assert.Equal("iterations", error.Path);
        Assert.Equal("cli arg #2", error.Origin!.Location);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("choice(a,b)", "a b")]
    [InlineData(" choice( a , 'x,y' ) ", "a 'x,y'")]
    [InlineData("choice(a)", "a")]
    [InlineData("choice([1, 2],{k: v})", "[1, 2] {k: v}")]
    public void Hydras_choice_is_the_list_of_its_values(string choice, string expected)
    {
        var sweep = Sweep("name=" + choice);

        Assert.Equal(expected, string.Join(" ", sweep.Select(static p => p.Values[0].Value)));
        Assert.All(sweep, static p => Assert.Equal("name", Assert.Single(p.Values).Key));
    }

    [Fact]
    public void A_point_of_a_choice_resolves_its_value()
    {
        var sweep = Sweep("name=choice(a,b)", "iterations=choice(7)");

        Assert.Equal(("b", 7L), (sweep[1].Resolve().Config.Name, sweep[1].Resolve().Config.Iterations));
    }

    [Theory]
    [InlineData("choice()", 13, "value 1 of the sweep list is empty (write null or '' for a null or an empty string)")]
    [InlineData("choice(a,,b)", 15, "value 2 of the sweep list is empty (write null or '' for a null or an empty string)")]
    [InlineData("sort(3,1,2)", 6, "Hydra's sort(…) is not a sweep here: list the values (a=1,2), or write choice(1,2) or range(1,3)")]
    [InlineData("glob(*)", 6, "Hydra's glob(…) is not a sweep here: list the values (a=1,2), or write choice(1,2) or range(1,3)")]
    [InlineData("interval(0,1)", 6, "Hydra's interval(…) is not a sweep here: list the values (a=1,2), or write choice(1,2) or range(1,3)")]
    public void A_malformed_choice_or_another_Hydra_sweep_function_is_an_error_at_its_place(string value, int column, string message)
    {
        var error = Assert.Single(SweepErrors("name=" + value));

        Assert.Equal(DiagnosticCodes.OverrideSyntax, error.Code);
        Assert.Equal("name", error.Path);
        Assert.Equal(column, error.Origin!.Column);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_quoted_Hydra_function_is_the_text_it_quotes()
    {
        var point = Assert.Single(Sweep("name='sort(3,1)'"));

        Assert.Equal("sort(3,1)", point.Resolve().Config.Name);
    }

    [Fact]
    public void Every_malformed_axis_is_reported_at_once()
    {
        var errors = SweepErrors("iterations=range(1,4,0)", "name=a,,b", "learning_rate=range(x)");

        Assert.Equal(["iterations", "name", "learning_rate"], errors.Select(static e => e.Path));
        Assert.Equal("value 2 of the sweep list is empty (write null or '' for a null or an empty string)", errors[1].Message);
    }

    [Fact]
    public void Zip_pairs_the_values_of_the_axes_by_position()
    {
        var sweep = Resolver().Sweep(["learning_rate=1e-3,1e-2,1e-1", "name=a", "iterations=range(3)"], zip: true);

        Assert.Equal(["learning_rate=1e-3 iterations=0", "learning_rate=1e-2 iterations=1", "learning_rate=1e-1 iterations=2"], sweep.Select(Values));
        Assert.Equal("a", sweep[2].Resolve().Config.Name);
    }

    [Fact]
    public void Zip_of_axes_of_different_lengths_is_an_error_naming_the_lengths()
    {
        var error = Assert.Single(Assert.Throws<ConfigException>(() => Resolver().Sweep(["learning_rate=1e-3,1e-2", "iterations=range(3)"], zip: true)).Diagnostics);

        Assert.Equal("--zip pairs the values of the axes by position, so every axis needs as many values; learning_rate has 2, iterations has 3", error.Message);
    }

    [Fact]
    public void Commas_inside_quotes_brackets_and_braces_do_not_split_a_value()
    {
        var names = Sweep("name='x,y',z,\"a,\\\"b\",'it''s,ok'");
        var lists = Sweep("split=[1,2],[3]");
        var maps = Sweep("tags={a: '1', b: '2'},{c: '3'}");

        Assert.Equal(["x,y", "z", "a,\"b", "it's,ok"], names.Select(static p => p.Resolve().Config.Name));
        Assert.Equal([[1.0, 2.0], [3.0]], lists.Select(static p => p.Resolve().Config.Split.ToArray()));
        Assert.Equal([2, 1], maps.Select(static p => p.Resolve().Config.Tags.Count));
    }

    [Theory]
    [InlineData("name='x,y'", "x,y")]
    [InlineData("name=[a,b]", null)]
    [InlineData("++tags.k=x,y", "x,y")]
    [InlineData("+tags.k=x,y", "x,y")]
    public void An_override_that_is_not_a_set_with_a_top_level_comma_is_one_value(string argument, string? name)
    {
        var sweep = Sweep(argument);

        var point = Assert.Single(sweep);
        Assert.Empty(point.Values);
        var ok = point.TryResolve(out var resolved, out _);
        if (name is not null)
        {
            Assert.True(ok);
            Assert.Equal(name, resolved!.Config.Name ?? resolved.Config.Tags["k"]);
        }
    }

    [Fact]
    public void An_invalid_point_fails_alone_with_its_diagnostics_at_the_override()
    {
        var sweep = Sweep("iterations=1,-1,2");

        Assert.True(sweep[0].TryResolve(out _, out _));
        Assert.False(sweep[1].TryResolve(out var resolved, out var diagnostics));
        Assert.Null(resolved);
        var error = Assert.Single(diagnostics, static d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("iterations", error.Path);
        Assert.Equal("cli arg #1", error.Origin!.Location);
        Assert.Throws<ConfigException>(() => sweep[1].Resolve());
        Assert.True(sweep[2].TryResolve(out _, out _));
    }

    [Fact]
    public void The_overrides_of_a_sweep_are_numbered_after_the_resolvers_own_and_later_ones_win()
    {
        var sweep = Resolver().AddOverride("name=first").Sweep(["iterations=1,x", "name=a,b"]);

        Assert.False(sweep[2].TryResolve(out _, out var diagnostics));
        Assert.Equal("cli arg #2", diagnostics.Single(static d => d.Severity == DiagnosticSeverity.Error).Origin!.Location);
        Assert.Equal("b", sweep[1].Resolve().Config.Name);
    }

    [Fact]
    public void The_sweep_keeps_the_resolver_as_it_was_when_the_sweep_was_made()
    {
        var resolver = Resolver();
        var sweep = resolver.Sweep(["name=a,b"]);
        resolver.AddOverride("iterations=77");

        Assert.Equal(5, sweep[0].Resolve().Config.Iterations);
    }

    [Fact]
    public void The_files_of_a_sweep_are_read_once_for_all_its_points()
    {
        var file = Path.Combine(_dir, "run.yaml");
        File.WriteAllText(file, "iterations: 5\n");
        var sweep = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment }).AddFile(file).Sweep(["name=a,b,c"]);

        Assert.Equal(5, sweep[0].Resolve().Config.Iterations);
        File.WriteAllText(file, "iterations: 6\n");
        File.Delete(file);

        Assert.Equal([5L, 5L], sweep.Skip(1).Select(static p => p.Resolve().Config.Iterations));
    }

    [Fact]
    public void The_included_files_of_a_sweep_are_read_once_too()
    {
        var included = Path.Combine(_dir, "base.yaml");
        var file = Path.Combine(_dir, "run.yaml");
        File.WriteAllText(included, "iterations: 5\n");
        File.WriteAllText(file, "include: [base.yaml]\n");
        var sweep = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment }).AddFile(file).Sweep(["name=a,b"]);

        Assert.Equal(5, sweep[0].Resolve().Config.Iterations);
        File.WriteAllText(included, "iterations: 6\n");

        Assert.Equal(5, sweep[1].Resolve().Config.Iterations);
        Assert.Equal(6, new ConfigResolver<RunConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment }).AddFile(file).Resolve().Config.Iterations);
    }

    [Fact]
    public void Points_may_be_resolved_in_parallel()
    {
        var sweep = Sweep("iterations=range(64)");
        var iterations = new long[sweep.Count];

        Parallel.ForEach(sweep, point => iterations[point.Index] = point.Resolve().Config.Iterations);

        Assert.Equal(Enumerable.Range(0, 64).Select(static i => (long)i), iterations);
    }

    [Fact]
    public void A_point_out_of_the_sweep_is_refused()
    {
        var sweep = Sweep("name=a,b");

        Assert.Throws<ArgumentOutOfRangeException>(() => sweep[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => sweep[-1]);
    }

    [Fact]
    public void A_sweep_of_more_than_a_million_points_is_refused_at_the_axis_that_passes_the_bound()
    {
        var error = Assert.Single(SweepErrors("iterations=range(1000)", "name=a", "seed_shift=range(1001)"));

        Assert.Equal("seed_shift", error.Path);
        Assert.Equal("cli arg #3", error.Origin!.Location);
        Assert.Equal("the sweep has more than 1000000 points (the product of the axes up to this one is 1001000)", error.Message);
    }

    [Fact]
    public void A_sweep_of_a_billion_points_is_refused_without_making_them()
    {
        var error = Assert.Single(SweepErrors("iterations=range(1000)", "seed_shift=range(1000)", "learning_rate=range(1,1001)"));

        Assert.Contains("more than 1000000 points", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_of_a_hundred_thousand_values_is_an_axis_and_one_of_more_than_a_million_is_refused()
    {
        var long_ = Sweep("iterations=" + string.Join(",", Enumerable.Range(0, 100_001)));
        var error = Assert.Single(SweepErrors("name=" + new string(',', 1_000_000)));

        Assert.Equal(100_001, long_.Count);
        Assert.Equal(100_000, long_[100_000].Resolve().Config.Iterations);
        Assert.Equal("the list has more than 1000000 values", error.Message);
    }

    [Fact]
    public void The_points_are_the_mixed_radix_digits_of_their_index_and_their_count_is_the_product()
    {
        Prop.ForAll(
            Gen.ListOf(Gen.Choose(1, 4)).Select(static l => l.Take(4).ToArray()).ToArbitrary(),
            Gen.Elements(true, false).ToArbitrary(),
            static (lengths, zip) =>
            {
                if (zip)
                {
                    lengths = [.. lengths.Select(_ => lengths.Length == 0 ? 1 : lengths[0])];
                }

                // A list for two values or more, a range for any (a list of one value is no axis: it has no comma).
                var overrides = lengths.Select(static (n, k) => "tags.k" + k + "=" + (n > 1 && k % 2 == 0 ? string.Join(",", Enumerable.Range(0, n)) : "range(" + n + ")")).ToArray();
                var sweep = Resolver().Sweep(overrides, zip);
                var expected = zip ? (lengths.Length == 0 ? 1 : lengths[0]) : lengths.Aggregate(1, static (a, b) => a * b);
                var ordered = sweep.Select(static (p, i) =>
                    p.Index == i && p.Values.Count == p.Values.Select(static v => v.Key).Distinct().Count()).All(static x => x);
                for (var i = 0; i < sweep.Count; i++)
                {
                    // Last axis fastest: the digits of i in the mixed radix of the lengths (or i itself for zip).
                    var rest = i;
                    for (var k = lengths.Length - 1; k >= 0; k--)
                    {
                        var digit = zip ? i : rest % lengths[k];
                        rest /= zip ? 1 : lengths[k];
                        ordered &= sweep[i].Values[k].Value == digit.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }
                }

                return sweep.Count == expected && ordered;
            }).QuickCheckThrowOnFailure();
    }
}
