namespace Strata.Tree;

/// <summary>One entry of a <see cref="ConfigMap"/>: a key with its own origin, and a value.</summary>
/// <param name="Key">The key.</param>
/// <param name="KeyOrigin">Where the key was written.</param>
/// <param name="Value">The value.</param>
public readonly record struct ConfigMapEntry(string Key, Origin KeyOrigin, ConfigNode Value);
