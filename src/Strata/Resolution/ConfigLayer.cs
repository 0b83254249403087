namespace Strata;

/// <summary>
/// One layer that built a config, in the order it was merged (<see cref="Resolved.Layers"/>; <c>resolve
/// --show-layers</c>): a file given or included, a preset, a checkpoint placed beneath the user's layers, an override.
/// </summary>
public sealed class ConfigLayer
{
    /// <summary>The name, or what it is made from on first request (an override: its text, a secret's value hidden).</summary>
    private object _name;

    internal ConfigLayer(OriginKind kind, string name, int depth, string? source = null)
    {
        Kind = kind;
        _name = name;
        Depth = depth;
        Source = source ?? name;
    }

    /// <summary>An override's layer: its name is made only when asked for (most resolutions never list their layers).</summary>
    internal ConfigLayer(Sources.ConfigOverride change, Schema.ConfigTypeInfo root)
    {
        Kind = OriginKind.CommandLine;
        _name = (change, root);
    }

    /// <summary>What the layer is: <see cref="OriginKind.File"/>, <see cref="OriginKind.Preset"/>, <see cref="OriginKind.Checkpoint"/> or <see cref="OriginKind.CommandLine"/>.</summary>
    public OriginKind Kind { get; }

    /// <summary>The file as named, the preset's name, the checkpoint's config file, or the override as given (a secret's value as <c>***</c>).</summary>
    public string Name => _name as string ?? (string)(_name = NameOf(((Sources.ConfigOverride, Schema.ConfigTypeInfo))_name));

    /// <summary>The <see cref="Origin.Source"/> of the layer's values (a file's path, a preset's name), for ordering diagnostics.</summary>
    internal string? Source { get; }

    /// <summary>0 for a layer given to the resolver, 1 and more for one a file included (through that many files).</summary>
    public int Depth { get; }

    private static string NameOf((Sources.ConfigOverride Change, Schema.ConfigTypeInfo Root) layer) =>
        SecretRedaction.SetsSecret(layer.Root, layer.Change)
            ? Sources.ConfigOverride.WrittenPathOf(layer.Change.Path) + "=***"
            : MessageText.Bounded(layer.Change.Text);

    /// <summary>The layer as <c>resolve --show-layers</c> prints it: <c>file run.yaml</c>, <c>  include base.yaml</c>, <c>override a.b=1</c>.</summary>
    /// <returns>The line, indented by depth.</returns>
    public override string ToString() => new string(' ', 2 * Depth) + Kind switch
    {
        OriginKind.File => Depth == 0 ? "file " : "include ",
        OriginKind.Preset => "preset ",
        OriginKind.Checkpoint => "checkpoint ",
        OriginKind.CommandLine => "override ",
        _ => "layer ",
    } + Name;
}
