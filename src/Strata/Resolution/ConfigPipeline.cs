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
        ConfigGraph.PostOrder(root, 0, static (config, _) =>
        {
            var fields = config.ConfigType.FreezeFields;
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i].Freeze(config);
            }

            config.MarkFrozen();
        });
    }

    internal static void Prepare(ConfigObject root, ResolutionState state)
    {
        using var phase = Phase.Enter(PhaseKind.Deriving);
        ConfigGraph.PreOrder(root, (Context: new PrepareContext(state), State: state), static (config, s) =>
        {
            s.Context.Current = config;
            RunHook(config, s.State, "preparation", s.Context, static (c, x) => c.InvokePrepare(x));
        });
    }

    internal static void Derive(ConfigObject root, ResolutionState state)
    {
        // One phase for the whole walk: environment bindings and hooks both assign implicitly.
        using var phase = Phase.Enter(PhaseKind.Deriving);
        ConfigGraph.PostOrder(root, (Context: new DeriveContext(state), State: state), static (config, s) =>
        {
            ApplyEnvironment(config, s.State);
            s.Context.Current = config;
            RunHook(config, s.State, "derivation", s.Context, static (c, x) => c.InvokeDerive(x));
        });
    }

    private static void ApplyEnvironment(ConfigObject config, ResolutionState state)
    {
        foreach (var field in config.ConfigType.EnvironmentFields)
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

            var path = PathText.Combine(config.ConfigPath, field.Key);
            var origin = Origin.FromEnvironment(name);
            if (IsInteger(field.ValueType) && !EnvironmentInteger.IsDecimal(text))
            {
                // Refused before the field's reader sees it: that reader takes the forms of a config file (0x8, 1_000).
                state.Diagnostics.Error(DiagnosticCodes.EnvironmentValue, path, origin, EnvironmentInteger.NotDecimal(name, text));
                continue;
            }

            var context = state.ReadContext;
            context.Push(path);
            var errors = state.Diagnostics.ErrorCount;
            try
            {
                // The field's reader reports a value it cannot take (out of range, not one of the names) at env NAME:
                // that report is the one error; only a refusal it did not explain gets one here.
                if (!field.BindImplicit(config, ConfigScalar.Plain(text, origin), context) && state.Diagnostics.ErrorCount == errors)
                {
                    state.Diagnostics.Error(
                        DiagnosticCodes.EnvironmentValue,
                        path,
                        origin,
                        "environment variable " + name + " is not a valid " + field.ValueType.DisplayName);
                }
            }
            finally
            {
                context.Pop();
            }
        }
    }

    private static bool IsInteger(ConfigValueType type) =>
        (type.Shape == ValueShape.Nullable ? type.ElementType?.Shape : type.Shape) == ValueShape.Integer;

    internal static void Validate(ConfigObject root, ResolutionState state)
    {
        ConfigGraph.PreOrder(root, (Scope: new ValidationScope(state), State: state), static (config, s) =>
        {
            var fields = config.ConfigType.RuledFields;
            var failed = s.State.FailedFields;
            foreach (var field in fields)
            {
                if (failed.Count == 0 || !failed.Contains((config, field.Index)))
                {
                    field.Validate(config, s.State.Diagnostics);
                }
            }

            s.Scope.Current = config;
            RunHook(config, s.State, "validation", s.Scope, static (c, x) => c.InvokeValidate(x));
        });
    }

    /// <summary>Runs one config's hook; its failure becomes a diagnostic with the config's path, never a raw exception (R10).</summary>
    internal static void RunHook<TContext>(ConfigObject config, ResolutionState state, string stage, TContext context, Action<ConfigObject, TContext> hook)
    {
        try
        {
            hook(config, context);
        }
#pragma warning disable CA1031 // See the summary: every failure of user code is reported.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            ReportFailure(config, state, stage, ex);
        }
    }

    private static void ReportFailure(ConfigObject config, ResolutionState state, string stage, Exception ex)
    {
        state.Diagnostics.Error(
            DiagnosticCodes.DerivationFailed,
            config.ConfigPath,
            config.SourceTree?.Origin,
            stage + " of " + config.ConfigType.Name + " failed: "
            + (ex is OverflowException ? "a value is out of range of its type (arithmetic overflow)" : ex.Message));

        // The fields a failed hook left unset were to be prepared or derived by the rest of it: their defaults would
        // only repeat the failure as rule errors ("must be > 0, got 0"), so their rules are not checked.
        var fields = config.ConfigType.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            if ((config.GetSlot(i).State & (FieldState.Explicit | FieldState.Implicit)) == 0)
            {
                state.FailedFields.Add((config, i));
            }
        }
    }
}
