namespace Strata.Sources;

/// <summary>What an override does at its path (rule R2; the forms Hydra users know).</summary>
public enum OverrideOperation
{
    /// <summary><c>a.b=v</c>: sets the path, replacing what the layers below hold there (a mapping value replaces the sub-tree).</summary>
    Set,

    /// <summary><c>a.b+=[x, y]</c> appends to a list; <c>a.b+={k: v}</c> adds entries to a dictionary (an existing key is an error).</summary>
    Append,

    /// <summary><c>+a.b=v</c>: adds what the layers below do not set; an error where they do.</summary>
    Add,

    /// <summary><c>++a.b=v</c>: sets the path whether or not the layers below set it (as <see cref="Set"/>).</summary>
    Upsert,

    /// <summary><c>~a.b</c>: removes what the layers below set at the path (a field goes back to its default).</summary>
    Remove,
}
