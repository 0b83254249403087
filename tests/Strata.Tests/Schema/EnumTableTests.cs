using Strata.Tests.Model;
using Strata.Tests.Resolution;

namespace Strata.Tests.Schema;

/// <summary>
/// An enum field reads its names through the generated table (names, values as <see cref="long"/>, aliases) and turns the
/// value into the enum by its bits: every underlying width and sign must come back as itself.
/// </summary>
public sealed class EnumTableTests
{
    [Fact]
    public void Enums_of_every_width_and_sign_are_read_by_name_and_written_back_by_name()
    {
        var resolved = new ConfigResolver<EnumWidthsConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment })
            .AddYaml("small: minus\nshort: high\nlong: bottom\nhuge: largest\nchoices: [max, minus, zero]\n", "enums.yaml")
            .Resolve();

        Assert.Empty(resolved.Diagnostics);
        var config = resolved.Config;
        Assert.Equal(SignedByteChoice.Minus, config.Small);
        Assert.Equal(UnsignedShortChoice.High, config.Short);
        Assert.Equal(LongChoice.Bottom, config.Long);
        Assert.Equal(UnsignedLongChoice.Largest, config.Huge);
        Assert.Equal([SignedByteChoice.Top, SignedByteChoice.Minus, SignedByteChoice.Zero], config.Choices);
        Assert.Equal(
            "small: minus\nshort: high\nlong: bottom\nhuge: largest\nchoices:\n- top\n- minus\n- zero\n",
            ConfigSerializer.ToYaml(config));
    }

    [Fact]
    public void An_unknown_name_is_an_error_that_suggests_the_closest_name_or_alias()
    {
        var ok = new ConfigResolver<EnumWidthsConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment })
            .AddYaml("small: mux\n", "enums.yaml")
            .TryResolve(out _, out var diagnostics);

        Assert.False(ok);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownEnumValue, error.Code);
        Assert.Contains("expected one of minus, zero, top (did you mean 'max'?)", error.Message, StringComparison.Ordinal);
    }
}
