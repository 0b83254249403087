namespace Strata.Llm.Data;

/// <summary>How the documents of a sampled dataset are shuffled.</summary>
public enum ShufflingType
{
    /// <summary>Shuffle across all epochs at once.</summary>
    Full,

    /// <summary>Shuffle each epoch separately.</summary>
    Epoch,

    /// <summary>Keep the first epoch in order, shuffle the others.</summary>
    [EnumValue("skip_first_epoch")]
    SkipFirstEpoch,

    /// <summary>No shuffling.</summary>
    Disabled,

    /// <summary>The shuffling of legacy datasets.</summary>
    Legacy,
}
