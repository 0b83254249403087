using Strata.Tests.Model;

namespace Strata.Tests.Diagnostics;

/// <summary>The text of a <see cref="ConfigException"/>, as logs and the runtime print it.</summary>
public sealed class ConfigExceptionTests
{
    [Fact]
    public void The_text_of_an_invalid_config_is_its_diagnostics_without_a_stack_trace()
    {
        var exception = Assert.Throws<ConfigException>(() => new ConfigResolver<RunConfig>(new ResolveOptions { Environment = new Dictionary<string, string?>() })
            .AddYaml("layers:\n  num_layers: -1\n", "run.yaml")
            .Resolve());

        Assert.Equal(
            "Strata.ConfigException: Configuration is invalid (1 error)\nrun.yaml:2:15: error STR0103: layers.num_layers: must be >= 0, got -1",
            exception.ToString().ReplaceLineEndings("\n"));
        Assert.Contains("Resolve", exception.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_of_a_config_exception_with_a_cause_keeps_the_cause_and_the_stack_trace()
    {
        static void Fail() => throw new InvalidOperationException("inner cause");
        ConfigException exception;
        try
        {
            try
            {
                Fail();
                return;
            }
            catch (InvalidOperationException cause)
            {
                throw new ConfigException("outer", cause);
            }
        }
        catch (ConfigException caught)
        {
            exception = caught;
        }

        var text = exception.ToString();
        Assert.Contains("inner cause", text, StringComparison.Ordinal);
        Assert.Contains("   at ", text, StringComparison.Ordinal);
    }
}
