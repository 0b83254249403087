namespace Strata;

/// <summary>Declares a key that no longer has a meaning: it is dropped with a warning instead of being an unknown key.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class RemovedKeyAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="key">The removed key.</param>
    public RemovedKeyAttribute(string key)
    {
        Key = key;
    }

    /// <summary>The removed key.</summary>
    public string Key { get; }

    /// <summary>Why it was removed, shown in the warning.</summary>
    public string? Reason { get; set; }
}
