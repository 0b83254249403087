using System.Globalization;

namespace Strata.Llm.Engine;

/// <summary>The rules shared by interval configs (evaluations, logs, checkpoints, exports, shutdowns, alerts).</summary>
/// <remarks>
/// Fast-LLM replaces the offset by <c>offset mod interval</c> as an implicit default, which crashes whenever the offset
/// was set. Strata keeps an offset that someone set, as written (DESIGN §7.3): every use of an interval reduces the offset
/// modulo the interval, so the behaviour is the same; an offset that is not smaller than the interval gets a warning.
/// </remarks>
internal static class Intervals
{
    /// <summary>Whether an interval is enabled (set and non-zero).</summary>
    public static bool IsEnabled(int? interval) => interval is > 0;

    /// <summary>Whether every event of <paramref name="sub"/> is also an event of <paramref name="of"/>.</summary>
    /// <remarks>A disabled interval is a sub-interval of anything; an enabled one is never a sub-interval of a disabled one.</remarks>
    public static bool IsSubInterval(IIntervalConfig sub, IIntervalConfig of)
    {
        if (sub.Interval is not (> 0 and var subInterval))
        {
            return true;
        }

        if (of.Interval is not (> 0 and var ofInterval))
        {
            return false;
        }

        return subInterval % ofInterval == 0 && of.Offset % ofInterval == sub.Offset % ofInterval;
    }

    /// <summary>Warns when an offset is not smaller than its (enabled) interval.</summary>
    public static void WarnLargeOffset(ValidationScope scope, IIntervalConfig config, string offsetProperty)
    {
        if (config.Interval is > 0 and var interval && config.Offset >= interval)
        {
            scope.Warning(
                offsetProperty,
                string.Create(CultureInfo.InvariantCulture, $"{config.Offset} is not smaller than the interval ({interval}); it acts as {config.Offset % interval}"));
        }
    }

    /// <summary>A short description of an interval for messages: <c>every 100 iterations from 0</c> or <c>disabled</c>.</summary>
    public static string Describe(IIntervalConfig config) => config.Interval is > 0 and var interval
        ? string.Create(CultureInfo.InvariantCulture, $"every {interval} iterations from {config.Offset % interval}")
        : "disabled";
}
