using System.Diagnostics;
using System.Numerics;
using Strata.Schema;
using Strata.Tests.Resolution;

namespace Strata.Tests.Schema;

/// <summary>
/// Converting digits into a number costs time quadratic in their number: integers are measured first (linear), a
/// fixed-size integer longer than its type allows is out of range by its length alone, and no integer of more than
/// <see cref="ScalarText.MaxIntegerDigits"/> significant digits is ever converted.
/// </summary>
public sealed class IntegerDigitTests
{
    private static readonly string s_million = new('7', 1_000_000);

    [Theory]
    [InlineData("0", 10, 0)]
    [InlineData("-000120", 10, 3)]
    [InlineData("+9", 10, 1)]
    [InlineData("0x00ff", 16, 2)]
    [InlineData("0o17", 8, 2)]
    [InlineData("0B101", 2, 3)]
    public void An_integer_is_measured_by_its_base_and_its_significant_digits(string text, int radix, int digits)
    {
        Assert.True(ScalarText.TryMeasureInteger(text, out var shape));
        Assert.Equal((radix, digits, text.StartsWith('-')), (shape.Radix, shape.Digits, shape.Negative));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("0x")]
    [InlineData("12a")]
    [InlineData("0b102")]
    [InlineData("1__000")]
    [InlineData("4.0")]
    public void Text_that_is_not_an_integer_is_not_measured(string text) => Assert.False(ScalarText.TryMeasureInteger(text, out _));

    [Fact]
    public void Integers_are_read_up_to_the_digit_limit_and_no_further()
    {
        var atLimit = new string('9', ScalarText.MaxIntegerDigits);
        Assert.True(ScalarText.TryParseInteger(atLimit, out var value));
        Assert.Equal(BigInteger.Parse(atLimit, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.True(ScalarText.TryParseInteger(new string('0', 10_000) + atLimit, out var padded));
        Assert.Equal(value, padded);
        Assert.False(ScalarText.TryParseInteger(atLimit + "9", out _));
        Assert.False(ScalarText.TryParseInteger("0x" + new string('f', ScalarText.MaxIntegerDigits + 1), out _));
    }

    [Fact]
    public void A_float_written_as_an_integer_past_the_digit_limit_reads_as_the_infinity_it_overflows_to()
    {
        Assert.True(ScalarText.TryParseDouble("0x" + s_million, out var positive));
        Assert.Equal(double.PositiveInfinity, positive);
        Assert.True(ScalarText.TryParseDouble("-0b" + new string('1', 5000), out var negative));
        Assert.Equal(double.NegativeInfinity, negative);
        Assert.True(ScalarText.TryParseDouble("0x" + new string('f', 300), out var large));
        Assert.Equal(double.PositiveInfinity, large);
        Assert.True(ScalarText.TryParseDouble("0x10", out var sixteen));
        Assert.Equal(16.0, sixteen);
    }

    [Theory]
    [InlineData("iterations", "is out of range for int64 (-9223372036854775808..9223372036854775807)")]
    [InlineData("seed_shift", "is out of range for big integer: it has 1000000 digits, more than the limit of 4300")]
    [InlineData("learning_rate", "is out of range for float (about ±1.8e308)")]
    [InlineData("scale", "is out of range for float32 (about ±3.4e38)")]
    public void A_million_digits_are_out_of_range_at_once_and_quoted_in_part(string field, string message)
    {
        var clock = Stopwatch.StartNew();

        var error = Assert.Single(Resolve.Errors(field + ": " + s_million + "\n"));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), "took " + clock.Elapsed);
        Assert.Equal(DiagnosticCodes.NumberOutOfRange, error.Code);
        Assert.Equal(new string('7', MessageText.MaxShownLength) + "… (1000000 characters) " + message, error.Message);
    }

    [Theory]
    [InlineData("iterations: 9223372036854775807", true)]
    [InlineData("iterations: 9223372036854775808", false)]
    [InlineData("iterations: 00000009223372036854775807", true)]
    [InlineData("iterations: 0x7fffffffffffffff", true)]
    [InlineData("iterations: 0x8000000000000000", false)]
    [InlineData("iterations: 0x0000000000000000000000000007", true)]
    [InlineData("iterations: 0b111111111111111111111111111111111111111111111111111111111111111", true)]
    public void The_length_check_leaves_every_integer_of_the_type_to_the_parser(string yaml, bool valid)
    {
        var ok = new ConfigResolver<Model.RunConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment })
            .AddYaml(yaml + "\n", "run.yaml")
            .TryResolve(out _, out var diagnostics);
        Assert.True(ok == valid, string.Join("\n", diagnostics));
    }
}
