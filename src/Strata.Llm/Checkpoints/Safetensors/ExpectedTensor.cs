namespace Strata.Llm.Checkpoints.Safetensors;

/// <summary>A tensor that a model config calls for: its name in the checkpoint, its shape, and what each dimension is.</summary>
public sealed class ExpectedTensor
{
    /// <summary>Creates an expected tensor.</summary>
    /// <param name="name">The tensor name, such as <c>model.layers.0.self_attn.q_proj.weight</c>.</param>
    /// <param name="shape">The dimensions the config gives.</param>
    /// <param name="dimensions">What each dimension is, in config terms (<c>num_attention_heads × kv_channels</c>).</param>
    public ExpectedTensor(string name, IReadOnlyList<long> shape, IReadOnlyList<string> dimensions)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(dimensions);
        if (shape.Count != dimensions.Count)
        {
            throw new ArgumentException("The shape and its dimension names must have the same length.", nameof(dimensions));
        }

        Name = name;
        Shape = shape;
        Dimensions = dimensions;
    }

    /// <summary>The tensor name.</summary>
    public string Name { get; }

    /// <summary>The dimensions, outermost first.</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>What each dimension is, in config terms.</summary>
    public IReadOnlyList<string> Dimensions { get; }

    /// <summary>The shape with what it is made of: <c>[64, 16] (vocab_size, hidden_size)</c>.</summary>
    public override string ToString() => SafetensorsText.Shape(Shape) + " (" + string.Join(", ", Dimensions) + ")";
}
