using System.Diagnostics.CodeAnalysis;
using Strata.Sources;
using Strata.Tree;

namespace Strata;

/// <summary>
/// Resolves a config of class <typeparamref name="T"/> from layers: files (deep-merged in order), then
/// <c>key.path=value</c> overrides (in order), then the pipeline of DESIGN §1 (bind, prepare, derive, validate,
/// freeze). Every problem is collected; resolution fails with one <see cref="ConfigException"/> that carries them all.
/// </summary>
/// <typeparam name="T">The root config class.</typeparam>
public sealed class ConfigResolver<T>
    where T : ConfigObject, IConfig<T>
{
    private readonly ResolveOptions _options;
    /// <summary>Each file layer: how it is read, and its path (relative includes start from its directory), if it has one.</summary>
    private readonly List<(Func<SourceDocument>? Load, string? Path)> _files = [];
    private readonly List<string> _overrides = [];

    /// <summary>The response file line of each override read from one, in step with <see cref="_overrides"/>; null while there is none.</summary>
    private List<ArgumentPlace?>? _places;

    /// <summary>Creates a resolver.</summary>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="ResolveOptions.Default"/>.</param>
    public ConfigResolver(ResolveOptions? options = null)
    {
        _options = options ?? ResolveOptions.Default;
    }

    /// <summary>Adds a YAML or JSON file (by extension) as the next file layer.</summary>
    /// <param name="path">The path, relative to the working directory.</param>
    /// <returns>This resolver.</returns>
    /// <remarks>
    /// A file may name the files it builds on in a top-level <c>include</c> list (paths relative to the file): they are
    /// merged in order beneath the file's own content, each value at its place in its own file.
    /// </remarks>
    public ConfigResolver<T> AddFile(string path) => AddLayer(path, nameof(path), () => DocumentReader.Load(path, checkpoint: false, _options.Limits), path);

    /// <summary>
    /// Adds a registered preset (<see cref="ConfigPresets"/>) as the next file layer, placed at the field of its class
    /// as <c>include: [preset:NAME]</c> places it; an unknown name is an error of the resolution.
    /// </summary>
    /// <param name="name">The preset's name.</param>
    /// <returns>This resolver.</returns>
    public ConfigResolver<T> AddPreset(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _files.Add((null, name));
        return this;
    }

    /// <summary>Adds YAML text as the next file layer.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="sourceName">The name shown in origins.</param>
    /// <returns>This resolver.</returns>
    public ConfigResolver<T> AddYaml(string yaml, string sourceName = "<yaml>") =>
        AddLayer(yaml, nameof(yaml), () => YamlDocumentReader.Parse(yaml, sourceName, checkpoint: false, _options.Limits));

    /// <summary>Adds JSON text as the next file layer.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">The name shown in origins.</param>
    /// <returns>This resolver.</returns>
    public ConfigResolver<T> AddJson(string json, string sourceName = "<json>") =>
        AddLayer(json, nameof(json), () => JsonDocumentReader.Parse(json, sourceName, checkpoint: false, _options.Limits));

    /// <summary>The options this resolver resolves with (its limits bound the layers added).</summary>
    public ResolveOptions Options => _options;

    /// <summary>Adds an already built tree (for example from another configuration system) as the next file layer.</summary>
    /// <param name="root">The tree; its root must be a mapping.</param>
    /// <returns>This resolver.</returns>
    /// <remarks>
    /// The tree is held to <see cref="SourceLimits.MaxDepth"/> of <see cref="Options"/> as a file is: a deeper one is a
    /// <see cref="DiagnosticCodes.NestingLimit"/> error and is not merged.
    /// </remarks>
    public ConfigResolver<T> AddTree(ConfigMap root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return AddLayer(root, nameof(root), () => Bounded(root));
    }

    /// <summary>Adds a <c>key.path=value</c> override; overrides apply after every file, in the order added.</summary>
    /// <param name="argument">The override.</param>
    /// <returns>This resolver.</returns>
    public ConfigResolver<T> AddOverride(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        return AddOverride(argument, null);
    }

    /// <summary>
    /// Adds an override that a host read from a response file (<c>@FILE</c>): its origins are that file's line
    /// (<see cref="Origin.FromResponseFile"/>) instead of <c>cli arg #N</c>; it is numbered among all the overrides.
    /// </summary>
    /// <param name="argument">The override.</param>
    /// <param name="place">The response file line it was read from, or <see langword="null"/> for a typed one.</param>
    /// <returns>This resolver.</returns>
    internal ConfigResolver<T> AddOverride(string argument, ArgumentPlace? place)
    {
        if (place is not null && _places is null)
        {
            _places = new List<ArgumentPlace?>(_overrides.Count + 1);
            _places.AddRange(new ArgumentPlace?[_overrides.Count]);
        }

        _overrides.Add(argument);
        _places?.Add(place);
        return this;
    }

    /// <summary>Adds several overrides, in order.</summary>
    /// <param name="arguments">The overrides.</param>
    /// <returns>This resolver.</returns>
    public ConfigResolver<T> AddOverrides(IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        foreach (var a in arguments)
        {
            AddOverride(a);
        }

        return this;
    }

    /// <summary>Resolves the config.</summary>
    /// <returns>The frozen config with its diagnostics, provenance and fingerprint.</returns>
    /// <exception cref="ConfigException">The inputs are invalid; the exception carries every diagnostic.</exception>
    public Resolved<T> Resolve() =>
        TryResolve(out var resolved, out var diagnostics) ? resolved : throw new ConfigException(diagnostics);

    /// <summary>Resolves the config without throwing for invalid input.</summary>
    /// <param name="resolved">The result, when valid.</param>
    /// <param name="diagnostics">Every diagnostic, in the order of their places (files in the order given, then overrides in argument order, then the environment, then places without a position).</param>
    /// <returns>Whether the config is valid.</returns>
    public bool TryResolve([NotNullWhen(true)] out Resolved<T>? resolved, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var state = new Resolution.ResolutionState(_options);
        var builder = Merge(state);
        var root = state.Diagnostics.HasErrors ? null : Resolution.ConfigPipeline.Run(T.TypeInfo, Resolution.BaseLayers.Apply(T.TypeInfo, builder.ToMap(), builder, state), state);
        if (root is not null)
        {
            builder.ShowRemovals(root);
        }

        // Values of secret fields never reach a message (R14), whichever stage reported them.
        var all = SecretRedaction.Redact(DiagnosticOrder.Sort(state.Diagnostics.Items, FileNames(builder.Layers)), T.TypeInfo);
        var raised = _options.WarningsAsErrors ? new Diagnostic[all.Count] : null;
        var failed = false;
        for (var i = 0; i < all.Count; i++)
        {
            var diagnostic = all[i];
            if (raised is not null)
            {
                raised[i] = diagnostic = diagnostic.Severity == DiagnosticSeverity.Warning ? diagnostic.WithSeverity(DiagnosticSeverity.Error) : diagnostic;
            }

            failed |= diagnostic.Severity == DiagnosticSeverity.Error;
        }

        diagnostics = raised ?? all;
        if (root is not T config || failed)
        {
            resolved = null;
            return false;
        }

        resolved = new Resolved<T>(config, diagnostics, state.EnvironmentRead, builder.Layers);
        return true;
    }

    /// <summary>
    /// The points of a sweep over this resolver's layers, as Hydra's multirun makes them: an override of
    /// <paramref name="overrides"/> whose value is a list with a comma outside brackets, braces and quotes
    /// (<c>optimizer.learning_rate.base=1e-4,3e-4</c>) or <c>range(start, stop[, step])</c> (integers, as Python's
    /// range) is an axis; any other is applied as <see cref="AddOverride(string)"/> applies it. Each point is the
    /// resolver's layers and overrides, then <paramref name="overrides"/> in order with each axis at one of its values:
    /// every combination, the last axis changing fastest, or with <paramref name="zip"/> the axes' values paired by
    /// position. Points are resolved when asked (<see cref="SweepPoint{T}.TryResolve"/>), each one resolution, the files
    /// of the layers read once for all of them.
    /// </summary>
    /// <param name="overrides">The overrides in the sweep grammar, in order (numbered after the resolver's own).</param>
    /// <param name="zip">Whether to pair the axes' values by position instead of taking every combination.</param>
    /// <returns>The points, in order; later changes to this resolver do not change them.</returns>
    /// <exception cref="ConfigException">
    /// An axis is malformed (an empty value, a range that is empty, has a step of 0 or arguments that are not integers),
    /// the sweep has more than 1 000 000 points, or <paramref name="zip"/> pairs axes of different lengths.
    /// </exception>
    public ConfigSweep<T> Sweep(IEnumerable<string> overrides, bool zip = false)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        return Sweep([.. overrides], null, zip, out var errors, out _) ?? throw new ConfigException(errors);
    }

    /// <summary>
    /// The sweep of overrides a host read (with their response file lines); <see langword="null"/> with the errors when
    /// the grammar is wrong, and the axes' lengths in <paramref name="zipMismatch"/> when that is the problem.
    /// </summary>
    internal ConfigSweep<T>? Sweep(IReadOnlyList<string> overrides, IReadOnlyList<ArgumentPlace?>? places, bool zip, out List<Diagnostic> errors, out string? zipMismatch)
    {
        errors = [];
        var grid = Resolution.SweepGrid.Read(overrides, places, _overrides.Count + 1, zip, errors, out zipMismatch);
        return grid is null ? null : new ConfigSweep<T>(Copy(), grid, places);
    }

    /// <summary>A resolver with the same options, layers and overrides: a point adds its own to it.</summary>
    internal ConfigResolver<T> Copy()
    {
        var copy = new ConfigResolver<T>(_options);
        copy._files.AddRange(_files);
        copy._overrides.AddRange(_overrides);
        copy._places = _places is null ? null : [.. _places];
        return copy;
    }

    /// <summary>Reads and merges the layers: files in order, then overrides in order (DESIGN §1, step 2).</summary>
    internal ConfigMap MergeLayers(Resolution.ResolutionState state) => Merge(state).ToMap();

    private Resolution.MergeBuilder Merge(Resolution.ResolutionState state)
    {
        var builder = new Resolution.MergeBuilder(T.TypeInfo, state.Diagnostics);
        var includes = new Resolution.Includes(builder, state.Diagnostics, _options.Limits, T.TypeInfo);
        foreach (var (load, path) in _files)
        {
            if (load is null)
            {
                includes.IncludePreset(ConfigScalar.Plain("preset:" + path, Origin.Code), "preset:" + path);
            }
            else
            {
                includes.Merge(load(), path);
            }
        }

        for (var i = 0; i < _overrides.Count; i++)
        {
            if (!OverrideParser.TryParse(_overrides[i], i + 1, _places?[i], _options.Limits, out var change, out var error))
            {
                // Parsing has no other effect: its error is reported in the order of the overrides.
                state.Diagnostics.Add(error);
                continue;
            }

            if (change.PlacedFile is { } file)
            {
                if (includes.Place(change, file) is not { } tree)
                {
                    continue;
                }

                change = new ConfigOverride(change.Path, tree, change.Text, change.Origin, change.Operation);
            }

            builder.Layers.Add(new ConfigLayer(change, T.TypeInfo));
            builder.Set(change);
        }

        return builder;
    }

    /// <summary>The files and presets merged, in merge order (included files before the file that names them): diagnostics are ordered by it.</summary>
    private static List<string?> FileNames(List<ConfigLayer> layers)
    {
        var names = new List<string?>(layers.Count);
        foreach (var layer in layers)
        {
            if (layer.Kind is OriginKind.File or OriginKind.Preset)
            {
                names.Add(layer.Source);
            }
        }

        return names;
    }

    /// <summary>Adds the next file layer, read when the config is resolved.</summary>
    private ConfigResolver<T> AddLayer(object input, string name, Func<SourceDocument> load, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(input, name);
        _files.Add((load, path));
        return this;
    }

    /// <summary>A tree built by code, as a document: refused, with its deepest place, when it nests past the limit.</summary>
    private SourceDocument Bounded(ConfigMap root)
    {
        var (height, deepest) = Tree.TreeHeight.Measure(root);
        if (height <= _options.Limits.MaxDepth)
        {
            return new SourceDocument(root, []);
        }

        var message = "the tree nests deeper than the limit of " + _options.Limits.MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture) + " levels";
        return new SourceDocument(null, [new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.NestingLimit, string.Empty, (deepest ?? root).Origin, message)]);
    }
}
