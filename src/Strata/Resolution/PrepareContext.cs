using Strata.Resolution;
using Strata.Sources;
using Strata.Tree;

namespace Strata;

/// <summary>
/// What a config's <c>Prepare</c> hook can do (top-down, before derivation): report diagnostics, read declared
/// environment variables, and rebase a sub-config on another tree (the pretrained mechanism, rule R9).
/// </summary>
public sealed class PrepareContext
{
    private readonly ResolutionState _state;

    internal PrepareContext(ResolutionState state)
    {
        _state = state;
    }

    /// <summary>The config whose hook is running.</summary>
    public ConfigObject Current { get; internal set; } = null!;

    /// <summary>The input limits of this resolution (for hooks that read files).</summary>
    public SourceLimits Limits => _state.Limits;

    /// <summary>Services given in <see cref="ResolveOptions.Services"/>, or <see langword="null"/>.</summary>
    public IServiceProvider? Services => _state.Options.Services;

    /// <summary>Reports a warning on the current config.</summary>
    /// <param name="message">The message.</param>
    public void Warning(string message) => _state.Diagnostics.Warning(DiagnosticCodes.ConfigWarning, Current.ConfigPath, Current.SourceTree?.Origin, message);

    /// <summary>Reports an informational remark on the current config.</summary>
    /// <param name="message">The message.</param>
    public void Info(string message) => _state.Diagnostics.Info(DiagnosticCodes.Remark, Current.ConfigPath, Current.SourceTree?.Origin, message);

    /// <summary>Reports an error on the current config.</summary>
    /// <param name="message">The message.</param>
    public void Error(string message) => _state.Diagnostics.Error(DiagnosticCodes.ConfigRule, Current.ConfigPath, Current.SourceTree?.Origin, message);

    /// <summary>Adds a diagnostic found by the hook (for example while reading a checkpoint).</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    public void Report(Diagnostic diagnostic) => _state.Diagnostics.Add(diagnostic);

    /// <summary>Reads a declared environment variable (recorded for reproducibility).</summary>
    /// <param name="name">The variable name.</param>
    public string? GetEnvironmentVariable(string name) => _state.GetEnvironmentVariable(name);

    /// <summary>The user's merged tree that <paramref name="config"/> was bound from.</summary>
    /// <param name="config">A config of the graph.</param>
#pragma warning disable CA1822 // An instance member, like the rest of the context API.
    public ConfigMap? GetSourceTree(ConfigObject config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.SourceTree;
    }
#pragma warning restore CA1822

    /// <summary>
    /// Rebases <paramref name="config"/> on <paramref name="baseTree"/>: the user's explicit values (the tree the config
    /// was bound from) deep-update the base tree's values, and a new instance is bound from the result. Values from the
    /// base keep their origins (a checkpoint's), so they stay explicit and their provenance names the base.
    /// </summary>
    /// <typeparam name="T">The config class.</typeparam>
    /// <param name="config">The config to rebase (it is replaced; assign the result to its field).</param>
    /// <param name="baseTree">The base tree, for example the part of a checkpoint's config that <c>load_config</c> keeps.</param>
    /// <returns>The new config, linked to the same parent.</returns>
    public T Rebase<T>(T config, ConfigMap baseTree)
        where T : ConfigObject
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(baseTree);
        var info = config.ConfigType;
        var path = config.ConfigPath;
        var builder = new MergeBuilder(info, _state.Diagnostics, path);
        builder.Merge(baseTree);
        builder.Merge(config.SourceTree ?? ConfigMap.Empty(Origin.Default));
        var merged = builder.ToMap();
        var context = _state.ReadContext;
        foreach (var step in PathSteps(path))
        {
            context.Push(step);
        }

        try
        {
            var rebound = _state.Binder.Bind(info, merged, context);
            if (rebound is not T typed)
            {
                return config;
            }

            if (config.Parent is { } parent)
            {
                typed.AttachTo(parent, config.Step);
            }

            return typed;
        }
        finally
        {
            context.ClearPath();
        }
    }

    private static string[] PathSteps(string path) =>
        path.Length == 0 ? [] : path.Split('.');
}
