using FsCheck;
using FsCheck.Fluent;
using Strata.Schema;
using Strata.Serialization;
using Strata.Tests.Model;
using Strata.Tests.Resolution;

namespace Strata.Tests.Serialization;

/// <summary>
/// <see cref="ConfigSerializer.ToYaml(ConfigObject, Verbosity, SecretHandling)"/> writes the YAML of a config directly, without the output tree: its text must
/// be the one the emitter gives for that tree (<see cref="ConfigSerializer.ToTree"/>), at every verbosity and secret
/// handling, for frozen configs (their collections are the config's own) and unfrozen ones (any collection).
/// </summary>
public sealed class DirectYamlTests
{
    private static readonly Gen<string> s_override = Gen.OneOf(
        Gen.Choose(0, 64).Select(static n => "layers.num_layers=" + n),
        Gen.Elements("layers.ffn_hidden_size=null", "layers.ffn_hidden_size=4096", "layers.window_size=null", "layers.window_size=7"),
        Gen.Elements("name=a", "name='0x10'", "name=\"true\"", "name=null", "name='a: b'", "name=' padded '", "name='-'", "name='x\\ty'", "name='é ☃ 😀'", "name='#c'", "name=''"),
        Gen.Elements("flag=true", "flag=false"),
        Gen.Choose(0, int.MaxValue).Select(static n => "iterations=" + n),
        Gen.Elements("learning_rate=1e-5", "learning_rate=3.0e-4", "learning_rate=0.1", "learning_rate=.inf", "learning_rate=1e300", "learning_rate=123456789012345678", "learning_rate=5e-324"),
        Gen.Elements("scale=0.1", "scale=-2.5e-7", "scale=.nan", "scale=3e38"),
        Gen.Elements("seed_shift=0", "seed_shift=-99999999999999999999999999"),
        Gen.Elements("precision=bf16", "precision=float16", "precision=fp32"),
        Gen.Elements("split=[]", "split=[1.5]", "split=[1, 2, 3]"),
        Gen.Elements("ranks=[0, 2]", "ranks=[]"),
        Gen.Elements("tags={a: b, c: 'null'}", "tags={}", "tags={'x: y': 'a #b', 'true': '1'}"),
        Gen.Elements("layer_scales={1: 0.5, 3: 2}", "layer_scales={}"),
        Gen.Elements("shape=[5, 6]"),
        Gen.Elements("datasets.train={type: file, path: x/y}", "datasets.train={type: random, seed: 9}", "datasets.valid={type: mix, datasets: [{type: file}, {type: random, weight: 0.5}]}", "datasets.empty={type: mix, datasets: []}"),
        Gen.Elements("extra=[{num_layers: 1}, {hidden_size: 64, heads: 2}]", "extra=[]", "extra=[{}]"),
        Gen.Elements("teacher={num_layers: 3}", "teacher=null", "teacher={}"),
        Gen.Elements("schedule=cosine", "output_dir=runs/x", "output_dir=null", "output_dir=''"),
        Gen.Elements("api_key=secret", "api_key=null"),
        Gen.Choose(1, 64).Select(static n => "batch_size=" + (n * 8)));

    public static TheoryData<Verbosity, SecretHandling> Settings()
    {
        var data = new TheoryData<Verbosity, SecretHandling>();
        foreach (var verbosity in Enum.GetValues<Verbosity>())
        {
            foreach (var secrets in Enum.GetValues<SecretHandling>())
            {
                data.Add(verbosity, secrets);
            }
        }

        return data;
    }

    [Fact]
    public void Resolved_configs_are_written_as_the_emitter_writes_their_trees() =>
        Prop.ForAll(Gen.ListOf(s_override).Select(static l => l.Take(14).ToArray()).ToArbitrary(), overrides =>
            {
                var ok = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment })
                    .AddOverrides(overrides)
                    .TryResolve(out var resolved, out _);
                return !ok || AllSettingsAgree(resolved!.Config);
            })
            .QuickCheckThrowOnFailure();

    [Theory]
    [MemberData(nameof(Settings))]
    public void Unfrozen_configs_are_written_as_the_emitter_writes_their_trees(Verbosity verbosity, SecretHandling secrets)
    {
        var config = new RunConfig
        {
            Name = "run: 1",
            ApiKey = "k",
            Ranks = new HashSet<int> { 3, 1 },
            Tags = new Dictionary<string, string> { ["a"] = "null", ["b c"] = "d" },
            LayerScales = new Dictionary<int, double> { [2] = 0.25 },
            Extra = [new LayerConfig(), new LayerConfig { NumLayers = 2 }],
            Teacher = new LayerConfig(),
            Datasets = new Dictionary<string, DatasetConfig> { ["train"] = new MixDatasetConfig(), ["valid"] = new FileDatasetConfig() },
        };

        Assert.Equal(Emitted(config, verbosity, secrets), ConfigSerializer.ToYaml(config, verbosity, secrets));
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void A_default_config_is_written_as_the_emitter_writes_its_tree(Verbosity verbosity, SecretHandling secrets)
    {
        var config = new RunConfig();
        Assert.Equal(Emitted(config, verbosity, secrets), ConfigSerializer.ToYaml(config, verbosity, secrets));
        Assert.Equal(Emitted(new LayerConfig(), verbosity, secrets), ConfigSerializer.ToYaml(new LayerConfig(), verbosity, secrets));
    }

    [Fact]
    public void An_empty_output_is_an_empty_mapping() =>
        Assert.Equal("{}\n", ConfigSerializer.ToYaml(Resolve.Yaml("{}").Config));

    [Theory]
    [InlineData(0.0, "0.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(1e-5, "1.0e-05")]
    [InlineData(1.5e20, "1.5e+20")]
    [InlineData(-2.5e-300, "-2.5e-300")]
    [InlineData(double.MaxValue, "1.7976931348623157e+308")]
    [InlineData(double.Epsilon, "5.0e-324")]
    [InlineData(4096.0, "4096.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(double.PositiveInfinity, ".inf")]
    [InlineData(double.NegativeInfinity, "-.inf")]
    [InlineData(double.NaN, ".nan")]
    public void Doubles_are_formatted_to_read_back_as_floats(double value, string expected) =>
        Assert.Equal(expected, ScalarText.FormatDouble(value));

    private static bool AllSettingsAgree(ConfigObject config)
    {
        foreach (var verbosity in Enum.GetValues<Verbosity>())
        {
            foreach (var secrets in Enum.GetValues<SecretHandling>())
            {
                if (ConfigSerializer.ToYaml(config, verbosity, secrets) != Emitted(config, verbosity, secrets))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static string Emitted(ConfigObject config, Verbosity verbosity, SecretHandling secrets) =>
        YamlEmitter.Emit(ConfigSerializer.ToTree(config, verbosity, secrets));
}
