using System.Globalization;
using Strata.Schema;
using Strata.Tree;

namespace Strata.Llm.Checkpoints.Formats.HuggingFace;

/// <summary>A value of a <c>config.json</c> key, checked against its kind: read from the file, or the default of the format when absent.</summary>
/// <param name="Key">The key.</param>
/// <param name="Node">The value (for an absent key, the default, whose origin is the file without a position).</param>
/// <param name="Present">Whether the key is in the file.</param>
internal readonly record struct HuggingFaceValue(string Key, ConfigNode Node, bool Present)
{
    /// <summary>Whether the value is <c>null</c>.</summary>
    public bool IsNull => Node is ConfigScalar { IsNull: true };

    /// <summary>The scalar text, or <see langword="null"/>.</summary>
    public string? Text => (Node as ConfigScalar)?.Value;

    /// <summary>The value as a boolean (the kind was checked).</summary>
    public bool Boolean => Text == "true";

    /// <summary>The value as a number (the kind was checked).</summary>
    public double Number => Text is { } text && ScalarText.TryParseDouble(text, out var value) ? value : double.NaN;

    /// <summary>Whether a node has the kind.</summary>
    public static bool HasKind(ConfigNode node, HuggingFaceValueKind kind)
    {
        if (node is ConfigScalar { IsNull: true })
        {
            return kind is HuggingFaceValueKind.NullableInteger or HuggingFaceValueKind.NullableNumber or HuggingFaceValueKind.NullableObject;
        }

        var plain = node is ConfigScalar { Style: ScalarStyle.Plain, Value: { } text } ? text : null;
        return kind switch
        {
            HuggingFaceValueKind.Integer or HuggingFaceValueKind.NullableInteger =>
                plain is not null && int.TryParse(plain, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            HuggingFaceValueKind.Number or HuggingFaceValueKind.NullableNumber =>
                plain is not null && !ScalarText.TryParseBoolean(plain, out _) && ScalarText.TryParseDouble(plain, out _),
            HuggingFaceValueKind.Boolean => plain is not null && ScalarText.TryParseBoolean(plain, out _),
            HuggingFaceValueKind.String => node is ConfigScalar { Style: ScalarStyle.Quoted },
            HuggingFaceValueKind.NullableObject => node is ConfigMap,
            _ => false,
        };
    }

    /// <summary>How a kind is named in messages.</summary>
    public static string Describe(HuggingFaceValueKind kind) => kind switch
    {
        HuggingFaceValueKind.Integer => "an integer",
        HuggingFaceValueKind.NullableInteger => "an integer or null",
        HuggingFaceValueKind.Number => "a number",
        HuggingFaceValueKind.NullableNumber => "a number or null",
        HuggingFaceValueKind.Boolean => "true or false",
        HuggingFaceValueKind.String => "a string",
        _ => "an object or null",
    };
}
