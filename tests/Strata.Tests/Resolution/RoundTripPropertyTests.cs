using FsCheck;
using FsCheck.Fluent;
using Strata.Tests.Model;

namespace Strata.Tests.Resolution;

/// <summary>The round trip law of R3 on generated configs: resolving the saved explicit config gives the same config.</summary>
public sealed class RoundTripPropertyTests
{
    private static readonly Gen<string> s_override = Gen.OneOf(
        Gen.Choose(0, 64).Select(static n => "layers.num_layers=" + n),
        Gen.Elements(64, 128, 256, 512).Select(static n => "layers.hidden_size=" + n),
        Gen.Elements(1, 2, 4, 8).Select(static n => "layers.heads=" + n),
        Gen.Choose(1, 9999).Select(static n => "layers.ffn_hidden_size=" + n),
        Gen.Constant("layers.ffn_hidden_size=null"),
        Gen.Choose(0, 100).Select(static n => "layers.dropout=" + (n / 100.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Elements("layers.window_size=null", "layers.window_size=7"),
        Gen.Elements("name=a", "name='0x10'", "name=\"true\"", "name=null", "name='a: b'", "name=' padded '"),
        Gen.Elements("flag=true", "flag=false"),
        Gen.Choose(0, int.MaxValue).Select(static n => "iterations=" + n),
        Gen.Elements("learning_rate=1e-5", "learning_rate=3.0e-4", "learning_rate=0.1", "learning_rate=.inf"),
        Gen.Elements("precision=bf16", "precision=float16", "precision=fp32"),
        Gen.Elements("split=[]", "split=[1.5]", "split=[1, 2, 3]"),
        Gen.Elements("ranks=[0, 2]", "ranks=[]"),
        Gen.Elements("tags={a: b, c: 'null'}", "tags={}"),
        Gen.Elements("layer_scales={1: 0.5, 3: 2}"),
        Gen.Elements("shape=[5, 6]"),
        Gen.Elements("datasets.train={type: file, path: x/y}", "datasets.train={type: random, seed: 9}", "datasets.valid={type: mix, datasets: [{type: file}, {type: random, weight: 0.5}]}"),
        Gen.Elements("extra=[{num_layers: 1}, {hidden_size: 64, heads: 2}]", "extra=[]"),
        Gen.Elements("teacher={num_layers: 3}", "teacher=null"),
        Gen.Elements("schedule=cosine", "output_dir=runs/x", "output_dir=null"),
        Gen.Choose(1, 64).Select(static n => "batch_size=" + (n * 8)));

    [Fact]
    public void Resolving_the_saved_config_gives_the_same_config() =>
        Prop.ForAll(Gen.ListOf(s_override).Select(static l => l.Take(12).ToArray()).ToArbitrary(), overrides =>
            {
                var ok = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment })
                    .AddOverrides(overrides)
                    .TryResolve(out var first, out _);
                if (!ok)
                {
                    return true; // invalid combinations (say heads not dividing hidden_size) are covered elsewhere
                }

                var saved = first!.ToYaml();
                var second = Resolve.Yaml(saved);
                return ConfigComparer.Compare(first.Config, second.Config).Count == 0
                    && second.ToYaml() == saved
                    && second.Fingerprint == first.Fingerprint;
            })
            .QuickCheckThrowOnFailure();
}
