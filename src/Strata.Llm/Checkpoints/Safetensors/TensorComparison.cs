namespace Strata.Llm.Checkpoints.Safetensors;

/// <summary>One row of a <see cref="WeightsComparison"/>: a tensor the checkpoint holds, one the config calls for, or both.</summary>
public sealed class TensorComparison
{
    internal TensorComparison(string name, SafetensorsTensor? found, ExpectedTensor? expected)
    {
        Name = name;
        Found = found;
        Expected = expected;
    }

    /// <summary>The tensor name.</summary>
    public string Name { get; }

    /// <summary>The tensor of the checkpoint, or <see langword="null"/> when it lacks it.</summary>
    public SafetensorsTensor? Found { get; }

    /// <summary>The tensor the config calls for, or <see langword="null"/> when it calls for no tensor of that name.</summary>
    public ExpectedTensor? Expected { get; }

    /// <summary>Whether the checkpoint holds the tensor with the shape the config gives.</summary>
    public bool Fits => Found is not null && Expected is not null && SameShape(Found.Shape, Expected.Shape);

    private static bool SameShape(IReadOnlyList<long> a, IReadOnlyList<long> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }

        return true;
    }
}
