using System.Globalization;

namespace Strata.Llm.Checkpoints.Safetensors;

/// <summary>How shapes and places are written in messages.</summary>
internal static class SafetensorsText
{
    public static string Shape(IReadOnlyList<long> shape)
    {
        var dimensions = new string[shape.Count];
        for (var i = 0; i < dimensions.Length; i++)
        {
            dimensions[i] = shape[i].ToString(CultureInfo.InvariantCulture);
        }

        return "[" + string.Join(", ", dimensions) + "]";
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The place of a byte in a file: the file as the location, the byte in the message.</summary>
    public static Origin Place(string file) => Origin.InCheckpoint(file, 0, 0);

    public static string At(long position) => "at byte " + Number(position) + ": ";

    /// <summary>A text of a header as a message shows it: bounded as every quoted input is (<see cref="MessageText"/>).</summary>
    public static string Excerpt(string text) => MessageText.Bounded(text);

    /// <summary>A tensor's name as messages quote it: <c>tensor 'model.norm.weight'</c>, cut when long.</summary>
    public static string Tensor(string name) => "tensor " + MessageText.Quoted(name);

    /// <summary>
    /// A token of a header (UTF-8) as a message shows it, bounded as <see cref="MessageText"/> bounds text, without
    /// decoding more of it than is shown.
    /// </summary>
    public static string Excerpt(ReadOnlySpan<byte> utf8) => utf8.Length <= MessageText.MaxShownLength
        ? System.Text.Encoding.UTF8.GetString(utf8)
        : System.Text.Encoding.UTF8.GetString(utf8[..MessageText.MaxShownLength]) + "… (" + Number(utf8.Length) + " bytes)";

    /// <summary>The index in <paramref name="json"/> of a JSON error, from its line and byte in the line.</summary>
    public static long ErrorIndex(ReadOnlySpan<byte> json, System.Text.Json.JsonException e)
    {
        var line = e.LineNumber ?? 0;
        var index = 0L;
        for (var i = 0; i < json.Length && line > 0; i++)
        {
            if (json[i] == (byte)'\n')
            {
                line--;
                index = i + 1;
            }
        }

        return index + (e.BytePositionInLine ?? 0);
    }

    /// <summary>An exception message without the position and path details that System.Text.Json appends.</summary>
    public static string FirstSentence(string message)
    {
        foreach (var marker in (string[])[" LineNumber:", " Path:", " |"])
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
            {
                message = message[..at];
            }
        }

        return message.TrimEnd().TrimEnd('.');
    }
}
