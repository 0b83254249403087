namespace Strata.Llm.Checkpoints;

/// <summary>What each <see cref="ModelConfigType"/> loads from a checkpoint.</summary>
public static class ModelConfigTypes
{
    /// <summary>Whether the architecture fields of the base model are loaded.</summary>
    /// <param name="type">The load setting.</param>
    public static bool LoadsArchitecture(this ModelConfigType type) => type != ModelConfigType.None;

    /// <summary>Whether the whole base model is loaded (not only its architecture fields).</summary>
    /// <param name="type">The load setting.</param>
    public static bool LoadsBaseModel(this ModelConfigType type) => type is ModelConfigType.Model or ModelConfigType.FastLlm;

    /// <summary>Whether the multi-stage and distributed settings are loaded too.</summary>
    /// <param name="type">The load setting.</param>
    public static bool LoadsFastLlm(this ModelConfigType type) => type == ModelConfigType.FastLlm;
}
