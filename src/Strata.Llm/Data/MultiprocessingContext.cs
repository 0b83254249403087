namespace Strata.Llm.Data;

/// <summary>How the data-loading worker processes are started.</summary>
public enum MultiprocessingContext
{
    /// <summary>Fork the main process.</summary>
    Fork,

    /// <summary>Start fresh interpreter processes.</summary>
    Spawn,
}
