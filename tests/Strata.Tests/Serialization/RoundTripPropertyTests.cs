using FsCheck.Xunit;
using Strata.Serialization;
using Strata.Sources;
using Strata.Tree;
using Xunit.Sdk;

namespace Strata.Tests.Serialization;

public sealed class RoundTripPropertyTests
{
    [Property(Arbitrary = [typeof(TreeArbitraries)], MaxTest = 500)]
    public void Yaml_emitted_from_any_tree_reads_back_as_the_same_tree(YamlTree tree)
    {
        var yaml = YamlEmitter.Emit(tree.Root);

        var document = YamlDocumentReader.Parse(yaml, "round-trip.yaml");

        if (!document.Success)
        {
            throw new XunitException("emitted YAML does not read:\n" + yaml + "\n" + string.Join("\n", document.Diagnostics));
        }

        Assert.DoesNotContain('\r', yaml);
        TreeEquivalence.AssertYamlEquivalent(tree.Root, document.Root!);
    }

    [Property(Arbitrary = [typeof(TreeArbitraries)], MaxTest = 500)]
    public void Json_emitted_from_any_tree_reads_back_identically(JsonTree tree)
    {
        foreach (var indented in new[] { true, false })
        {
            var json = JsonEmitter.Emit(tree.Root, indented);

            var document = JsonDocumentReader.Parse(json, "round-trip.json");

            Assert.True(document.Success, json + "\n" + string.Join("\n", document.Diagnostics));
            TreeEquivalence.AssertIdentical(tree.Root, document.Root!);
        }
    }

    [Property(Arbitrary = [typeof(TreeArbitraries)], MaxTest = 500)]
    public void Any_yaml_that_reads_survives_an_emit_and_a_second_read(YamlishText text)
    {
        var first = YamlDocumentReader.Parse(text.Text, "fuzz.yaml");
        if (!first.Success)
        {
            Assert.NotEmpty(first.Diagnostics);
            return;
        }

        var yaml = YamlEmitter.Emit(first.Root!);
        var second = YamlDocumentReader.Parse(yaml, "again.yaml");

        Assert.True(second.Success, yaml + "\n" + string.Join("\n", second.Diagnostics));
        TreeEquivalence.AssertYamlEquivalent(first.Root!, second.Root!);
    }

    [Property(MaxTest = 1000)]
    public void Reading_arbitrary_text_never_throws(string text)
    {
        text ??= string.Empty;

        var yaml = YamlDocumentReader.Parse(text, "any.yaml");
        var json = JsonDocumentReader.Parse(text, "any.json");
        var parsed = OverrideParser.TryParse(text, 1, out var result, out var error);

        Assert.True(yaml.Success || yaml.Diagnostics.Count > 0);
        Assert.True(json.Success || json.Diagnostics.Count > 0);
        Assert.True(parsed ? result is not null : error is not null);
    }

    [Property(Arbitrary = [typeof(TreeArbitraries)], MaxTest = 500)]
    public void Yamlish_overrides_never_throw(YamlishText text)
    {
        var parsed = OverrideParser.TryParse("a.b=" + text.Text, 1, out var result, out var error);

        Assert.True(parsed ? result is not null && error is null : error is not null && result is null);
    }

    [Property(Arbitrary = [typeof(TreeArbitraries)], MaxTest = 300)]
    public void A_string_written_as_an_override_value_reads_back_as_the_same_string(YamlTree tree)
    {
        foreach (var scalar in Scalars(tree.Root).Where(s => s.Style == ScalarStyle.Quoted && s.Value!.Length > 0))
        {
            var yaml = YamlEmitter.Emit(scalar).TrimEnd('\n');

            Assert.True(OverrideParser.TryParse("x=" + yaml, 1, out var result, out var error), yaml + " " + error);
            var read = Assert.IsType<ConfigScalar>(result.Value);
            Assert.Equal(scalar.Value, read.Value);
            Assert.True(TreeEquivalence.IsString(read), yaml);
        }
    }

    private static IEnumerable<ConfigScalar> Scalars(ConfigNode node) => node switch
    {
        ConfigScalar scalar => [scalar],
        ConfigMap map => map.Entries.SelectMany(e => Scalars(e.Value)),
        ConfigSequence sequence => sequence.Items.SelectMany(Scalars),
        _ => [],
    };
}
