using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Strata.Sources;

namespace Strata.Tests.Sources;

/// <summary>
/// The path of an override is split with a search for the characters that end a key, into an array of its exact size;
/// it must read every path as the character-by-character reader it replaced does (kept here as the reference).
/// </summary>
public sealed class OverridePathTests
{
    private static readonly string[] s_pieces =
    [
        "a", "bb", "train_iters", "é", "0", "12", "-1", ".", "..", "[", "]", "[0]", "[12]", "[x]", "[]", "[-1]", "[99999999999]",
        " ", "\t", "\u00A0", "\u2003", "\u3000", "\u200B", "x y",
    ];

    [Fact]
    public void The_characters_that_end_a_key_are_the_dot_the_brackets_and_every_white_space_character()
    {
        for (var c = char.MinValue; ; c++)
        {
            Assert.True(
                OverrideParser.PathStops.Contains(c) == (c is '.' or '[' or ']' || char.IsWhiteSpace(c)),
                "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture));
            if (c == char.MaxValue)
            {
                break;
            }
        }
    }

    [Fact]
    public void Any_path_reads_as_the_character_by_character_reader_reads_it() =>
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(3000),
            Prop.ForAll(
                Gen.ListOf(Gen.Elements(s_pieces)).Select(static pieces => string.Concat(pieces.Take(8))).ToArbitrary(),
                static path =>
                {
                    var argument = path + "=1";
                    var expected = Reference(argument, argument.IndexOf('=', StringComparison.Ordinal), 3);
                    var actual = OverrideParser.TryParse(argument, 3, out var change, out var error)
                        ? "path " + string.Join("|", change.Path)
                        : "error " + error.Origin!.Column.ToString(CultureInfo.InvariantCulture) + " " + error.Message;
                    return expected == actual;
                }));

    /// <summary>Keys and indexes to build paths from: every character the grammar reads apart, but the quote (no escape).</summary>
    private static readonly string[] s_keys =
    [
        "a", "train_iters", "é", "0", "HF.TOKEN", "a.b.c", "x[0]", "]", "[", "a b", "\t", "\u3000", "k=v", "=", "+", "a+", "++a", "~a", "~",
        ".", "-1", "@file", "#c", "'q'", "{x: 1}",
    ];

    [Fact]
    public void A_path_written_as_the_grammar_writes_it_reads_back_as_the_same_path() =>
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(3000),
            Prop.ForAll(
                Gen.ListOf(Gen.OneOf(Gen.Elements(s_keys).Select(OverridePathSegment.ForKey), Gen.Choose(-3, 12).Select(OverridePathSegment.ForIndex)))
                    .Select(static steps => steps.Take(6).ToArray())
                    .Where(static steps => steps.Length > 0 && !steps[0].IsIndex)
                    .ToArbitrary(),
                static steps =>
                {
                    // Each operator in front of the path, as the sweep and the layers list write overrides back.
                    foreach (var op in (string[])["", "+", "++", "~"])
                    {
                        var argument = op + ConfigOverride.WrittenPathOf(steps) + (op == "~" ? string.Empty : "=1");
                        if (!OverrideParser.TryParse(argument, 1, out var change, out _) || !change.Path.SequenceEqual(steps))
                        {
                            return false;
                        }
                    }

                    return true;
                }));

    [Theory]
    [InlineData("training.train_iters", "training.train_iters")]
    [InlineData("environment.\"HF.TOKEN\"", "environment.\"HF.TOKEN\"")]
    [InlineData("\"a+\".b", "\"a+\".b")]
    [InlineData("data.split[-1]", "data.split[-1]")]
    public void A_key_is_quoted_only_where_the_grammar_needs_it(string path, string written)
    {
        Assert.True(OverrideParser.TryParse(path + "=1", 1, out var change, out _));
        Assert.Equal(written, ConfigOverride.WrittenPathOf(change.Path));
    }

    /// <summary>The path reader before the search: the outcome as text.</summary>
    private static string Reference(string argument, int end, int argumentNumber)
    {
        _ = argumentNumber;
        var path = new List<OverridePathSegment>();
        var i = 0;
        while (true)
        {
            var start = i;
            while (i < end && argument[i] is not ('.' or '[' or ']') && !char.IsWhiteSpace(argument[i]))
            {
                i++;
            }

            if (i == start || (i < end && char.IsWhiteSpace(argument[i])))
            {
                var problem = i < end && char.IsWhiteSpace(argument[i]) ? "a key cannot hold spaces" : "a key is missing (empty step in the path)";
                return Error(argument, i + 1, problem);
            }

            path.Add(OverridePathSegment.ForKey(argument[start..i]));
            while (i < end && argument[i] == '[')
            {
                var close = argument.IndexOf(']', i, end - i);
                var digits = close < 0 ? ReadOnlySpan<char>.Empty : argument.AsSpan(i + 1, close - i - 1);
                var sign = digits.StartsWith('-') ? -1 : 1;
                digits = sign < 0 ? digits[1..] : digits;
                if (digits.IsEmpty || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return Error(argument, i + 1, "a list index is written [n] with n an integer ([-1] is the last element)");
                }

                index *= sign;

                i = close + 1;
                path.Add(OverridePathSegment.ForIndex(index));
            }

            if (i == end)
            {
                return "path " + string.Join("|", path);
            }

            if (argument[i] != '.')
            {
                return Error(argument, i + 1, "expected '.' or '[' after a step of the path, got '" + argument[i] + "'");
            }

            i++;
        }
    }

    private static string Error(string argument, int column, string message) =>
        "error " + column.ToString(CultureInfo.InvariantCulture) + " cannot parse the override '" + argument + "' at column "
        + column.ToString(CultureInfo.InvariantCulture) + ": " + message;
}
