namespace Strata.Llm.Engine;

/// <summary>A config of something that happens every <c>interval</c> iterations, starting at <c>offset</c>.</summary>
internal interface IIntervalConfig
{
    /// <summary>The number of iterations between two events; <see langword="null"/> or 0 disables them.</summary>
    int? Interval { get; }

    /// <summary>The iteration of the first event, modulo the interval.</summary>
    int Offset { get; }
}
