namespace Strata.Llm.Engine;

/// <summary>
/// A phase of a run. The names are capitalised, as in Fast-LLM; a dataset named after a phase is written in lower case
/// (<c>training</c>, <c>validation</c>, <c>test</c>, <c>inference</c>).
/// </summary>
public enum PhaseType
{
    /// <summary>Training.</summary>
    [EnumValue("Training")]
    Training,

    /// <summary>Validation (evaluation during training).</summary>
    [EnumValue("Validation")]
    Validation,

    /// <summary>The test phase at the end of training.</summary>
    [EnumValue("Test")]
    Test,

    /// <summary>Inference.</summary>
    [EnumValue("Inference")]
    Inference,
}
