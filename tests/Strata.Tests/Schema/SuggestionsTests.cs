using FsCheck;
using FsCheck.Fluent;
using Strata.Schema;
using Strata.Tests.Infrastructure;

namespace Strata.Tests.Schema;

/// <summary>
/// The closest-name search gives what a full comparison of every candidate gives (kept here as the reference: the
/// distance matrix of optimal string alignment, filled whole), with work bounded per query whatever the input.
/// </summary>
public sealed class SuggestionsTests
{
    private static readonly Gen<string> s_name = Gen.Elements("a", "b", "c", "_", ".", "é", "ab", "ba", "train", "iters", "[0]", "\U0001F600")
        .ListOf()
        .Select(static pieces => string.Concat(pieces.Take(12)));

    [Fact]
    public void The_bounded_distance_is_the_full_distance_when_within_the_bound_and_the_bound_plus_one_beyond() =>
        Prop.ForAll(s_name.ToArbitrary(), s_name.ToArbitrary(), Gen.Choose(0, 12).ToArbitrary(), static (a, b, max) =>
        {
            var full = Reference(a, b);
            var bounded = Suggestions.Distance(a, b, max);
            return bounded == (full <= max ? full : max + 1);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Names_of_64_to_128_characters_are_compared_as_exactly_as_short_ones() =>
        Prop.ForAll(s_name.ToArbitrary(), s_name.ToArbitrary(), static (a, b) =>
        {
            var padding = new string('p', 70);
            var (x, y) = (padding + a, padding + b);
            var max = x.Length / 3;
            var full = Reference(x, y);
            return Suggestions.Distance(x, y, max) == (full <= max ? full : max + 1);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void The_closest_candidate_is_the_first_at_the_smallest_distance_within_a_third_of_the_name() =>
        Prop.ForAll(s_name.ToArbitrary(), s_name.ListOf().ToArbitrary(), static (input, candidates) =>
        {
            string? expected = null;
            var best = int.MaxValue;
            foreach (var c in candidates)
            {
                var d = Reference(input, c);
                if (d < best)
                {
                    (best, expected) = (d, c);
                }
            }

            expected = best <= Math.Max(1, input.Length / 3) ? expected : null;
            return Suggestions.Closest(input, candidates) == expected;
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData("num_layer", "num_layers")]
    [InlineData("hiden_size", "hidden_size")]
    [InlineData("hidden_szie", "hidden_size")]
    [InlineData("network.hiden", "network.hidden")]
    public void A_typo_finds_its_name(string input, string expected) =>
        Assert.Equal(expected, Suggestions.Closest(input, ["num_layers", "hidden_size", "heads", "network.hidden", "network.layers"]));

    [Fact]
    public void A_name_longer_than_the_compared_length_gets_no_suggestion_even_from_itself()
    {
        var name = new string('a', Suggestions.MaxComparedLength + 1);
        Assert.Null(Suggestions.Closest(name, [name]));
        Assert.Equal("x" + name[1..Suggestions.MaxComparedLength], Suggestions.Closest(name[..Suggestions.MaxComparedLength], ["x" + name[1..Suggestions.MaxComparedLength]]));
    }

    [Fact]
    public void Sixty_thousand_misspelled_paths_against_three_hundred_leaves_take_about_a_second()
    {
        // Leaves like a real schema's: dotted paths of 10 to 70 characters; each query is close to one of them.
        string[] words = ["model", "base_model", "transformer", "mixer", "rotary", "num_layers", "hidden_size", "training", "export", "data", "sampling", "shuffle", "seed"];
        var leaves = Enumerable.Range(0, 300).Select(i => string.Join('.', Enumerable.Range(0, 2 + (i % 6)).Select(k => words[(i + (k * 7)) % words.Length])) + "_" + i).ToArray();
        var clock = ThreadCpuClock.StartNew();
        var found = 0;
        for (var i = 0; i < 60_000; i++)
        {
            var leaf = leaves[i % leaves.Length];
            found += Suggestions.Closest(leaf[..^2] + "x" + leaf[^1], leaves) is null ? 0 : 1;
        }

        Assert.True(found > 50_000, "found " + found);

        // About a second of CPU; the bound leaves room for a slow machine and stays far below the minutes a full
        // comparison of every pair took (a matrix allocated and filled whole for each). CPU time of this thread, not
        // wall time: a machine loaded by other processes does not make the work larger.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "took " + clock.Elapsed);
    }

    [Fact]
    public void A_query_of_a_million_characters_costs_no_comparison()
    {
        var input = new string('x', 1_000_000);
        string[] candidates = [input, "x", input[..500_000]];
        var clock = ThreadCpuClock.StartNew();
        for (var i = 0; i < 1000; i++)
        {
            Assert.Null(Suggestions.Closest(input, candidates));
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), "took " + clock.Elapsed);
    }

    /// <summary>Optimal string alignment distance, the whole matrix (what <see cref="Suggestions"/> computed before it was bounded).</summary>
    private static int Reference(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
