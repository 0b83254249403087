using System.Globalization;
using Strata.Llm;
using Strata.Robustness.Tests.Infrastructure;

namespace Strata.Robustness.Tests;

/// <summary>
/// Rule R12: the same inputs give byte-identical documents (resolve as YAML and JSON, explain as JSON) and the same
/// fingerprint under any culture of the calling thread and in separate processes with other locale settings.
/// </summary>
[Collection(nameof(SerialCollection))]
public sealed class DeterminismTests
{
    private static readonly string[] s_cultures = ["", "tr-TR", "de-DE", "fr-FR", "ar-SA", "fa-IR", "hi-IN", "ja-JP"];

    /// <summary>The documents compared: each verb and format, with every field shown.</summary>
    private static readonly string[][] s_views =
    [
        ["resolve", "gpt-trainer"],
        ["resolve", "gpt-trainer", "--show", "all"],
        ["resolve", "gpt-trainer", "--show", "all", "--format", "json"],
        ["resolve", "gpt-trainer", "--sources"],
        ["explain", "gpt-trainer", "--format", "json"],
        ["explain", "gpt-trainer"],
    ];

    /// <summary>
    /// Values whose parsing or printing a culture could change: decimal commas, exponents, the Turkish dotless i in an
    /// upper-case enum name, big integers.
    /// </summary>
    private static readonly string[] s_culturalOverrides =
    [
        "optimizer.learning_rate.base=1.5e-05",
        "optimizer.weight_decay=0.1",
        "model.base_model.transformer.init_method_std=0.0123456789",
        "model.base_model.transformer.rotary.type=llama3",
        "model.base_model.transformer.rotary.theta=500000.25",
        "model.distributed.seed=1234567890123",
        "run.experiment_name=İstanbul-ıi-Iı",
    ];

    public static TheoryData<string> Cultures => new(s_cultures);

    private static async Task<string> RunAll(IEnumerable<string[]> inputs)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var input in inputs)
        {
            foreach (var view in s_views)
            {
                var result = await StrataCli.Run(TimeSpan.FromSeconds(30), [.. view, .. input]);
                sb.Append(string.Join(' ', view)).Append(" → ").Append(result.ExitCode).Append('\n')
                    .Append(result.Output).Append("\n--- stderr ---\n").Append(result.Error).Append("\n=====\n");
            }
        }

        return sb.ToString();
    }

    private static IEnumerable<string[]> Inputs() =>
        Workload.All.Select(static w => w.Arguments)
            .Append([.. Workload.All[0].Arguments, .. s_culturalOverrides])
            .Append([.. Workload.All[0].Arguments, "model.distributed.training_dtype=INT64", "optimizer.learning_rate.decay_style=COSINE"]);

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task Command_line_output_is_byte_identical_under_every_culture(string culture)
    {
        var invariant = await WithCulture(CultureInfo.InvariantCulture, () => RunAll(Inputs()));

        var actual = await WithCulture(CultureInfo.GetCultureInfo(culture), () => RunAll(Inputs()));

        Assert.Equal(invariant, actual);
        Assert.Contains("1.5e-05", invariant, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task Fingerprints_are_the_same_under_every_culture(string culture)
    {
        var expected = Workload.All.Select(static w => w.Resolve().Fingerprint).ToArray();

        var actual = await WithCulture(CultureInfo.GetCultureInfo(culture), () => Task.FromResult(Workload.All.Select(static w => w.Resolve().Fingerprint).ToArray()));

        Assert.Equal(expected, actual);
        Assert.All(actual, static f => Assert.Matches("^[0-9a-f]{64}$", f));
    }

    [Fact]
    public async Task Separate_processes_with_other_locales_print_the_same_bytes_and_reload_to_the_same_fingerprint()
    {
        var workload = Workload.All[1];
        Dictionary<string, string?>[] environments =
        [
            new() { ["LANG"] = "C", ["LC_ALL"] = "C" },
            new() { ["LANG"] = "tr_TR.UTF-8", ["LC_ALL"] = "tr_TR.UTF-8", ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "0" },
            new() { ["LANG"] = "de_DE.UTF-8", ["LC_ALL"] = "de_DE.UTF-8", ["LC_NUMERIC"] = "de_DE.UTF-8" },
            new() { ["LANG"] = "fr_FR.UTF-8", ["LC_ALL"] = "fr_FR.UTF-8", ["DOTNET_SYSTEM_GLOBALIZATION_PREDEFINED_CULTURES_ONLY"] = "0" },
        ];
        var outputs = new List<string>();
        foreach (var environment in environments)
        {
            var text = new System.Text.StringBuilder();
            foreach (var view in s_views)
            {
                var result = await StrataProcess.Run(environment, TimeSpan.FromSeconds(60), [.. view, .. workload.Arguments, .. s_culturalOverrides]);
                Assert.True(result.ExitCode == 0, result.Error);
                text.Append(result.Output).Append("\n=====\n");
            }

            outputs.Add(text.ToString());
        }

        Assert.All(outputs, o => Assert.Equal(outputs[0], o));

        // The full JSON of another process resolves, here, to the fingerprint computed here.
        var json = await StrataProcess.Run(environments[1], TimeSpan.FromSeconds(60), ["resolve", "gpt-trainer", .. workload.Arguments, .. s_culturalOverrides, "--show", "all", "--format", "json"]);
        var here = new ConfigResolver<GPTTrainerConfig>(new ResolveOptions { Environment = new Dictionary<string, string?>() });
        workload.Files.ToList().ForEach(f => here.AddFile(f));
        var expected = here.AddOverrides(workload.Overrides).AddOverrides(s_culturalOverrides).Resolve().Fingerprint;
        var reloaded = new ConfigResolver<GPTTrainerConfig>(new ResolveOptions { Environment = new Dictionary<string, string?>() }).AddJson(json.Output).Resolve();
        Assert.Equal(expected, reloaded.Fingerprint);
    }

    private static async Task<T> WithCulture<T>(CultureInfo culture, Func<Task<T>> action)
    {
        var (culture0, ui0) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return await action();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture0;
            CultureInfo.CurrentUICulture = ui0;
        }
    }
}
