namespace Strata;

/// <summary>
/// Declares an old key of this config class that moves to a new place (rule R8). Paths are dotted and relative to the
/// class, so nested paths work in both directions (<c>sampling.use_loss_masking_spans</c> → <c>batch.use_loss_masking_spans</c>
/// when declared on the parent of both). The old key warns and moves; old and new together is an error.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class RenamedFromAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="oldPath">The old dotted path, relative to the class.</param>
    /// <param name="newPath">The new dotted path, relative to the class.</param>
    public RenamedFromAttribute(string oldPath, string newPath)
    {
        OldPath = oldPath;
        NewPath = newPath;
    }

    /// <summary>The old dotted path.</summary>
    public string OldPath { get; }

    /// <summary>The new dotted path.</summary>
    public string NewPath { get; }

    /// <summary>
    /// The name of a static method of the class, <c>static ConfigNode? Name(ConfigNode oldValue)</c>, that converts the
    /// old value to the new one (return <see langword="null"/> when the value cannot be converted).
    /// </summary>
    public string? Converter { get; set; }

    /// <summary>The steps of <see cref="OldPath"/>, split once.</summary>
    internal string[] OldSteps => field ??= OldPath.Split('.');

    /// <summary>The steps of <see cref="NewPath"/>, split once.</summary>
    internal string[] NewSteps => field ??= NewPath.Split('.');
}
