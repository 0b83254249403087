using Strata.Schema;
using Strata.Tree;

namespace Strata.Llm.Engine;

/// <summary>
/// The value type of <see cref="CallbackConfig.Environment"/>: a dictionary of strings whose entries with a credential-like
/// name (<see cref="IsSecretName"/>: <c>HF_TOKEN</c>, <c>WANDB_API_KEY</c>, <c>PGPASSWORD</c>) are secrets (rule R14): left out
/// of saved configs and of the fingerprint, shown as <c>***</c> in displays (<c>explain</c>, <c>diff</c>), and written only
/// when the caller asks for secrets (<see cref="SecretHandling.Include"/>). The other entries are written as they are.
/// </summary>
public sealed class CallbackEnvironmentValueType : ConfigValueType<IDictionary<string, string>>
{
    private const string RedactedText = "***";

    private static readonly ConfigValueType<IDictionary<string, string>> s_dictionary = ValueTypes.Dictionary(ValueTypes.String);

    /// <inheritdoc />
    public override string DisplayName => s_dictionary.DisplayName;

    /// <inheritdoc />
    public override ValueShape Shape => s_dictionary.Shape;

    /// <inheritdoc />
    public override ConfigValueType? ElementType => s_dictionary.ElementType;

    /// <summary>
    /// Whether an environment variable's name looks like a credential: its last word (the name split at <c>_</c>,
    /// <c>-</c> and <c>.</c>, in any case) is <c>KEY</c>, or is or ends with <c>TOKEN</c>, <c>SECRET</c>, <c>PASSWORD</c>,
    /// <c>PASSWD</c>, <c>PASSPHRASE</c>, <c>APIKEY</c> or <c>CREDENTIALS</c> (<c>CREDENTIAL</c>). So <c>HF_TOKEN</c>,
    /// <c>WANDB_API_KEY</c>, <c>AWS_SECRET_ACCESS_KEY</c> and <c>PGPASSWORD</c> are secrets; <c>WANDB_API_KEY_PATH</c> (where
    /// a key is, as Fast-LLM reads it), <c>TOKENIZERS_PARALLELISM</c> and <c>KEYBOARD</c> are not.
    /// </summary>
    /// <param name="name">The variable's name.</param>
    public static bool IsSecretName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var start = name.LastIndexOfAny(['_', '-', '.']) + 1;
        var word = name.AsSpan(start);
        return word.Equals("KEY", StringComparison.OrdinalIgnoreCase)
            || word.EndsWith("TOKEN", StringComparison.OrdinalIgnoreCase)
            || word.EndsWith("SECRET", StringComparison.OrdinalIgnoreCase)
            || word.EndsWith("PASSWORD", StringComparison.OrdinalIgnoreCase)
            || word.EndsWith("PASSWD", StringComparison.OrdinalIgnoreCase)
            || word.EndsWith("PASSPHRASE", StringComparison.OrdinalIgnoreCase)
            || word.EndsWith("APIKEY", StringComparison.OrdinalIgnoreCase)
            || word.EndsWith("CREDENTIAL", StringComparison.OrdinalIgnoreCase)
            || word.EndsWith("CREDENTIALS", StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public override bool IsSecretEntry(string key) => IsSecretName(key);

    /// <inheritdoc />
    public override bool TryRead(ConfigNode node, ValueReadContext context, out IDictionary<string, string> value) =>
        s_dictionary.TryRead(node, context, out value);

    /// <inheritdoc />
    public override ConfigNode Write(IDictionary<string, string> value, ValueWriteContext context)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Secrets == SecretHandling.Include || !HasSecret(value))
        {
            return s_dictionary.Write(value, context);
        }

        // The secret entries are what a secret field would be: left out, or shown as *** (an empty value hides nothing).
        var shown = new OrderedDictionary<string, string>(value.Count, StringComparer.Ordinal);
        foreach (var (name, text) in value)
        {
            if (!IsSecretName(name))
            {
                shown.Add(name, text);
            }
            else if (context.Secrets == SecretHandling.Redact)
            {
                shown.Add(name, text.Length == 0 ? text : RedactedText);
            }
        }

        return s_dictionary.Write(shown, context);
    }

    /// <inheritdoc />
    public override bool ValueEquals(IDictionary<string, string> left, IDictionary<string, string> right) => s_dictionary.ValueEquals(left, right);

    /// <inheritdoc />
    public override IDictionary<string, string> Freeze(IDictionary<string, string> value) => s_dictionary.Freeze(value);

    private static bool HasSecret(IDictionary<string, string> value)
    {
        foreach (var name in value.Keys)
        {
            if (IsSecretName(name))
            {
                return true;
            }
        }

        return false;
    }
}
