using System.Collections.ObjectModel;
using System.Globalization;
using System.Numerics;
using Strata.Llm.Models;

namespace Strata.Llm.Checkpoints.Safetensors;

/// <summary>
/// The tensors a model config calls for in a format, kept as a pattern rather than a list: fixed names, and blocks
/// repeated per index (<c>model.layers.{i}.</c>, <c>experts.{e}.</c>). A config says how many layers and experts there
/// are, and a hostile one says two billion; the pattern answers what a checkpoint needs in time bounded by the
/// checkpoint, never by the config: how many tensors are expected (counted, not listed), which expected tensor a name of
/// the checkpoint is (parsed), and the expected tensors in order for as far as the caller reads.
/// </summary>
internal sealed class TensorLayout
{
    private readonly Node[] _roots;

    private TensorLayout(Node[] roots)
    {
        _roots = roots;
        Count = CountOf(roots);
    }

    /// <summary>The number of tensors expected.</summary>
    public BigInteger Count { get; }

    /// <summary>The layout of a model's tensors, by their transformers names in <paramref name="format"/> (one of <see cref="WeightsShapeCheck.Formats"/>).</summary>
    public static TensorLayout For(GPTBaseModelConfig model, string format)
    {
        var t = model.Transformer;
        var h = new Dimension(t.HiddenSize, "hidden_size");
        var v = new Dimension(model.VocabSize, "vocab_size");
        var roots = new List<Node> { Leaf("model.embed_tokens.weight", v, h), new Repeat("model.layers.", t.NumLayers, Layer(t, format)) };
        if (format == GPTCheckpointFormats.MtpLlama)
        {
            // Fast-LLM's multi-token Llama: each head after the first is a decoder layer (mtp_heads.i) and every head has
            // its norm (mtp_norms.i), in the order the model registers them.
            roots.Add(new Repeat("model.mtp_heads.", Math.Max(model.PredictionHeads - 1, 0), Layer(t, format)));
            roots.Add(new Repeat("model.mtp_norms.", model.PredictionHeads, Norm(string.Empty, t)));
        }
        else
        {
            roots.AddRange(Norm("model.norm.", t));
        }

        if (!model.TieWordEmbeddings)
        {
            roots.Add(Leaf("lm_head.weight", v, h));
        }

        return new TensorLayout([.. roots]);
    }

    /// <summary>The expected tensors in transformers' order, made as they are read: a caller that stops early pays for what it read.</summary>
    public IEnumerable<(ExpectedTensor Tensor, Position Position)> Enumerate() => Enumerate(_roots, string.Empty, Position.Root);

