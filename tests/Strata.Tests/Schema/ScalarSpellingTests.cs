using System.Numerics;
using Strata.Schema;
using Strata.Sources;
using Strata.Tests.Resolution;

namespace Strata.Tests.Schema;

/// <summary>
/// Rule R5 (revised): where the schema leaves one meaning, the spellings of Fast-LLM's own configs are read as they mean
/// (<c>100_000</c> in a number field, <c>yes</c>/<c>off</c> in a bool field), and a string field keeps every one of them.
/// </summary>
public sealed class ScalarSpellingTests
{
    [Theory]
    [InlineData("100_000", 100_000)]
    [InlineData("1_0", 10)]
    [InlineData("-1_000", -1000)]
    [InlineData("+0_7", 7)]
    [InlineData("0x_ff", 255)]
    [InlineData("0xf_f", 255)]
    [InlineData("0b1_0_1", 5)]
    [InlineData("0o1_7", 15)]
    public void An_integer_takes_single_separators_between_its_digits_as_python_int_does(string text, long expected)
    {
        Assert.True(ScalarText.TryParseInteger(text, out var value));
        Assert.Equal(new BigInteger(expected), value);
    }

    [Theory]
    [InlineData("_1")]
    [InlineData("1_")]
    [InlineData("1__0")]
    [InlineData("-_1")]
    [InlineData("0x__f")]
    [InlineData("0x_")]
    [InlineData("_")]
    [InlineData("1_0.5_")]
    public void A_separator_that_is_not_between_two_digits_makes_the_text_no_integer(string text)
    {
        Assert.False(ScalarText.TryParseInteger(text, out _));
        Assert.False(ScalarText.TryMeasureInteger(text, out _));
    }

