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
}
