using Strata.Sources;
using Strata.Tree;

namespace Strata.Tests.Tree;

/// <summary>
/// What a leaf keeps of its text: a key written again is the string read before, and a plain scalar is a slice of its
/// document until its value is asked for (then one string, the same at every later ask).
/// </summary>
public sealed class PerLeafTextTests
{
    [Fact]
    public void A_key_written_in_every_item_of_a_list_is_one_string_through_both_readers()
    {
        const string Text = "items:\n  - name: a\n    size: 1\n  - name: b\n    size: 2\n";
        foreach (var document in new[] { YamlDocumentReader.Parse(Text, "a.yaml"), YamlDocumentReader.ParseWithYamlDotNet(Text, "b.yaml") })
        {
            Assert.True(((ConfigMap)document.Root!).TryGetValue("items", out var items));
            var first = (ConfigMap)((ConfigSequence)items).Items[0];
            var second = (ConfigMap)((ConfigSequence)items).Items[1];

            Assert.Same(first.Entries[0].Key, second.Entries[0].Key);
            Assert.Same(first.Entries[1].Key, second.Entries[1].Key);
        }
    }

    [Fact]
    public void A_plain_scalar_of_a_document_gives_its_text_as_one_string_and_keeps_it_through_a_new_origin()
    {
        var root = (ConfigMap)YamlDocumentReader.Parse("a: 12345\nb: 'quoted'\nc: ''\n", "a.yaml").Root!;
        Assert.True(root.TryGetValue("a", out var a));
        var scalar = (ConfigScalar)a;

        Assert.True(scalar.Text.SequenceEqual("12345"));
        Assert.Equal("12345", scalar.Value);
        Assert.Same(scalar.Value, scalar.Value);
        Assert.Equal(ScalarStyle.Plain, scalar.Style);

        var moved = (ConfigScalar)scalar.WithOrigin(Origin.Code);
        Assert.Equal("12345", moved.Value);
        Assert.Equal(ScalarStyle.Plain, moved.Style);
        Assert.Equal(1, scalar.Origin.Line);

        Assert.True(root.TryGetValue("b", out var b));
        Assert.Equal(("quoted", ScalarStyle.Quoted), (((ConfigScalar)b).Value, ((ConfigScalar)b).Style));
        Assert.True(root.TryGetValue("c", out var c));
        Assert.Equal((string.Empty, ScalarStyle.Quoted, false), (((ConfigScalar)c).Value, ((ConfigScalar)c).Style, ((ConfigScalar)c).IsNull));
    }

    [Fact]
    public void A_document_of_more_distinct_keys_than_the_table_keeps_reads_every_key()
    {
        var text = string.Concat(Enumerable.Range(0, 5000).Select(i => "key_" + i + ": " + i + "\n"));

        var root = (ConfigMap)YamlDocumentReader.Parse(text, "wide.yaml").Root!;

        Assert.Equal(5000, root.Count);
        Assert.True(root.TryGetValue("key_4999", out var last));
        Assert.Equal("4999", ((ConfigScalar)last).Value);
        Assert.Equal("key_0", root.Entries[0].Key);
    }
}
