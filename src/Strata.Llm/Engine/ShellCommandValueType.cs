using System.Text;
using Strata.Schema;
using Strata.Tree;

namespace Strata.Llm.Engine;

/// <summary>
/// The value type of <see cref="CallbackConfig.Script"/>: a list of strings, null, or one string split like a POSIX shell
/// command line (quotes and backslashes as in Python's <c>shlex.split</c>). Always written as a list.
/// </summary>
public sealed class ShellCommandValueType : ConfigValueType<IList<string>?>
{
    private static readonly ConfigValueType<IList<string>?> s_list = ValueTypes.NullableReference(ValueTypes.List(ValueTypes.String));

    /// <inheritdoc />
    public override string DisplayName => "list[str]|str|None";

    /// <inheritdoc />
    public override bool AcceptsNull => true;

    /// <inheritdoc />
    public override ValueShape Shape => ValueShape.Any;

    /// <inheritdoc />
    public override ConfigValueType? ElementType => ValueTypes.String;

    /// <inheritdoc />
    public override bool TryRead(ConfigNode node, ValueReadContext context, out IList<string>? value)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (node is ConfigScalar { Value: { } text } scalar)
        {
            if (!TrySplit(text, out var words, out var problem))
            {
                value = null;
                context.Error(DiagnosticCodes.TypeMismatch, node, "cannot split the command: " + problem);
                return false;
            }

            var items = new ConfigNode[words.Count];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = ConfigScalar.Quoted(words[i], scalar.Origin);
            }

            return s_list.TryRead(new ConfigSequence(items, scalar.Origin), context, out value);
        }

        return s_list.TryRead(node, context, out value);
    }

    /// <inheritdoc />
    public override ConfigNode Write(IList<string>? value, ValueWriteContext context) => s_list.Write(value, context);

    /// <inheritdoc />
    public override bool ValueEquals(IList<string>? left, IList<string>? right) => s_list.ValueEquals(left, right);

    /// <inheritdoc />
    public override IList<string>? Freeze(IList<string>? value) => s_list.Freeze(value);

    /// <summary>Splits a command line into words, POSIX style.</summary>
    /// <param name="text">The command line.</param>
    /// <param name="words">The words.</param>
    /// <param name="problem">What is wrong when the text cannot be split.</param>
    internal static bool TrySplit(string text, out List<string> words, out string? problem)
    {
        words = [];
        problem = null;
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case ' ' or '\t' or '\n' or '\r':
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }

                    continue;
                case '\'':
                    var close = text.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        problem = "no closing quotation";
                        return false;
                    }

                    word.Append(text, i + 1, close - i - 1);
                    i = close;
                    break;
                case '"':
                    if (!ReadDoubleQuoted(text, ref i, word))
                    {
                        problem = "no closing quotation";
                        return false;
                    }

                    break;
                case '\\':
                    if (i + 1 >= text.Length)
                    {
                        problem = "no escaped character";
                        return false;
                    }

                    i++;
                    if (text[i] != '\n')
                    {
                        word.Append(text[i]);
                    }

                    break;
                default:
                    word.Append(c);
                    break;
            }

            inWord = true;
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return true;
    }

    private static bool ReadDoubleQuoted(string text, ref int i, StringBuilder word)
    {
        for (i++; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                return true;
            }

            // Inside double quotes a backslash only escapes these characters.
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '\\' or '"' or '$' or '`' or '\n')
            {
                i++;
                c = text[i];
                if (c == '\n')
                {
                    continue;
                }
            }

            word.Append(c);
        }

        return false;
    }
}
