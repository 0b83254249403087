using System.Text;

namespace Strata.Generators.Naming;

/// <summary>Turns C# names into YAML keys: <c>NumLayers</c> → <c>num_layers</c>, <c>GPTModel</c> → <c>gpt_model</c>, <c>Beta1</c> → <c>beta_1</c>.</summary>
internal static class SnakeCase
{
    public static string Convert(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && StartsWord(name, i))
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    private static bool StartsWord(string name, int i)
    {
        var c = name[i];
        var previous = name[i - 1];
        if (char.IsUpper(c))
        {
            // "numLayers": a capital after a lowercase letter or a digit; "GPTModel": the last capital of an acronym
            // starts the next word when a lowercase letter follows it.
            return char.IsLower(previous)
                || char.IsDigit(previous)
                || (char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]));
        }

        // "Beta1", "Fp16": a number is a word of its own.
        return char.IsDigit(c) && char.IsLetter(previous);
    }
}
