using Strata.Schema;
using Strata.Tree;

namespace Strata.Serialization;

/// <summary>
/// Walks config objects and writes them to a sink at a verbosity (R3, R4): explicit values only by default (explicit
/// nulls included, empty sub-configs omitted), or every field up to a hint importance; derived fields never. The one
/// place that decides what is written: secret fields are omitted, redacted (every scalar under them) or included (R14)
/// and rank-local ones left out of the fingerprint (R12) here and nowhere else. Value types write through it, so that a
/// mapping opened for a sub-config is written only when something goes into it.
/// </summary>
internal sealed class ConfigWriter : ValueSink
{
    private const string RedactedText = "***";
    private const string UnsetText = "(unset)";

    private readonly ValueSink _sink;

    /// <summary>Whether only explicit values are written (the default output: most fields are skipped by it alone).</summary>
    private readonly bool _explicitOnly;

    /// <summary>
    /// The mappings of sub-configs opened but not yet written: their keys and the <c>type</c> they start with (a stack of
    /// <see cref="_depth"/> entries, grown by doubling).
    /// </summary>
    private (string? Key, string? TypeName)[] _pending = new (string?, string?)[8];

    private int _depth;

    /// <summary>How many of <see cref="_pending"/> were written (they are, as soon as a value goes into them).</summary>
    private int _written;

    /// <summary>Above zero while the value of a secret field is written redacted.</summary>
    private int _redacting;

    /// <summary>Whether the next string is a field's whole value in an output that is an input: its <c>${</c> is written <c>$${</c>.</summary>
    private bool _escape;

    public ConfigWriter(ValueSink sink, ValueWriteContext context)
    {
        _sink = sink;
        Context = context;
        _explicitOnly = context.Verbosity == Verbosity.Explicit;
    }

    public ValueWriteContext Context { get; }

    /// <summary>A value of <paramref name="type"/> as an output tree.</summary>
    public static ConfigNode ToTree<T>(ConfigValueType<T> type, T value, ValueWriteContext context)
    {
        var tree = new TreeSink();
        type.Write(value, new ConfigWriter(tree, context));
        return tree.Result!; // A value type writes one value.
    }

    /// <summary>A config as an output tree.</summary>
    public static ConfigMap ToTree(ConfigObject config, ValueWriteContext context, bool forceType = false)
    {
        var tree = new TreeSink();
        new ConfigWriter(tree, context).WriteObject(config, forceType);
        return (ConfigMap)tree.Result!; // A config is written as a mapping.
    }

    /// <summary>The value of one field, whether or not it is explicit or secret (for documentation and tools).</summary>
    public static ConfigNode FieldValue(ConfigObject config, ConfigFieldInfo field, ValueWriteContext context)
    {
        var tree = new TreeSink();
        new ConfigWriter(tree, context).WriteValue(config, field);
        return tree.Result!;
    }

    /// <summary>
    /// A field's value as <c>explain</c> shows it: <paramref name="value"/> as <c>resolve</c> writes it (secrets inside it
    /// redacted), and the flow text returned; for a secret, <c>***</c> when it is set and <c>(unset)</c> when it is null or
    /// empty (an empty environment value sets nothing), as both, so that a configured key and a missing one do not look
    /// alike, while the value itself is never shown.
    /// </summary>
    public static string DisplayText(ConfigObject config, ConfigFieldInfo field, out ConfigNode value)
    {
        if (!field.IsSecret)
        {
            value = FieldValue(config, field, ValueWriteContext.Display);
            return FlowText.Format(value);
        }

        var text = field.GetValue(config) is null or "" ? UnsetText : RedactedText;
        value = ConfigScalar.Quoted(text, Origin.Default);
        return text;
    }

    /// <summary>Writes <paramref name="config"/> as a mapping (<c>{}</c> when nothing is to be written).</summary>
    public void WriteObject(ConfigObject config, bool forceType)
    {
        if (!WriteEntries(config, key: null, forceType))
        {
            StartMap();
            EndMap();
        }
    }

    public override void StartMap()
    {
        Flush();
        _escape = false;
        _sink.StartMap();
    }

    public override void Key(string key)
    {
        Flush();
        _sink.Key(key);
    }

    public override void EndMap() => _sink.EndMap();

    public override void StartList()
    {
        Flush();
        _escape = false;
        _sink.StartList();
    }

