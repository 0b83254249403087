using Strata.Schema;
using Strata.Tree;

namespace Strata.Resolution;

/// <summary>
/// The stages after merging, in the order of DESIGN §1: bind, prepare (top-down), derive (bottom-up, environment
/// bindings first), validate (everything collected), freeze (deep).
/// </summary>
internal static class ConfigPipeline
{
    public static ConfigObject? Run(ConfigTypeInfo rootType, ConfigMap tree, ResolutionState state)
    {
        var root = state.Binder.Bind(rootType, tree, state.ReadContext);
        if (root is null)
        {
            return null;
        }

        Prepare(root, state);
        Derive(root, state);
        Validate(root, state);
        if (!state.Diagnostics.HasErrors)
        {
            Freeze(root);
        }

        return root;
    }

    public static void Freeze(ConfigObject root)
    {
        using var phase = Phase.Enter(PhaseKind.Freezing);
        ConfigGraph.PostOrder(root, static config =>
        {
            foreach (var field in config.ConfigType.Fields)
            {
                field.Freeze(config);
            }

            config.MarkFrozen();
        });
    }

    internal static void Prepare(ConfigObject root, ResolutionState state)
    {
        var context = new PrepareContext(state);
        using var phase = Phase.Enter(PhaseKind.Deriving);
        ConfigGraph.PreOrder(root, config =>
        {
            context.Current = config;
            Guard(config, state, "preparation", () => config.InvokePrepare(context));
        });
    }

    internal static void Derive(ConfigObject root, ResolutionState state)
    {
        var context = new DeriveContext(state);
        ConfigGraph.PostOrder(root, config =>
        {
            ApplyEnvironment(config, state);
            context.Current = config;
            using var phase = Phase.Enter(PhaseKind.Deriving);
            Guard(config, state, "derivation", () => config.InvokeDerive(context));
        });
    }

    private static void ApplyEnvironment(ConfigObject config, ResolutionState state)
    {
        foreach (var field in config.ConfigType.Fields)
        {
            if (field.EnvironmentVariable is not { } name || (config.GetSlot(field.Index).State & FieldState.Explicit) != 0)
            {
                continue;
            }

            var text = state.GetEnvironmentVariable(name);
            if (text is null)
            {
                continue;
            }

            var node = ConfigScalar.Plain(text, Origin.FromEnvironment(name));
            var context = state.ReadContext;
            context.Push(PathText.Combine(config.ConfigPath, field.Key));
            var errors = state.Diagnostics.ErrorCount;
            try
            {
                if (!field.BindImplicit(config, node, context) && state.Diagnostics.ErrorCount > errors)
                {
                    state.Diagnostics.Error(
                        DiagnosticCodes.EnvironmentValue,
                        PathText.Combine(config.ConfigPath, field.Key),
                        node.Origin,
                        "environment variable " + name + "='" + text + "' is not a valid " + field.ValueType.DisplayName);
                }
            }
            finally
            {
                context.Pop();
            }
        }
    }

    internal static void Validate(ConfigObject root, ResolutionState state)
    {
        var scope = new ValidationScope(state);
        ConfigGraph.PreOrder(root, config =>
        {
            var path = config.ConfigPath;
            foreach (var field in config.ConfigType.Fields)
            {
                if (state.FailedFields.Count == 0 || !state.FailedFields.Contains((config, field.Index)))
                {
                    field.Validate(config, path, state.Diagnostics);
                }
            }

            scope.Current = config;
            Guard(config, state, "validation", () => config.InvokeValidate(scope));
        });
    }

    private static void Guard(ConfigObject config, ResolutionState state, string stage, Action action)
    {
        try
        {
            action();
        }
#pragma warning disable CA1031 // A hook's failure becomes a diagnostic with the config's path, never a raw exception (R10).
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            state.Diagnostics.Error(
                DiagnosticCodes.DerivationFailed,
                config.ConfigPath,
                config.SourceTree?.Origin,
                stage + " of " + config.ConfigType.Name + " failed: " + ex.Message);
        }
    }
}
