using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Strata.Sources;
using Strata.Tree;

namespace Strata.Cli.Tests.Schema;

/// <summary>
/// A YAML config file as an editor's schema validator sees it: read with the engine's YAML reader, written as JSON with
/// the YAML 1.2 core schema's typing of plain scalars (<c>4</c> an integer, <c>1.0e-04</c> a number, <c>true</c> a
/// boolean, <c>null</c>/<c>~</c>/empty null, anything else and every quoted scalar a string).
/// </summary>
internal static partial class YamlAsJson
{
    public static string Convert(string path)
    {
        var document = YamlDocumentReader.Load(path);
        Assert.True(document.Success, string.Join("\n", document.Diagnostics));
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, document.Root!);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, ConfigNode node)
    {
        switch (node)
        {
            case ConfigMap map:
                writer.WriteStartObject();
                foreach (var entry in map.Entries)
                {
                    writer.WritePropertyName(entry.Key);
                    Write(writer, entry.Value);
                }

                writer.WriteEndObject();
                break;
            case ConfigSequence sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case ConfigScalar { Value: null }:
                writer.WriteNullValue();
                break;
            case ConfigScalar { Style: ScalarStyle.Quoted, Value: { } text }:
                writer.WriteStringValue(text);
                break;
            case ConfigScalar { Value: { } plain }:
                WritePlain(writer, plain);
                break;
        }
    }

    private static void WritePlain(Utf8JsonWriter writer, string text)
    {
        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            writer.WriteNullValue();
        }
        else if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            writer.WriteBooleanValue(text[0] is 't' or 'T');
        }
        else if (Integer().IsMatch(text))
        {
            writer.WriteRawValue(BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
        }
        else if (Float().IsMatch(text))
        {
            writer.WriteNumberValue(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