    public override void EndList() => _sink.EndList();

    public override void Plain(ReadOnlySpan<char> text)
    {
        Flush();
        _escape = false;
        if (_redacting > 0)
        {
            _sink.String(RedactedText);
        }
        else
        {
            _sink.Plain(text);
        }
    }

    public override void String(string text)
    {
        Flush();
        if (_escape)
        {
            _escape = false;
            text = text.Replace("${", "$${", StringComparison.Ordinal);
        }

        _sink.String(_redacting > 0 ? RedactedText : text);
    }

    public override void Null()
    {
        Flush();
        _escape = false;
        _sink.Null();
    }

    /// <summary>
    /// Writes the entries of <paramref name="config"/> under <paramref name="key"/> (a field's key, or none), its
    /// <c>type</c> first when it has one; returns <see langword="false"/>, having written nothing, when there is nothing
    /// to write.
    /// </summary>
    private bool WriteEntries(ConfigObject config, string? key, bool forceType)
    {
        var info = config.ConfigType;
        if (_depth == _pending.Length)
        {
            Array.Resize(ref _pending, _depth * 2);
        }

        _pending[_depth++] = (key, info.TypeName);
        var depth = _depth;
        var fields = info.FieldArray;
        for (var i = 0; i < fields.Length; i++)
        {
            WriteField(config, fields[i]);
        }

        if (_written < depth && info.TypeName is not null && (forceType || config.TypeNode is not null || !_explicitOnly))
        {
            Flush();
        }

        var written = _written >= depth;
        _pending[--_depth] = default;
        _written = Math.Min(_written, _depth);
        if (written)
        {
            _sink.EndMap();
        }

        return written;
    }

    private void WriteField(ConfigObject config, ConfigFieldInfo field)
    {
        var isExplicit = (config.GetSlot(field.Index).State & FieldState.Explicit) != 0;
        var kind = field.OutputKind;
        if ((!isExplicit && _explicitOnly && kind == ConfigFieldInfo.ValueOutput)
            || (field.IsSecret && Context.Secrets == SecretHandling.Omit) || (field.IsRankLocal && Context.OmitRankLocal))
        {
            return;
        }

        var redact = field.IsSecret && Context.Secrets == SecretHandling.Redact;
        _redacting += redact ? 1 : 0;
        if (kind == ConfigFieldInfo.ValueOutput)
        {
            if (isExplicit || field.Hint.Importance() <= (int)Context.Verbosity)
            {
                Key(field.Key);
                WriteValue(config, field);
            }
        }
        else if (field.GetValue(config) is ConfigObject child)
        {
            // A sub-config is written by its content, never as an empty mapping, unless it is an explicit one that could be null.
            if (!WriteEntries(child, field.Key, forceType: false) && isExplicit && kind == ConfigFieldInfo.NullableConfigOutput)
            {
                Key(field.Key);
                StartMap();
                EndMap();
            }
        }
        else if (kind == ConfigFieldInfo.NullableConfigOutput && (isExplicit || !_explicitOnly))
        {
            Key(field.Key);
            Null();
        }

        _redacting -= redact ? 1 : 0;
    }

    private void WriteValue(ConfigObject config, ConfigFieldInfo field)
    {
        var state = config.GetSlot(field.Index).State;
        if ((state & FieldState.NullRequested) != 0 && _explicitOnly)
        {
            Null();
        }
        else if ((state & FieldState.Interpolated) != 0 && _explicitOnly
            && config.Graph?.Interpolations?.GetValueOrDefault((config, field.Index)) is { } site)
        {
            // The saved config keeps the expression the user wrote (explicit); every other output has its value.
            String(site.Expression.Value!);
        }
        else
        {
            // A string a field holds is read back as an interpolation when it holds `${`: outputs that are inputs escape it.
            _escape = !ReferenceEquals(Context, ValueWriteContext.Display);
            field.Write(config, this);
            _escape = false;
        }
    }

    /// <summary>Writes the mappings opened for sub-configs and not written yet: a value is about to go into the innermost.</summary>
    private void Flush()
    {
        for (; _written < _depth; _written++)
        {
            var (key, typeName) = _pending[_written];
            if (key is not null)
            {
                _sink.Key(key);
            }

            _sink.StartMap();
            if (typeName is not null)
            {
                _sink.Key("type");
                _sink.String(typeName);
            }
        }
    }
}
