using System.Globalization;
using Strata.Tree;

namespace Strata.Llm.Checkpoints.Formats.HuggingFace;

/// <summary>JSON values as the transformers library writes them (Python's <c>json.dumps</c>): <c>1e-05</c>, <c>500000.0</c>, <c>true</c>.</summary>
internal static class HuggingFaceJson
{
    /// <summary>The node of a C# value: integers, numbers, booleans, strings and null.</summary>
    public static ConfigNode Node(object? value) => value switch
    {
        null => ConfigScalar.Null(Origin.Code),
        bool flag => ConfigScalar.Plain(flag ? "true" : "false", Origin.Code),
        int integer => ConfigScalar.Plain(integer.ToString(CultureInfo.InvariantCulture), Origin.Code),
        long integer => ConfigScalar.Plain(integer.ToString(CultureInfo.InvariantCulture), Origin.Code),
        double number => ConfigScalar.Plain(Number(number), Origin.Code),
        string text => ConfigScalar.Quoted(text, Origin.Code),
        _ => throw new ArgumentException("No JSON form for a " + value.GetType().Name + ".", nameof(value)),
    };

    /// <summary>A JSON object written by code: its keys in the dictionary's (sorted) order.</summary>
    public static ConfigMap Object(SortedDictionary<string, ConfigNode> entries)
    {
        var list = new List<ConfigMapEntry>(entries.Count);
        foreach (var (key, value) in entries)
        {
            list.Add(new ConfigMapEntry(key, Origin.Code, value));
        }

        return new ConfigMap(list, Origin.Code);
    }

    /// <summary>A finite number as Python's <c>repr</c> writes a float: <c>500000.0</c>, <c>0.02</c>, <c>1e-05</c>.</summary>
    public static string Number(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
        }

        var exponent = text[(e + 1)..];
        var sign = exponent[0] == '-' ? "-" : "+";
        var digits = exponent.TrimStart('-', '+');
        return text[..e] + "e" + sign + (digits.Length < 2 ? "0" + digits : digits);
    }
}
