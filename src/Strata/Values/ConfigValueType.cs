using Strata.Tree;

namespace Strata.Schema;

/// <summary>
/// A type of field value: how to read it from a source node (typed by the schema, rule R5), how to write it, and how
/// it is described in documentation and JSON Schema. Built-in types are in <see cref="ValueTypes"/>.
/// </summary>
public abstract class ConfigValueType
{
    private protected ConfigValueType()
    {
    }

    /// <summary>The type's name in documentation: <c>int</c>, <c>list[float]</c>, <c>TransformerConfig</c>.</summary>
    public abstract string DisplayName { get; }

    /// <summary>Whether a null is a valid value.</summary>
    public virtual bool AcceptsNull => false;

    /// <summary>The config schema when values of this type are configs (or collections of configs), else <see langword="null"/>.</summary>
    public virtual ConfigTypeInfo? NestedConfig => null;

    /// <summary>The shape of this type for JSON Schema and documentation.</summary>
    public abstract ValueShape Shape { get; }

    /// <summary>The config a field of this type holds directly (an optional one too), or null for a leaf or a collection: a section of a dotted path.</summary>
    internal ConfigTypeInfo? Section =>
        NonNullable.Shape == ValueShape.Config ? NestedConfig : null;

    /// <summary>This type without its optional wrapper: the type a nullable holds, else this type itself.</summary>
    internal ConfigValueType NonNullable
    {
        get
        {
            var type = this;
            while (type is { Shape: ValueShape.Nullable, ElementType: { } inner })
            {
                type = inner;
            }

            return type;
        }
    }

    /// <summary>The element (or value) type of a collection, or the underlying type of a nullable; otherwise <see langword="null"/>.</summary>
    public virtual ConfigValueType? ElementType => null;

    /// <summary>The allowed names of an enumeration type, or <see langword="null"/>.</summary>
    public virtual IReadOnlyList<string>? EnumNames => null;

    /// <summary>
    /// Whether the entry <paramref name="key"/> of a value of this type is a secret (rule R14) though the field is not: a
    /// dictionary of environment variables whose <c>HF_TOKEN</c> is. Every output that may show the entry's value asks
    /// (the layers' names, diagnostics); the type's own writer redacts it in the config. No entry is, by default.
    /// </summary>
    /// <param name="key">The entry's key, as written in a path.</param>
    public virtual bool IsSecretEntry(string key) => false;

    /// <summary>The other names an enumeration type reads (<c>bf16</c> for <c>bfloat16</c>), for the JSON Schema; empty for other types.</summary>
    internal virtual IReadOnlyList<string> EnumAliases => [];

    /// <summary>
    /// Whether freezing may change a value of this type (collections become read-only); the built-in types whose values
    /// are immutable say no, so that freezing skips their fields. Custom types are asked.
    /// </summary>
    internal virtual bool FreezesValues => true;

    /// <summary>Whether freezing may change a field of this type: <see cref="FreezesValues"/>, for reference types only.</summary>
    internal abstract bool ValuesNeedFreeze { get; }

    /// <summary>
    /// Whether a node is certainly not a value of this type, known from the type's own reader without reporting anything
    /// (a scalar that a number, bool or enum type refuses): such a value overrides nothing, so the merge does not warn
    /// that it replaces a checkpoint's architecture value, and the binder's error is the one report of the problem.
    /// Other types say no.
    /// </summary>
    internal virtual bool Refuses(ConfigNode node) => false;
}
