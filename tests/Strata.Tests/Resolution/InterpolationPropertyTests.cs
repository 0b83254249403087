using FsCheck;
using FsCheck.Fluent;
using Strata.Tests.Model;

namespace Strata.Tests.Resolution;

/// <summary>
/// The law of interpolation: a config whose values are replaced by <c>${…}</c> references to fields holding equal values
/// resolves to the same effective values (and fingerprint) as the config written out, and its saved config, which keeps
/// the references, resolves to them again.
/// </summary>
public sealed class InterpolationPropertyTests
{
    /// <summary>Integer fields of different types (int, long, int?) and places (nested, a list, a polymorphic dictionary).</summary>
    private static readonly string[] s_fields =
        ["iterations", "layers.num_layers", "layers.heads", "layers.window_size", "extra[0].num_layers", "datasets.train.seed", "teacher.heads"];

    [Fact]
    public void References_to_fields_with_equal_values_resolve_to_the_same_effective_values() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Elements(1, 2, 4, 8), s_fields.Length).ToArbitrary(), Gen.ArrayOf(Gen.Choose(0, 99), s_fields.Length).ToArbitrary(), (values, choices) =>
            {
                var literal = new List<string> { "extra=[{}]", "datasets.train={type: random}", "teacher={}" };
                var interpolated = new List<string>(literal);
                for (var i = 0; i < s_fields.Length; i++)
                {
                    var value = values[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
                    literal.Add(s_fields[i] + "=" + value);

                    // Any field set earlier to the same value may stand for it (chains form when it is itself a reference).
                    var candidates = Enumerable.Range(0, i).Where(j => values[j] == values[i]).ToList();
                    interpolated.Add(s_fields[i] + "=" + (candidates.Count == 0 ? value : "${" + s_fields[candidates[choices[i] % candidates.Count]] + "}"));
                }

                var expected = Resolve(literal);
                var actual = Resolve(interpolated);
                var again = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = Strata.Tests.Resolution.Resolve.NoEnvironment }).AddYaml(actual.ToYaml()).Resolve();
                return ConfigComparer.Compare(expected.Config, actual.Config).Count == 0
                    && actual.Fingerprint == expected.Fingerprint
                    && again.Fingerprint == expected.Fingerprint
                    && again.ToYaml() == actual.ToYaml();
            })
            .QuickCheckThrowOnFailure();

    private static Resolved<RunConfig> Resolve(List<string> overrides) =>
        new ConfigResolver<RunConfig>(new ResolveOptions { Environment = Strata.Tests.Resolution.Resolve.NoEnvironment }).AddOverrides(overrides).Resolve();
}
