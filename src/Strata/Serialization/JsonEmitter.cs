using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Strata.Tree;

namespace Strata.Serialization;

/// <summary>
/// Writes a tree as JSON. Strings (quoted scalars) are JSON strings. Plain scalars are typed by their text: <c>true</c>
/// and <c>false</c> are booleans, text in the JSON number grammar is written as that exact number (<c>1e-05</c> stays
/// <c>1e-05</c>), YAML's <c>.inf</c>, <c>-.inf</c> and <c>.nan</c> become the strings <c>"inf"</c>, <c>"-inf"</c> and
/// <c>"nan"</c>, and any other plain text is a string. Indented output uses 2 spaces and <c>\n</c>, and ends with a
/// newline; compact output has no whitespace at all.
/// </summary>
internal static class JsonEmitter
{
    private static readonly JsonWriterOptions s_indented = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonWriterOptions s_compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Returns <paramref name="root"/> as JSON text.</summary>
    /// <param name="root">The tree.</param>
    /// <param name="indented">Whether to indent (2 spaces, <c>\n</c> newlines, final newline) or write compactly.</param>
    public static string Emit(ConfigNode root, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(root);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, indented ? s_indented : s_compact))
        {
            Write(root, writer);
        }

        var text = Encoding.UTF8.GetString(buffer.WrittenSpan);
        return indented ? text + "\n" : text;
    }

    private static void Write(ConfigNode node, Utf8JsonWriter writer)
    {
        switch (node)
        {
            case ConfigMap map:
                writer.WriteStartObject();
                foreach (var entry in map.EntryArray)
                {
                    writer.WritePropertyName(entry.Key);
                    Write(entry.Value, writer);
                }

                writer.WriteEndObject();
                break;
            case ConfigSequence sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.ItemArray)
                {
                    Write(item, writer);
                }

                writer.WriteEndArray();
                break;
            case ConfigScalar scalar:
                WriteScalar(scalar, writer);
                break;
            default:
                throw new ArgumentException("Unknown node type " + node.GetType().Name + ".", nameof(node));
        }
    }

    private static void WriteScalar(ConfigScalar scalar, Utf8JsonWriter writer)
    {
        if (scalar.Value is not { } text)
        {
            writer.WriteNullValue();
        }
        else if (scalar.Style == ScalarStyle.Quoted)
        {
            writer.WriteStringValue(text);
        }
        else if (text is "true" or "false")
        {
            writer.WriteBooleanValue(text == "true");
        }
        else if (IsJsonNumber(text))
        {
            // Raw, so that the exact text survives (a double round trip would turn 1e-05 into 1E-05).
            writer.WriteRawValue(text, skipInputValidation: true);
        }
        else
        {
            writer.WriteStringValue(YamlSpecialFloat(text) ?? text);
        }
    }

    /// <summary>The JSON name of a YAML infinity or not-a-number (<c>.inf</c>, <c>-.Inf</c>, <c>.NaN</c>...), or <see langword="null"/>.</summary>
    private static string? YamlSpecialFloat(string text) => text.ToUpperInvariant() switch
    {
        ".INF" or "+.INF" => "inf",
        "-.INF" => "-inf",
        ".NAN" => "nan",
        _ => null,
    };

    /// <summary>Whether <paramref name="text"/> follows the JSON number grammar: <c>-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?</c>.</summary>
    internal static bool IsJsonNumber(string text)
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

    /// <summary>Moves past one or more ASCII digits; returns <see langword="false"/> when there is none.</summary>
    private static bool SkipDigits(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i > start;
    }
}
