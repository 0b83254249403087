using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Strata.Tree;

namespace Strata.Serialization;

/// <summary>
/// A sink that writes JSON as <c>System.Text.Json</c> lays it out: indented with 2 spaces and <c>\n</c>, one member per
/// line, <c>{}</c> and <c>[]</c> for empty collections, a final newline; or compact, with no whitespace at all. Strings
/// are escaped by the relaxed encoder (controls, quotes, backslashes and characters beyond the basic plane). Plain
/// scalars are typed by their text: <c>true</c> and <c>false</c> are booleans, text in the JSON number grammar is
/// written as that exact number (<c>1e-05</c> stays <c>1e-05</c>), YAML's <c>.inf</c>, <c>-.inf</c> and <c>.nan</c>
/// become the strings <c>"inf"</c>, <c>"-inf"</c> and <c>"nan"</c>, and any other plain text is a string.
/// </summary>
internal sealed class JsonEmitter : ValueSink
{
    private readonly StringBuilder _text = new();
    private readonly bool _indented;

    /// <summary>The number of members written so far in each open collection.</summary>
    private readonly List<int> _open = [];
    private bool _afterKey;

    public JsonEmitter(bool indented)
    {
        _indented = indented;
    }

    /// <summary>Returns <paramref name="root"/> as JSON text.</summary>
    public static string Emit(ConfigNode root, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(root);
        var sink = new JsonEmitter(indented);
        TreeSink.Replay(root, sink);
        return sink.ToString();
    }

    public override void StartMap()
    {
        StartValue();
        _text.Append('{');
        _open.Add(0);
    }

    public override void Key(string key)
    {
        StartValue();
        WriteString(key);
        _text.Append(_indented ? ": " : ":");
        _afterKey = true;
    }

    public override void EndMap() => Close('}');

    public override void StartList()
    {
        StartValue();
        _text.Append('[');
        _open.Add(0);
    }

    public override void EndList() => Close(']');

    public override void Plain(ReadOnlySpan<char> text)
    {
        if (text.SequenceEqual("true") || text.SequenceEqual("false") || IsJsonNumber(text))
        {
            StartValue();
            _text.Append(text);
            return;
        }

        var upper = text.Length <= 5 ? text.ToString().ToUpperInvariant() : string.Empty;
        String(upper switch
        {
            ".INF" or "+.INF" => "inf",
            "-.INF" => "-inf",
            ".NAN" => "nan",
            _ => text.ToString(),
        });
    }

    public override void String(string text)
    {
        StartValue();
        WriteString(text);
    }

    public override void Null()
    {
        StartValue();
        _text.Append("null");
    }

    /// <summary>Opens a mapping as the value of <paramref name="key"/> in the open mapping.</summary>
    public void StartMap(string key)
    {
        Key(key);
        StartMap();
    }

    /// <summary>Opens a list as the value of <paramref name="key"/> in the open mapping.</summary>
    public void StartList(string key)
    {
        Key(key);
        StartList();
    }

    /// <summary>A member whose value is a string, or <c>null</c> for null.</summary>
    public void Member(string key, string? text)
    {
        Key(key);
        if (text is null)
        {
            Null();
        }
        else
        {
            String(text);
        }
    }

    /// <summary>A member whose value is <c>true</c> or <c>false</c>.</summary>
    public void Member(string key, bool value)
    {
        Key(key);
        Plain(value ? "true" : "false");
    }

    /// <summary>A member whose value is an integer, in invariant digits.</summary>
    public void Member(string key, long value)
    {
        Key(key);
        Plain(value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A whole value on one line with no whitespace, wherever this emitter is (a default in the JSON Schema).</summary>
    public void Compact(ConfigNode value)
    {
        StartValue();
        _text.Append(Emit(value, indented: false));
    }

    /// <summary>The text written, with the final newline of indented output.</summary>
    public override string ToString() => _indented ? _text.ToString() + "\n" : _text.ToString();

    /// <summary>Whether <paramref name="text"/> follows the JSON number grammar: <c>-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?</c>.</summary>
    internal static bool IsJsonNumber(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (i < text.Length && text[i] == '0')
        {
            i++;
        }
        else if (!SkipDigits(text, ref i))
        {
            return false;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            if (!SkipDigits(text, ref i))
            {
                return false;
            }
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            if (!SkipDigits(text, ref i))
            {
                return false;
            }
        }

        return i == text.Length;
    }

    private static bool SkipDigits(ReadOnlySpan<char> text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i > start;
    }

    /// <summary>Starts a value or a key: after its key nothing; in a collection a separator and, indented, its own line.</summary>
    private void StartValue()
    {
        if (_afterKey)
        {
            _afterKey = false;
        }
        else if (_open.Count > 0)
        {
            if (_open[^1]++ > 0)
            {
                _text.Append(',');
            }

            NewLine(_open.Count);
        }
    }

    private void Close(char bracket)
    {
        var members = _open[^1];
        _open.RemoveAt(_open.Count - 1);
        if (members > 0)
        {
            NewLine(_open.Count);
        }

        _text.Append(bracket);
    }

    private void NewLine(int depth)
    {
        if (_indented)
        {
            _text.Append('\n').Append(' ', depth * 2);
        }
    }

    private void WriteString(string text)
    {
        _text.Append('"').Append(JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(text)).Append('"');
    }
}
