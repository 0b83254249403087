namespace Strata.Fuzz.Engine;

/// <summary>What one fuzz execution feeds its input to.</summary>
internal enum FuzzTarget
{
    /// <summary>The YAML source, then (when the document reads) the whole resolution of a GPT trainer config.</summary>
    Yaml,

    /// <summary>The JSON source, then the whole resolution of a GPT trainer config.</summary>
    Json,

    /// <summary>The override parser (one override per line), then the resolution of a GPT trainer config.</summary>
    Override,

    /// <summary>The Hugging Face <c>config.json</c> import (format <c>auto</c>), then the resolution of a GPT model that starts from it.</summary>
    HuggingFace,

    /// <summary>
    /// The bytes as a <c>model.safetensors</c> file, through the header reader of <c>inspect-weights</c>, then (when it
    /// reads) the weights check against a small GPT model and against one of two billion layers.
    /// </summary>
    Safetensors,

    /// <summary>
    /// The bytes as a response file (<c>@FILE</c>) of a <c>validate gpt-trainer</c> command line, through a host: the
    /// response file reader and tokeniser, the override parser on what it holds, and resolution.
    /// </summary>
    ResponseFile,

    /// <summary>
    /// The bytes as the values of the launcher's variables (<c>WORLD_SIZE</c>, <c>RANK</c>, <c>LOCAL_WORLD_SIZE</c>,
    /// <c>LOCAL_RANK</c>, one a line), then the resolution of a GPT trainer config in that environment.
    /// </summary>
    Environment,

    /// <summary>
    /// The sweep grammar (one override per line; an odd first byte pairs the axes with <c>--zip</c>): the axes split,
    /// ranges counted and bounded, then the first and last points resolved.
    /// </summary>
    Sweep,

    /// <summary>
    /// A completion request (<c>[suggest:N] "LINE"</c>, what the completion scripts send): the first line of the bytes,
    /// completed at its end and at a position the next byte chooses.
    /// </summary>
    Completion,
}