    [Theory]
    [InlineData("500_000.0", 500_000.0)]
    [InlineData("1_0e1_0", 1e11)]
    [InlineData("1_0.2_5", 10.25)]
    [InlineData(".5_5", 0.55)]
    [InlineData("-2_0e-0_1", -2.0)]
    [InlineData("100_000", 100_000.0)]
    [InlineData("0x_10", 16.0)]
    public void A_float_takes_single_separators_between_its_digits_as_python_float_does(string text, double expected)
    {
        Assert.True(ScalarText.TryParseDouble(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1_.5")]
    [InlineData("1._5")]
    [InlineData("1e_5")]
    [InlineData("1_e5")]
    [InlineData("_1.0")]
    [InlineData("1.0_")]
    [InlineData("1__0.0")]
    [InlineData("._5")]
    [InlineData("in_f")]
    public void A_misplaced_separator_makes_the_text_no_float(string text) => Assert.False(ScalarText.TryParseDouble(text, out _));

    [Theory]
    [InlineData("100_000", 100_000)]
    [InlineData("-1_000", -1000)]
    [InlineData("+0_7", 7)]
    [InlineData("999_999_999_999_999_999", 999_999_999_999_999_999)]
    public void An_integer_with_separators_is_read_once_from_the_characters_of_its_document(string text, long expected)
    {
        // One read of the characters, as for 100000: the scalar's text never becomes a string of its own (no second read).
        Assert.False(ValueTypes.Int64.Refuses(Scalar(text)));
        var node = Scalar(text);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var refused = ValueTypes.Int64.Refuses(node);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal((false, 0L), (refused, allocated));
        Assert.True(ScalarText.TryParseShortDecimal(text, out var value));
        Assert.Equal(expected, value);
    }

    /// <summary>A plain scalar of a document, as a parsed file holds it (its characters a part of the document's text).</summary>
    private static global::Strata.Tree.ConfigNode Scalar(string text)
    {
        var root = (global::Strata.Tree.ConfigMap)YamlDocumentReader.Parse("a: " + text + "\n", "a.yaml").Root!;
        Assert.True(root.TryGetValue("a", out var node));
        return node;
    }

    [Theory]
    [InlineData("_1")]
    [InlineData("1_")]
    [InlineData("1__0")]
    [InlineData("-_1")]
    [InlineData("_")]
    [InlineData("1_000_000_000_000_000_000")]
    [InlineData("0x_ff")]
    public void The_short_read_leaves_misplaced_separators_long_numbers_and_prefixes_to_the_long_path(string text) =>
        Assert.False(ScalarText.TryParseShortDecimal(text, out _));

    [Fact]
    public void The_digit_limit_counts_digits_not_separators()
    {
        var digits = string.Join('_', Enumerable.Repeat("9", ScalarText.MaxIntegerDigits));
        Assert.True(ScalarText.TryMeasureInteger(digits, out var shape));
        Assert.Equal(ScalarText.MaxIntegerDigits, shape.Digits);
        Assert.True(ScalarText.TryParseInteger(digits, out var value));
        Assert.Equal(BigInteger.Pow(10, ScalarText.MaxIntegerDigits) - 1, value);
        Assert.False(ScalarText.TryParseInteger(digits + "_9", out _));
        Assert.True(ScalarText.TryParseInteger("0_0_0_1_2", out var padded));
        Assert.Equal(new BigInteger(12), padded);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yes", true)]
    [InlineData("YES", true)]
    [InlineData("yEs", true)]
    [InlineData("on", true)]
    [InlineData("ON", true)]
    [InlineData("no", false)]
    [InlineData("No", false)]
    [InlineData("off", false)]
    [InlineData("oFF", false)]
    [InlineData("true", true)]
    [InlineData("FALSE", false)]
    public void A_bool_reads_yes_no_on_and_off_in_any_case(string text, bool expected)
    {
        Assert.True(ScalarText.TryParseBoolean(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("y")]
    [InlineData("n")]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("yes ")]
    [InlineData("enabled")]
    [InlineData("")]
    public void Other_words_are_no_bool(string text) => Assert.False(ScalarText.TryParseBoolean(text, out _));

    [Fact]
    public void Number_and_bool_fields_read_the_spellings_of_a_file_and_of_an_override_and_a_string_field_keeps_them()
    {
        var fromFile = Resolve.Yaml("iterations: 100_000\nlearning_rate: 1_0e-5\nflag: yes\nname: yes\nbatch_size: 1_6\n");
        Assert.Equal(100_000, fromFile.Config.Iterations);
        Assert.Equal(10e-5, fromFile.Config.LearningRate);
        Assert.True(fromFile.Config.Flag);
        Assert.Equal("yes", fromFile.Config.Name);
        Assert.Equal(16, fromFile.Config.BatchSize);

        var fromOverrides = Resolve.Yaml("flag: true\n", "flag=Off", "iterations=2_000", "name=on", "tags.x=1_000");
        Assert.False(fromOverrides.Config.Flag);
        Assert.Equal(2000, fromOverrides.Config.Iterations);
        Assert.Equal("on", fromOverrides.Config.Name);
        Assert.Equal("1_000", fromOverrides.Config.Tags["x"]);

        // Saved as the value it is: the canonical spelling, read back the same.
        var yaml = fromFile.ToYaml();
        Assert.Contains("iterations: 100000\n", yaml.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("flag: true\n", yaml.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("name: \"yes\"\n", yaml.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(fromFile.Fingerprint, Resolve.Yaml(yaml).Fingerprint);
    }

    [Theory]
    [InlineData("iterations: 1__000", DiagnosticCodes.TypeMismatch)]
    [InlineData("iterations: _1000", DiagnosticCodes.TypeMismatch)]
    [InlineData("iterations: '1_000'", DiagnosticCodes.TypeMismatch)]
    [InlineData("flag: 'yes'", DiagnosticCodes.TypeMismatch)]
    [InlineData("flag: y", DiagnosticCodes.TypeMismatch)]
    [InlineData("batch_size: 9_999_999_999", DiagnosticCodes.NumberOutOfRange)]
    public void A_misspelled_number_or_bool_is_an_error_at_its_place(string yaml, string code)
    {
        var error = Assert.Single(Resolve.Errors(yaml + "\n"));
        Assert.Equal(code, error.Code);
        Assert.Equal((1, yaml.IndexOf(':', StringComparison.Ordinal) + 3), (error.Origin?.Line, error.Origin?.Column));
    }
}
