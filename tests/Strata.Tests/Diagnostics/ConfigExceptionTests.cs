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

    [Fact]
    public void Diagnostics_are_in_the_order_of_their_places_files_as_given_then_arguments_then_the_environment()
    {
        // Reported in the order found: bind errors (scale) before rule errors, fields in the order of the schema.
        var exception = Assert.Throws<ConfigException>(() => new ConfigResolver<RunConfig>(new ResolveOptions { Environment = new Dictionary<string, string?> { ["STRATA_TEST_RANK"] = "-1" } })
            .AddYaml("learning_rate: 0\niterations: -1\n", "z.yaml")
            .AddYaml("schedule: cubic\n", "a.yaml")
            .AddOverrides(["layers.num_layers=-1", "scale=x"])
            .Resolve());

        Assert.Equal(
            ["z.yaml:1:16 learning_rate", "z.yaml:2:13 iterations", "a.yaml:1:11 schedule", "cli arg #1 layers.num_layers", "cli arg #2 scale", "env STRATA_TEST_RANK rank"],
            exception.Diagnostics.Select(static d => d.Origin + " " + d.Path));
    }

    [Fact]
    public void Diagnostics_at_the_same_place_keep_the_order_they_were_reported_in_and_a_checkpoint_comes_first()
    {
        Diagnostic At(Origin? origin, string message) => new(DiagnosticSeverity.Error, DiagnosticCodes.ConfigRule, string.Empty, origin, message);
        var reported = new[]
        {
            At(Origin.Derived, "derived"),
            At(Origin.FromCommandLine(2, 3), "second argument"),
            At(Origin.InFile("b.yaml", 4, 1), "b first"),
            At(null, "nowhere"),
            At(Origin.InFile("b.yaml", 4, 1), "b again"),
            At(Origin.FromResponseFile("args.rsp", 7, 1), "first argument"),
            At(Origin.InFile("other.yaml", 1, 1), "a file that is no layer"),
            At(Origin.InCheckpoint("ckpt/config.json", 9, 2), "checkpoint"),
            At(Origin.InFile("a.yaml", 9, 9), "a"),
        };

        var sorted = DiagnosticOrder.Sort(reported, ["b.yaml", "a.yaml"]);

        Assert.Equal(
            ["checkpoint", "b first", "b again", "a", "a file that is no layer", "first argument", "second argument", "derived", "nowhere"],
            sorted.Select(static d => d.Message));
    }
}
