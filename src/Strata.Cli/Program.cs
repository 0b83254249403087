using Strata.Hosting;
using Strata.Llm;

namespace Strata.Cli;

/// <summary>The <c>strata</c> tool: the command line of the GPT configs, built with the same hosting API any program uses.</summary>
internal static class Program
{
    private static int Main(string[] args) => CreateHost().Run(args);

    /// <summary>The host with the kinds of DESIGN §5.</summary>
    internal static ConfigHost CreateHost() =>
        new ConfigHost("strata", "Typed, layered, reproducible configs for GPT training runs.")
            .AddKind<GPTTrainerConfig>("gpt-trainer", "A GPT training run: model, pretrained checkpoint, data, batch, optimizer, schedule.")
            .AddKind<PretrainedGPTModelConfig>("gpt-model", "A GPT model, optionally starting from a pretrained checkpoint.");
}