    /// <summary>The expected tensor of a name of the checkpoint, in time bounded by the name; <see langword="null"/> when the config calls for no such tensor.</summary>
    public (ExpectedTensor Tensor, Position Position)? Find(string name)
    {
        var nodes = _roots;
        var at = 0;
        var position = Position.Root;
        while (true)
        {
            var descended = false;
            for (var child = 0; child < nodes.Length && !descended; child++)
            {
                var rest = name.AsSpan(at);
                switch (nodes[child])
                {
                    case LeafNode leaf when rest.SequenceEqual(leaf.Name):
                        return (leaf.Expect(name), position.Then(child));
                    case Repeat repeat when rest.StartsWith(repeat.Prefix, StringComparison.Ordinal)
                        && TryReadIndex(rest[repeat.Prefix.Length..], repeat.Count, out var index, out var length):
                        position = position.Then(child).Then(index);
                        at += repeat.Prefix.Length + length + 1;
                        nodes = repeat.Children;
                        descended = true;
                        break;
                }
            }

            if (!descended)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// An index as the names write it: decimal digits without a leading zero (<c>07</c> is not layer 7), below
    /// <paramref name="count"/>, followed by a dot.
    /// </summary>
    private static bool TryReadIndex(ReadOnlySpan<char> text, int count, out int index, out int length)
    {
        index = 0;
        length = 0;
        var value = 0L;
        while (length < text.Length && char.IsAsciiDigit(text[length]))
        {
            // Eleven digits exceed every int count: stop before reading a number of any length.
            if (length == 10 || (length == 1 && text[0] == '0'))
            {
                return false;
            }

            value = (value * 10) + (text[length] - '0');
            length++;
        }

        if (length == 0 || length == text.Length || text[length] != '.' || value >= count)
        {
            return false;
        }

        index = (int)value;
        return true;
    }

    private static IEnumerable<(ExpectedTensor Tensor, Position Position)> Enumerate(Node[] nodes, string prefix, Position position)
    {
        for (var child = 0; child < nodes.Length; child++)
        {
            if (nodes[child] is LeafNode leaf)
            {
                yield return (leaf.Expect(prefix + leaf.Name), position.Then(child));
                continue;
            }

            var repeat = (Repeat)nodes[child];
            for (var i = 0; i < repeat.Count; i++)
            {
                var inner = prefix + repeat.Prefix + i.ToString(CultureInfo.InvariantCulture) + ".";
                foreach (var item in Enumerate(repeat.Children, inner, position.Then(child).Then(i)))
                {
                    yield return item;
                }
            }
        }
    }

    private static BigInteger CountOf(Node[] nodes)
    {
        var count = BigInteger.Zero;
        foreach (var node in nodes)
        {
            count += node is Repeat repeat ? repeat.Count * CountOf(repeat.Children) : BigInteger.One;
        }

        return count;
    }

    /// <summary>One decoder layer, by names relative to its prefix.</summary>
    private static Node[] Layer(TransformerConfig t, string format)
    {
        var h = new Dimension(t.HiddenSize, "hidden_size");
        var q = new Dimension((long)t.NumAttentionHeads * t.KvChannels, "num_attention_heads × kv_channels");
        var kv = new Dimension((long)t.HeadGroups * t.KvChannels, "head_groups × kv_channels");
        var f = new Dimension(t.FfnHiddenSize, "ffn_hidden_size");
        var biases = t.AddLinearBiases;
        var nodes = new List<Node>();
        Linear(nodes, "self_attn.q_proj.", q, h, biases.AddAttentionQkvBias);
        Linear(nodes, "self_attn.k_proj.", kv, h, biases.AddAttentionQkvBias);
        Linear(nodes, "self_attn.v_proj.", kv, h, biases.AddAttentionQkvBias);
        Linear(nodes, "self_attn.o_proj.", h, q, biases.AddAttentionDenseBias);

        if (format == GPTCheckpointFormats.Mixtral || t.NumExperts > 1)
        {
            nodes.Add(Leaf("block_sparse_moe.gate.weight", new Dimension(t.NumExperts, "num_experts"), h));
            nodes.Add(new Repeat("block_sparse_moe.experts.", t.NumExperts, [Leaf("w1.weight", f, h), Leaf("w2.weight", h, f), Leaf("w3.weight", f, h)]));
        }
        else if (format == GPTCheckpointFormats.Starcoder2)
        {
            Linear(nodes, "mlp.c_fc.", f, h, biases.AddMlpBias);
            Linear(nodes, "mlp.c_proj.", h, f, biases.AddMlpBias);
        }
        else
        {
            if (t.Gated)
            {
                Linear(nodes, "mlp.gate_proj.", f, h, biases.AddMlpBias);
            }

            Linear(nodes, "mlp.up_proj.", f, h, biases.AddMlpBias);
            Linear(nodes, "mlp.down_proj.", h, f, biases.AddMlpBias);
        }

        nodes.AddRange(Norm("input_layernorm.", t));
        nodes.AddRange(Norm("post_attention_layernorm.", t));
        return [.. nodes];
    }

    /// <summary>A norm's weight, and its bias for layer norm.</summary>
    private static Node[] Norm(string prefix, TransformerConfig t)
    {
        var h = new Dimension(t.HiddenSize, "hidden_size");
        return t.Normalization.Type == NormalizationType.LayerNorm
            ? [Leaf(prefix + "weight", h), Leaf(prefix + "bias", h)]
            : [Leaf(prefix + "weight", h)];
    }

    /// <summary>A linear layer: its weight (output × input) and, when the layer has biases, its bias (output).</summary>
    private static void Linear(List<Node> nodes, string prefix, Dimension output, Dimension input, bool bias)
    {
        nodes.Add(Leaf(prefix + "weight", output, input));
        if (bias)
        {
            nodes.Add(Leaf(prefix + "bias", output));
        }
    }

    private static LeafNode Leaf(string name, params Dimension[] dimensions) =>
        new(name, Array.AsReadOnly(Array.ConvertAll(dimensions, static d => d.Size)), Array.AsReadOnly(Array.ConvertAll(dimensions, static d => d.Name)));

    /// <summary>
    /// Where an expected tensor is in transformers' order: the child taken at each level and the index of each repeat,
    /// outermost first. Positions compare in that order.
    /// </summary>
    internal readonly struct Position : IComparable<Position>
    {
        // At most three levels of children and two repeats (layer, expert): five numbers.
        private readonly long _a;
        private readonly long _b;
        private readonly long _c;
        private readonly long _d;
        private readonly long _e;
        private readonly int _depth;

        private Position(long a, long b, long c, long d, long e, int depth)
        {
            (_a, _b, _c, _d, _e, _depth) = (a, b, c, d, e, depth);
        }

        public static Position Root => default;

        public Position Then(long step) => _depth switch
        {
            0 => new(step, 0, 0, 0, 0, 1),
            1 => new(_a, step, 0, 0, 0, 2),
            2 => new(_a, _b, step, 0, 0, 3),
            3 => new(_a, _b, _c, step, 0, 4),
            4 => new(_a, _b, _c, _d, step, 5),
            _ => throw new InvalidOperationException("a tensor layout has at most five levels"),
        };

        public int CompareTo(Position other)
        {
            var order = _a.CompareTo(other._a);
            order = order != 0 ? order : _b.CompareTo(other._b);
            order = order != 0 ? order : _c.CompareTo(other._c);
            order = order != 0 ? order : _d.CompareTo(other._d);
            return order != 0 ? order : _e.CompareTo(other._e);
        }
    }

    private readonly record struct Dimension(long Size, string Name);

    private abstract class Node;

    /// <summary>One tensor, by its name relative to the enclosing repeats.</summary>
    private sealed class LeafNode(string name, ReadOnlyCollection<long> shape, ReadOnlyCollection<string> dimensions) : Node
    {
        public string Name { get; } = name;

        public ExpectedTensor Expect(string fullName) => new(fullName, shape, dimensions);
    }

    /// <summary>Children repeated for each index below <see cref="Count"/>, under <c>{Prefix}{index}.</c>.</summary>
    private sealed class Repeat(string prefix, int count, Node[] children) : Node
    {
        public string Prefix { get; } = prefix;

        public int Count { get; } = Math.Max(count, 0);

        public Node[] Children { get; } = children;
    }
}
