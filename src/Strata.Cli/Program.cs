using Strata.Cli.Verbs;
using Strata.Hosting;
using Strata.Llm;

namespace Strata.Cli;

/// <summary>The <c>strata</c> tool: the command line of the GPT configs, built with the same hosting API any program uses.</summary>
internal static class Program
{
    private static int Main(string[] args) => CreateHost().Run(args);

    /// <summary>The host with the kinds and verbs of DESIGN §5, and the weights check of DESIGN §6.</summary>
    /// <param name="environment">The environment that declared bindings read; the process environment when null.</param>
    /// <param name="services">Services for preparation hooks (a checkpoint reader with another base directory, in tests).</param>
    internal static ConfigHost CreateHost(IReadOnlyDictionary<string, string?>? environment = null, IServiceProvider? services = null) =>
        new ConfigHost("strata", "Typed, layered, reproducible configs for GPT training runs.") { Environment = environment, Services = services }
            .AddKind<GPTTrainerConfig>("gpt-trainer", "A GPT training run: model, pretrained checkpoint, data, batch, optimizer, schedule.")
            .AddKind<PretrainedGPTModelConfig>("gpt-model", "A GPT model, optionally starting from a pretrained checkpoint.")
            .AddVerb("convert", ConvertVerb.Create)
            .AddVerb("inspect-weights", InspectWeightsVerb.Create);
}
