using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Strata.Hosting.CommandLine;

/// <summary>Writes indented JSON text with <see cref="Utf8JsonWriter"/> (no reflection, NativeAOT-safe), ending with a newline.</summary>
internal static class JsonText
{
    private static readonly JsonWriterOptions s_options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, s_options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length) + "\n";
    }

    /// <summary>
    /// Writes an origin as <c>{"kind", "file", "line", "column", "arg", "text"}</c>, with nulls where a part does not
    /// apply; an override read from a response file has its file and line as well as its number.
    /// </summary>
    public static void WriteOrigin(Utf8JsonWriter writer, Origin origin)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", origin.KindName);
        writer.WriteString("file", origin.Kind is OriginKind.File or OriginKind.Checkpoint or OriginKind.CommandLine ? origin.Source : null);

        WriteCount(writer, "line", origin.Line);
        WriteCount(writer, "column", origin.Column);
        WriteCount(writer, "arg", origin.Argument);
        writer.WriteString("text", origin.ToString());
        writer.WriteEndObject();
    }

    private static void WriteCount(Utf8JsonWriter writer, string name, int value)
    {
        if (value > 0)
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
