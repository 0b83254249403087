using Strata.Tree;

namespace Strata.Llm.Checkpoints.Formats.HuggingFace;

/// <summary>
/// The state of one import of a <c>config.json</c>: the file's keys, which of them were read and which carried a value
/// into the config, the base-model tree being built, and where problems go.
/// </summary>
internal sealed class HuggingFaceImportContext
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly List<string> _mapped = [];

    public HuggingFaceImportContext(ConfigMap config, HuggingFaceFormat format, Origin absentOrigin, Origin formatOrigin, CheckpointReadScope scope)
    {
        Config = config;
        Format = format;
        AbsentOrigin = absentOrigin;
        FormatOrigin = formatOrigin;
        Scope = scope;
    }

    /// <summary>The file's top-level object.</summary>
    public ConfigMap Config { get; }

    /// <summary>The format being imported.</summary>
    public HuggingFaceFormat Format { get; }

    /// <summary>The origin of the defaults of absent keys: the file, without a position.</summary>
    public Origin AbsentOrigin { get; }

    /// <summary>The origin of values fixed by the format (the <c>model_type</c> value, or the file).</summary>
    public Origin FormatOrigin { get; }

    /// <summary>Where problems go.</summary>
    public CheckpointReadScope Scope { get; }

    /// <summary>The base-model tree.</summary>
    public ImportedTree Tree { get; } = new();

    /// <summary>The keys of the file whose value was imported into the config.</summary>
    public IReadOnlyList<string> MappedKeys => _mapped;

    /// <summary>Whether a key was read by a converter (imported, or found consistent and without effect).</summary>
    public bool WasRead(string key) => _read.Contains(key);

    /// <summary>Records a key as read without taking its value (a key another one replaces, reported by its reader).</summary>
    public void MarkRead(string key) => _read.Add(key);

    /// <summary>
    /// Reads a key: its value when present and of the right kind; the format's default when absent (<paramref name="fallback"/>:
    /// a JSON literal, <c>=other_key</c> for the value of another key, or <see langword="null"/> for none); <see langword="null"/>
    /// after reporting a value of the wrong kind, or when the key is absent without a default.
    /// </summary>
    public HuggingFaceValue? Read(string key, HuggingFaceValueKind kind, string? fallback)
    {
        _read.Add(key);
        if (Config.TryGetValue(key, out var node))
        {
            if (HuggingFaceValue.HasKind(node, kind))
            {
                return new HuggingFaceValue(key, node, Present: true);
            }

            Invalid(node.Origin, "config.json key " + MessageText.Quoted(key) + " must be " + HuggingFaceValue.Describe(kind) + ", got " + node.Describe());
            return null;
        }

        return Fallback(key, kind, fallback, AbsentOrigin);
    }

    /// <summary>The value transformers gives a key that is absent (or null where its class replaces a null), with the origin given.</summary>
    public HuggingFaceValue? Fallback(string key, HuggingFaceValueKind kind, string? fallback, Origin origin) => fallback switch
    {
        null => null,
        ['=', .. var other] => Config.TryGetValue(other, out var same) && HuggingFaceValue.HasKind(same, kind)
            ? new HuggingFaceValue(key, same.WithOrigin(origin), Present: false)
            : null,
        _ => new HuggingFaceValue(key, Literal(fallback, origin), Present: false),
    };

    /// <summary>Sets a value of the base-model tree, and records its key as mapped when it came from the file.</summary>
    public void Set(string path, HuggingFaceValue value, ConfigNode? node = null)
    {
        Tree.Set(path, node ?? value.Node);
        Mapped(value);
    }

    /// <summary>Records a key as mapped when it came from the file.</summary>
    public void Mapped(HuggingFaceValue value)
    {
        if (value.Present && !_mapped.Contains(value.Key))
        {
            _mapped.Add(value.Key);
        }
    }

    /// <summary>
    /// Records a value fixed by the format (<c>transformer.gated: true</c>, <c>transformer.num_experts: 1</c> for Llama), a
    /// JSON literal, with the checkpoint's origin: overriding it is overriding the checkpoint's architecture (R9).
    /// </summary>
    public void SetConstant(string path, string literal) => Tree.Set(path, Literal(literal, FormatOrigin));

    /// <summary>Reports that the file cannot be imported.</summary>
    public void Invalid(Origin? origin, string message) => Scope.Invalid(origin, message);

    /// <summary>A node for a JSON literal: <c>null</c>, a quoted string, or a plain scalar.</summary>
    public static ConfigNode Literal(string literal, Origin origin) => literal switch
    {
        "null" => ConfigScalar.Null(origin),
        ['"', .. var text, '"'] => ConfigScalar.Quoted(text, origin),
        _ => ConfigScalar.Plain(literal, origin),
    };
}
