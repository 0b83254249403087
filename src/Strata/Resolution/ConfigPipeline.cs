using Strata.Provenance;
using Strata.Schema;
using Strata.Tree;

namespace Strata.Resolution;

/// <summary>
/// The stages after merging, in the order of DESIGN §1: bind, then one walk that prepares (top-down) and derives
/// (bottom-up, environment bindings first), then one walk that validates (everything collected) and freezes.
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

        // Interpolations take effective values after the merge and the bind and before derivation, so that a derived
        // default sees the interpolated value; that no derivation changed a value they took is checked after it.
        var interpolations = state.Graph.Interpolations;
        if (interpolations is not null)
        {
            Interpolation.Resolve(root, interpolations, state);
        }

        PrepareAndDerive(root, state);
        if (interpolations is not null)
        {
            Interpolation.CheckTakenValues(interpolations, state);
        }

        ValidateAndFreeze(root, state);
        return root;
    }

    /// <summary>
    /// One walk: a config is prepared (top-down), then its children are prepared and derived, then it is derived
    /// (bottom-up, its environment bindings first). Both assign implicitly, in one phase.
    /// </summary>
    internal static void PrepareAndDerive(ConfigObject root, ResolutionState state)
    {
        state.Graph.Kind = PhaseKind.Deriving;
        ConfigGraph.Walk(
            root,
            (Prepare: new PrepareContext(state), Derive: new DeriveContext(state), State: state, Reads: new ReadRecorder()),
            static (config, s) =>
            {
                s.Prepare.Current = config;
                RunRecorded(config, s.State, s.Reads, "preparation", s.Prepare, static (c, x) => c.InvokePrepare(x));
            },
            static (config, s) =>
            {
                ApplyEnvironment(config, s.State);
                s.Derive.Current = config;
                RunRecorded(config, s.State, s.Reads, "derivation", s.Derive, static (c, x) => c.InvokeDerive(x));
            });
    }

    /// <summary>Runs a hook that may set values, noting what it reads only while it runs (the inputs of what it sets).</summary>
    private static void RunRecorded<TContext>(ConfigObject config, ResolutionState state, ReadRecorder reads, string stage, TContext context, Action<ConfigObject, TContext> hook)
    {
        state.Graph.Reads = reads.Begin();
        try
        {
            RunHook(config, state, stage, context, hook);
        }
        finally
        {
            state.Graph.Reads = null;
        }
    }

    /// <summary>
    /// One walk: a config's rules and hook are checked (top-down), then, after its children, the rules of its derived
    /// values, and it is frozen. A graph with errors is frozen too: it is discarded.
    /// </summary>
    internal static void ValidateAndFreeze(ConfigObject root, ResolutionState state)
    {
        ConfigGraph.Walk(
            root,
            (Scope: new ValidationScope(state), State: state, Errors: new Stack<int>(), Earlier: FollowOns.ErrorPaths(state.Diagnostics)),
            static (config, s) =>
            {
                s.State.Graph.Kind = PhaseKind.Code;
                var errors = s.State.Diagnostics.ErrorCount;
                s.Errors.Push(FollowOns.Validate(config, s.State, derived: false) ? errors : -1);
                s.Scope.Current = config;
                RunHook(config, s.State, "validation", s.Scope, static (c, x) => c.InvokeValidate(x));
            },
            static (config, s) =>
            {
                // Everything reported since its visit began (its rules, its hook, its children's) is an error of the config;
                // -1: it has no derived value to check.
                if (s.Errors.Pop() == s.State.Diagnostics.ErrorCount && !FollowOns.HasErrorAt(s.Earlier, config))
                {
                    FollowOns.Validate(config, s.State, derived: true);
                }

                s.State.Graph.Kind = PhaseKind.Freezing;
                var fields = config.ConfigType.FreezeFields;
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i].Freeze(config);
                }

                config.MarkFrozen();
            });
    }

    private static void ApplyEnvironment(ConfigObject config, ResolutionState state)
    {
        foreach (var field in config.ConfigType.EnvironmentFields)
        {
            if (field.EnvironmentVariable is not { } name)
            {
                continue;
            }

            if ((config.GetSlot(field.Index).State & FieldState.Explicit) != 0)
            {
                EnvironmentShadow.Record(config, field, name, state);
                continue;
            }

            if (state.Graph.EnvironmentApplied?.Contains((config, field.Index)) != true)
            {
                ApplyEnvironment(config, field, name, state);
            }
        }
    }

    /// <summary>Binds the value of the environment variable <paramref name="name"/>, when set, to a field no layer set (implicit).</summary>
    internal static void ApplyEnvironment(ConfigObject config, ConfigFieldInfo field, string name, ResolutionState state)
    {
        var text = state.GetEnvironmentVariable(name);
        if (text is null)
        {
            return;
        }

        var path = PathText.Combine(config.ConfigPath, field.Key);
        var origin = Origin.FromEnvironment(name);
        if (IsInteger(field.ValueType) && !EnvironmentInteger.IsDecimal(text))
        {
            // Refused before the field's reader sees it: that reader takes the forms of a config file (0x8, 1_000).
            state.Diagnostics.Error(DiagnosticCodes.EnvironmentValue, path, origin, EnvironmentInteger.NotDecimal(name, text));
            return;
        }

        var context = state.ReadContext;
        context.Push(path);
        var errors = state.Diagnostics.ErrorCount;
        state.Graph.ImplicitOrigin = origin;
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
            state.Graph.ImplicitOrigin = Origin.Derived;
            context.Pop();
        }
    }

    internal static bool IsInteger(ConfigValueType type) =>
        type.NonNullable.Shape == ValueShape.Integer;

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
