using Strata.Schema;
using Strata.Serialization;
using Strata.Tree;

namespace Strata.Resolution;

/// <summary>
/// An explicit value wins over a declared environment variable (R1), but one that hides it silently is a classic
/// mistake: a <c>world_size</c> hard-coded in a file ignores the launcher's <c>WORLD_SIZE</c>. A variable that is set
/// (not empty) beside an explicit value goes into the field's history, beneath the value that won, and a warning
/// (STR0126) at that value's place names both when they differ as typed values (<c>04</c> and <c>4</c> are the same).
/// </summary>
internal static class EnvironmentShadow
{
    public static void Record(ConfigObject config, ConfigFieldInfo field, string name, ResolutionState state)
    {
        ref var slot = ref config.Slot(field.Index);
        if ((slot.State & FieldState.NullRequested) != 0 || state.GetEnvironmentVariable(name) is not { Length: > 0 } text || slot.Origin is not { } winner)
        {
            return;
        }

        slot.Origin = winner.WithPrevious(Origin.ShadowedEnvironment(name, winner.Previous));

        // The variable is read into a fresh instance, with its own diagnostics: a value the field cannot take is no
        // error (nothing uses it), only a difference. A secret's values are taken out of the warning (SecretRedaction).
        var read = config.ConfigType.CreateInstance();
        var origin = Origin.FromEnvironment(name);
        if ((!ConfigPipeline.IsInteger(field.ValueType) || EnvironmentInteger.IsDecimal(text))
            && field.BindImplicit(read, ConfigScalar.Plain(text, origin), new ValueReadContext(new DiagnosticBag(), state.Binder))
            && field.ValueEquals(config, read))
        {
            return;
        }

        state.Diagnostics.Warning(
            DiagnosticCodes.EnvironmentShadowed,
            PathText.Combine(config.ConfigPath, field.Key),
            winner,
            "environment variable " + name + " is " + MessageText.Quoted(text)
            + ", but the value set here, " + MessageText.Quoted(ConfigWriter.DisplayText(config, field, out _)) + ", wins over it");
    }
}
