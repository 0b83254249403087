using System.Text.Json;
using Strata.Cli.Tests.Convert;
using Strata.Cli.Tests.Hosting;

namespace Strata.Cli.Tests.Gpt;

/// <summary>
/// The manifest of a sweep of the GPT trainer: each axis' value is written from its field alone, and must be what the
/// whole config written with every field holds at the axis' path (<c>resolve --show all --format json</c> of the point),
/// for every kind of path: a number, a whole sub-config, the type of a typed config, an entry of a dictionary, a secret
/// entry (null), an interpolated string, a key the config does not have (null).
/// </summary>
public sealed class SweepManifestVerbTests : IDisposable
{
    private static readonly string[] s_axes =
    [
        "training.train_iters=5,6",
        "optimizer.learning_rate={base: 0.1},{base: 0.2, decay_style: cosine}",
        "model.base_model.transformer.normalization.type=rms_norm,layer_norm",
        "training.checkpoint.callback.environment.CUDA_VISIBLE_DEVICES=0,'1'",
        "training.checkpoint.callback.environment.HF_TOKEN=hf_a,hf_b",
        "run.experiment_name=run${training.train_iters},plain",
        "model.base_model.transformer.num_layers=3,4",
    ];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Each_axis_value_in_the_manifest_is_what_the_whole_config_holds_at_its_path()
    {
        var runs = Path.Combine(_dir.Path, "runs");

        var sweep = await StrataHost.Run(["sweep", "gpt-trainer", "--zip", .. s_axes, "-o", runs]);

        Assert.Equal(0, sweep.ExitCode);
        var lines = File.ReadAllLines(Path.Combine(runs, "manifest.jsonl"));
        Assert.Equal(2, lines.Length);
        for (var point = 0; point < lines.Length; point++)
        {
            var overrides = s_axes.Select(a => a[..(a.IndexOf('=', StringComparison.Ordinal) + 1)] + SplitValues(a)[point]).ToArray();
            var resolved = await StrataHost.Run(["resolve", "gpt-trainer", .. overrides, "--show", "all", "--format", "json"]);
            Assert.Equal(0, resolved.ExitCode);
            using var whole = JsonDocument.Parse(resolved.Output);
            using var line = JsonDocument.Parse(lines[point]);
            foreach (var axis in s_axes)
            {
                var path = axis[..axis.IndexOf('=', StringComparison.Ordinal)];
                var value = line.RootElement.GetProperty("values").GetProperty(path);
                var expected = At(whole.RootElement, path);
                Assert.True(
                    expected is { } e ? JsonElement.DeepEquals(e, value) : value.ValueKind == JsonValueKind.Null,
                    "point " + point + ", " + path + ": manifest " + value.GetRawText() + ", config " + (expected?.GetRawText() ?? "(none)"));
            }
        }

        Assert.DoesNotContain("hf_a", File.ReadAllText(Path.Combine(runs, "manifest.jsonl")), StringComparison.Ordinal);
    }

    /// <summary>The two values of an axis of this test (no value holds a top-level comma but the mapping's).</summary>
    private static string[] SplitValues(string axis)
    {
        var value = axis[(axis.IndexOf('=', StringComparison.Ordinal) + 1)..];
        var cut = value.StartsWith('{') ? value.IndexOf("},", StringComparison.Ordinal) + 1 : value.IndexOf(',', StringComparison.Ordinal);
        return [value[..cut], value[(cut + 1)..]];
    }

    private static JsonElement? At(JsonElement root, string path)
    {
        var node = root;
        foreach (var key in path.Split('.'))
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(key, out node))
            {
                return null;
            }
        }

        return node;
    }
}
