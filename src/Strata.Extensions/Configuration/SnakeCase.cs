using System.Text;

namespace Strata.Extensions.Configuration;

/// <summary>
/// Turns C# names into YAML keys exactly as the source generator does (<c>NumLayers</c> → <c>num_layers</c>,
/// <c>GPTModel</c> → <c>gpt_model</c>, <c>Beta1</c> → <c>beta_1</c>), so that a key the schema does not know is reported
/// in the spelling of the keys it is compared with, and the closest one can be suggested.
/// </summary>
internal static class SnakeCase
{
    public static string Convert(string name)
    {
        if (name.Contains('_', StringComparison.Ordinal))
        {
            // Already snake_case, perhaps upper-case as environment variables are.
            return name.ToLowerInvariant();
        }

        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && StartsWord(name, i))
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }

    private static bool StartsWord(string name, int i)
    {
        var c = name[i];
        var previous = name[i - 1];
        if (char.IsUpper(c))
        {
            return char.IsLower(previous)
                || char.IsDigit(previous)
                || (char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]));
        }

        return char.IsDigit(c) && char.IsLetter(previous);
    }
}
