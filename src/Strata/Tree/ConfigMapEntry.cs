using Strata.Provenance;

namespace Strata.Tree;

/// <summary>One entry of a <see cref="ConfigMap"/>: a key with its own origin, and a value.</summary>
public readonly record struct ConfigMapEntry
{
    // The key's origin, or for a key read from a document, the document: the origin is made when asked for.
    private readonly object _keyOrigin;
    private readonly int _keyLine;
    private readonly int _keyColumn;

    /// <summary>Creates an entry.</summary>
    /// <param name="Key">The key.</param>
    /// <param name="KeyOrigin">Where the key was written.</param>
    /// <param name="Value">The value.</param>
    public ConfigMapEntry(string Key, Origin KeyOrigin, ConfigNode Value)
    {
        this.Key = Key;
        _keyOrigin = KeyOrigin;
        this.Value = Value;
    }

    internal ConfigMapEntry(string key, SourcePosition keyAt, ConfigNode value)
    {
        Key = key;
        _keyOrigin = keyAt.Source;
        _keyLine = keyAt.Line;
        _keyColumn = keyAt.Column;
        Value = value;
    }

    /// <summary>The key.</summary>
    public string Key { get; init; }

    /// <summary>Where the key was written.</summary>
    public Origin KeyOrigin
    {
        get => _keyOrigin is SourceInfo source ? source.At(_keyLine, _keyColumn) : (Origin)_keyOrigin;
        init => _keyOrigin = value;
    }

    /// <summary>The value.</summary>
    public ConfigNode Value { get; init; }

    /// <summary>Deconstructs the entry.</summary>
    /// <param name="Key">The key.</param>
    /// <param name="KeyOrigin">Where the key was written.</param>
    /// <param name="Value">The value.</param>
    public void Deconstruct(out string Key, out Origin KeyOrigin, out ConfigNode Value) => (Key, KeyOrigin, Value) = (this.Key, this.KeyOrigin, this.Value);
}
