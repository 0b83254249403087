namespace Strata.Tests.Resolution;

/// <summary>
/// The binder reads short decimal integers without a big integer and string-keyed dictionaries without key nodes:
/// the values, the bounds and the diagnostics must be those of the general path.
/// </summary>
public sealed class BindingFastPathTests
{
    [Theory]
    [InlineData("layers: {num_layers: 2147483647}", 2147483647L)]
    [InlineData("layers: {num_layers: +5}", 5L)]
    [InlineData("layers: {num_layers: 007}", 7L)]
    [InlineData("layers: {num_layers: 0x10}", 16L)]
    [InlineData("layers: {num_layers: 0}", 0L)]
    [InlineData("layers: {num_layers: -0}", 0L)]
    public void Integers_read_as_the_general_parser_reads_them(string yaml, long expected) =>
        Assert.Equal(expected, Resolve.Yaml(yaml + "\n").Config.Layers.NumLayers);

    [Theory]
    [InlineData("iterations: 9223372036854775807", long.MaxValue)]
    [InlineData("iterations: 999999999999999999", 999999999999999999L)]
    [InlineData("iterations: 000000000000000000012", 12L)]
    public void Long_integers_read_at_their_bounds(string yaml, long expected) =>
        Assert.Equal(expected, Resolve.Yaml(yaml + "\n").Config.Iterations);

    [Theory]
    [InlineData("layers: {num_layers: 2147483648}", "2147483648 is out of range for int (-2147483648..2147483647)")]
    [InlineData("layers: {num_layers: -2147483649}", "-2147483649 is out of range for int (-2147483648..2147483647)")]
    [InlineData("iterations: 9223372036854775808", "9223372036854775808 is out of range for int64 (-9223372036854775808..9223372036854775807)")]
    public void Integers_out_of_range_are_reported_as_such(string yaml, string message)
    {
        var error = Assert.Single(Resolve.Errors(yaml + "\n"));
        Assert.Equal(DiagnosticCodes.NumberOutOfRange, error.Code);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_key_read_twice_after_conversion_is_a_duplicate_even_when_its_first_value_failed()
    {
        var errors = Resolve.Errors("layer_scales: {1: [2], 01: 0.5}\n");
        Assert.Collection(
            errors,
            e => Assert.Equal((DiagnosticCodes.TypeMismatch, "layer_scales.1"), (e.Code, e.Path)),
            e => Assert.Equal((DiagnosticCodes.DuplicateEntry, "layer_scales.01", "duplicate key after conversion"), (e.Code, e.Path, e.Message)));
    }

    [Fact]
    public void String_keyed_dictionaries_keep_their_order_and_report_bad_values_by_key()
    {
        var resolved = Resolve.Yaml("tags: {z: a, b: 'null', m: c}\n");
        Assert.Equal(["z", "b", "m"], resolved.Config.Tags.Keys);
        Assert.Equal("null", resolved.Config.Tags["b"]);

        var error = Assert.Single(Resolve.Errors("tags: {z: a, b: null}\n"));
        Assert.Equal((DiagnosticCodes.NullNotAllowed, "tags.b"), (error.Code, error.Path));
    }
}
