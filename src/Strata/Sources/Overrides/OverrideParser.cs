using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Strata.Provenance;
using Strata.Sources.Yaml;
using Strata.Tree;

namespace Strata.Sources;

/// <summary>
/// Parses a command-line override <c>dotted.key.path=value</c> (rule R2). The path is split at the first <c>=</c>; its
/// steps are keys separated by <c>.</c>, each optionally followed by list indexes (<c>datasets[1].path</c>). The value
/// is a YAML flow value read without a schema: <c>1e-5</c> stays the plain text <c>1e-5</c>, <c>'007'</c> is a string,
/// <c>[1, 2]</c> a list, <c>{a: 1}</c> a mapping, and an empty value, <c>null</c> or <c>~</c> a null.
/// An override is bounded as a file is (<see cref="SourceLimits"/>): each key of the path by
/// <see cref="SourceLimits.MaxKeyLength"/>, the value by <see cref="SourceLimits.MaxScalarLength"/>, and the path with
/// the nesting of its value by <see cref="SourceLimits.MaxDepth"/>, all checked while the path is split and before
/// anything walks it.
/// </summary>
public static class OverrideParser
{
    /// <summary>The characters that end a key of a path (for tests).</summary>
    internal static SearchValues<char> PathStops => s_pathStops;

    /// <summary>
    /// What ends a key of a path: a dot, a bracket, or a character for which <see cref="char.IsWhiteSpace(char)"/> is
    /// true (every one of them, listed; a test checks the list against all characters).
    /// </summary>
    private static readonly SearchValues<char> s_pathStops = SearchValues.Create(
        ".[]\t\n\u000B\u000C\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000");

    /// <summary>The characters of a value read without a YAML parser: printable ASCII, no quote, bracket, brace or comma.</summary>
    private static readonly SearchValues<char> s_plainSafe =
        SearchValues.Create(" !#$%&()*+-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ\\^_`abcdefghijklmnopqrstuvwxyz|~");

    /// <summary>Parses one override.</summary>
    /// <param name="argument">The argument as given, for example <c>training.train_iters=1000</c>.</param>
    /// <param name="argumentNumber">The 1-based number of the override among the overrides (used in origins).</param>
    /// <param name="result">The override, when the argument is valid.</param>
    /// <param name="error">What is wrong, when it is not (code <see cref="DiagnosticCodes.OverrideSyntax"/> for syntax).</param>
    /// <returns>Whether the argument is a valid override.</returns>
    public static bool TryParse(string argument, int argumentNumber, [NotNullWhen(true)] out ConfigOverride? result, [NotNullWhen(false)] out Diagnostic? error)
    {
        ArgumentNullException.ThrowIfNull(argument);
        return TryParse(argument, argumentNumber, null, SourceLimits.Default, out result, out error);
    }

    /// <summary>
    /// Parses one override at its place: typed (<c>cli arg #N</c>) or read from a response file (<c>FILE:LINE</c>).
    /// A plain one-line value needs no YAML parser (<see cref="IsPlainValue"/>); any other is read by the fast
    /// YAML reader, or by YamlDotNet when that gives up; without <paramref name="fastPaths"/>, by YamlDotNet alone
    /// (the reference that the fast paths are tested against).
    /// </summary>
    internal static bool TryParse(string argument, int argumentNumber, ArgumentPlace? place, SourceLimits limits, [NotNullWhen(true)] out ConfigOverride? result, [NotNullWhen(false)] out Diagnostic? error, bool fastPaths = true)
    {
        result = null;
        var source = new Argument(argumentNumber, place);
        var (operation, start) = argument switch
        {
            ['+', '+', ..] => (OverrideOperation.Upsert, 2),
            ['+', ..] => (OverrideOperation.Add, 1),
            ['~', ..] => (OverrideOperation.Remove, 1),
            _ => (OverrideOperation.Set, 0),
        };
        var equals = FindEquals(argument, start);
        if (equals < 0 && operation != OverrideOperation.Remove)
        {
            error = SyntaxError(argument, source, 1, "expected key.path=value");
            return false;
        }

        var end = equals < 0 ? argument.Length : equals;
        if (operation == OverrideOperation.Set && end > start + 1 && argument[end - 1] == '+')
        {
            operation = OverrideOperation.Append;
            end--;
        }

        if (start == end)
        {
            error = SyntaxError(argument, source, start + 1, "a key is missing (empty step in the path)");
            return false;
        }

        if (!TryParsePath(argument, start, end, source, limits, out var path, out error))
        {
            return false;
        }

        ConfigNode? value;
        string? placed = null;
        if (operation != OverrideOperation.Remove && equals + 2 < argument.Length && argument[equals + 1] == '@'
            && !ConfigPresets.IsReference(argument[(equals + 2)..]))
        {
            // KEY=@FILE: the file is read when the override is applied, against the bound of all included files.
            placed = argument[(equals + 2)..];
            value = ConfigScalar.Null(source.At(equals + 3));
        }
        else if (operation != OverrideOperation.Remove && equals + 2 == argument.Length && argument[equals + 1] == '@')
        {
            // YAML would say that `@` cannot start a token, which is true but not what went wrong.
            error = SyntaxError(argument, source, equals + 2, "KEY=@FILE places a file: the path is missing after the @");
            return false;
        }
        else if (operation == OverrideOperation.Remove)
        {
            if (equals >= 0 && equals + 1 < argument.Length)
            {
                error = SyntaxError(argument, source, equals + 2, "~KEY removes what the layers below set at KEY and takes no value");
                return false;
            }

            value = ConfigScalar.Null(source.At(1));
        }
        else if (!TryParseValue(argument, equals + 1, source, path, limits, fastPaths, out value, out error))
        {
            return false;
        }

        result = new ConfigOverride(path, value, argument, operation == OverrideOperation.Remove ? source.At(1) : value.Origin, operation) { PlacedFile = placed };
        return true;
    }

    /// <summary>
    /// The index of the <c>=</c> that ends the path: the first one from <paramref name="start"/> that is not inside a
    /// quoted key (<c>"a=b".c=1</c>), or -1.
    /// </summary>
    internal static int FindEquals(string argument, int start)
    {
        var quoted = false;
        for (var i = start; i < argument.Length; i++)
        {
            if (argument[i] == '"')
            {
                quoted = !quoted;
            }
            else if (argument[i] == '=' && !quoted)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Reads the steps of <c>argument[start..end]</c>: <c>key([index])*</c> separated by dots, where a key is bare or
    /// double-quoted (<c>"web.en"</c>, for a key that holds dots) and an index is <c>[n]</c> or <c>[-n]</c> (from the end).
    /// A key longer than <see cref="SourceLimits.MaxKeyLength"/> and a step past <see cref="SourceLimits.MaxDepth"/> are
    /// refused where they start, so a path of any depth costs one pass and nothing downstream ever walks a deeper one.
    /// </summary>
    private static bool TryParsePath(string argument, int start, int end, Argument source, SourceLimits limits, [NotNullWhen(true)] out OverridePathSegment[]? path, [NotNullWhen(false)] out Diagnostic? error)
    {
        path = null;

        // A valid path has a step per key (at most one more than its dots) and one per index (one per '['): the size,
        // unless that is past the depth limit, which the path then reaches before its end.
        var text = argument.AsSpan(start, end - start);
        var size = checked(text.Count('.') + text.Count('[') + 1);
        var steps = new OverridePathSegment[Math.Clamp(size, 0, Math.Max(limits.MaxDepth, 0))];
        var count = 0;
        var i = start;
        while (true)
        {
            var keyStart = i;
            string key;
            if (argument[i] == '"')
            {
                var close = argument.IndexOf('"', i + 1, end - i - 1);
                if (close < 0 || close == i + 1)
                {
                    error = SyntaxError(argument, source, i + 1, close < 0 ? "a quoted key is not closed" : "a quoted key is empty");
                    return false;
                }

                key = argument[(i + 1)..close];
                i = close + 1;
            }
            else
            {
                var stop = argument.AsSpan(i, end - i).IndexOfAny(s_pathStops);
                i = stop < 0 ? end : i + stop;
                if (i == keyStart || (i < end && char.IsWhiteSpace(argument[i])))
                {
                    var problem = i < end && char.IsWhiteSpace(argument[i]) ? "a key cannot hold spaces" : "a key is missing (empty step in the path)";
                    error = SyntaxError(argument, source, i + 1, problem);
                    return false;
                }

                key = argument[keyStart..i];
            }

            if (count == steps.Length || key.Length > limits.MaxKeyLength)
            {
                error = count == steps.Length ? TooDeep(source, keyStart + 1, limits) : KeyTooLong(source, keyStart + 1, key.Length, limits);
                return false;
            }

            steps[count++] = OverridePathSegment.ForKey(key);
            while (i < end && argument[i] == '[')
            {
                if (count == steps.Length)
                {
                    error = TooDeep(source, i + 1, limits);
                    return false;
                }

                if (!TryParseIndex(argument, ref i, end, out var index))
                {
                    error = SyntaxError(argument, source, i + 1, "a list index is written [n] with n an integer ([-1] is the last element)");
                    return false;
                }

                steps[count++] = OverridePathSegment.ForIndex(index);
            }

            if (i == end)
            {
                error = null;
                path = count == steps.Length ? steps : steps[..count];
                return true;
            }

            if (argument[i] != '.')
            {
                error = SyntaxError(argument, source, i + 1, "expected '.' or '[' after a step of the path, got " + MessageText.Quoted(argument[i].ToString()));
                return false;
            }

            i++;
            if (i == end)
            {
                error = SyntaxError(argument, source, i + 1, "a key is missing (empty step in the path)");
                return false;
            }
        }
    }

    /// <summary>
    /// Whether a key must be double-quoted for <see cref="TryParsePath"/> to read it back as one key: it is empty, holds
    /// a character that ends a bare key or the path (<c>.</c>, a bracket, white space, <c>=</c>), or starts with a quote;
    /// the first key of a path also when it starts with an operator (<c>+</c>, <c>~</c>) or ends with <c>+</c> (read as
    /// <c>+=</c>). A key that holds a <c>"</c> cannot be written (a quoted key has no escape).
    /// </summary>
    internal static bool NeedsQuotes(string key, bool first) =>
        key.Length == 0 || key.AsSpan().IndexOfAny(s_pathStops) >= 0 || key.Contains('=', StringComparison.Ordinal) || key[0] == '"'
        || key[^1] == '+' || (first && key[0] is '+' or '~');

    /// <summary>Reads <c>[digits]</c> or <c>[-digits]</c> at <paramref name="i"/>; on success <paramref name="i"/> moves past the <c>]</c>.</summary>
    private static bool TryParseIndex(string argument, ref int i, int end, out int index)
    {
        var close = argument.IndexOf(']', i, end - i);
        var digits = close < 0 ? ReadOnlySpan<char>.Empty : argument.AsSpan(i + 1, close - i - 1);
        var negative = digits.StartsWith('-');
        if (negative)
        {
            digits = digits[1..];
        }

        if (digits.IsEmpty || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out index))
        {
            index = -1;
            return false;
        }

        index = negative ? -index : index;
        i = close + 1;
        return true;
    }

    /// <summary>Reads <c>argument[start..]</c> as a YAML flow value, with the limits and tag rules of files.</summary>
    private static bool TryParseValue(string argument, int start, Argument source, OverridePathSegment[] path, SourceLimits limits, bool fastPaths, [NotNullWhen(true)] out ConfigNode? value, [NotNullWhen(false)] out Diagnostic? error)
    {
        var column = start + 1;
        value = null;
        error = null;
        if (argument.Length - start > limits.MaxScalarLength)
        {
            // Before any reading, and without the text: a value past the limit is never echoed.
            error = new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.TooLong, ConfigOverride.DottedPathOf(path), source.At(column), "the value is " + Count(argument.Length - start) + " characters long, more than the limit of " + Count(limits.MaxScalarLength));
            return false;
        }

        if (argument.Length > start + 1 && argument[start] == '@')
        {
            return TryReadPreset(argument, start, source, path, limits, out value, out error);
        }

        if (fastPaths && IsPlainValue(argument.AsSpan(start), limits))
        {
            value = new ConfigScalar(FastYamlScanner.IsNullWord(argument.AsSpan(start)) ? null : argument[start..], ScalarStyle.Plain, source.At(column));
            return true;
        }

        // YAML would read these as nothing at all (a comment, a document marker), which is never what was meant.
        var trimmed = argument.AsSpan(start).TrimStart(" \t"); // YAML's white space only: a no-break space starts a plain scalar
        if (trimmed.StartsWith('#') || trimmed.StartsWith("---", StringComparison.Ordinal) || trimmed.StartsWith("...", StringComparison.Ordinal))
        {
            // With the override's path, like every other problem of the value (a secret's value is then redacted).
            var marker = new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.Syntax, string.Empty, source.At(column), "YAML reads this value as a comment or a document marker; quote it");
            error = ValueError(argument, path, marker);
            return false;
        }

        if (!fastPaths || !FastYamlTreeBuilder.TryReadValue(argument, start, SourceInfo.OfOverride(source.Number, source.Place), limits, out value))
        {
            var diagnostics = new List<Diagnostic>();
            YamlDocumentReader.TryReadNode(argument[start..], SourceInfo.OfOverride(source.Number, source.Place, start), limits, flowOnly: true, diagnostics, out value);
            foreach (var problem in diagnostics)
            {
                if (problem.Severity == DiagnosticSeverity.Error)
                {
                    error = ValueError(argument, path, problem);
                    value = null;
                    return false;
                }
            }
        }

        // An empty (or blank) value is an explicit null.
        value ??= ConfigScalar.Null(source.At(column));

        // The value's own nesting was bounded as a file's is; under its path, the whole must be too.
        return value is ConfigScalar || FitsUnder(path, ref value, limits, "the override", "its value", out error);
    }

    /// <summary>Reads <c>@preset:NAME</c>, the value of <c>a.b=@preset:NAME</c>: a registered preset's mapping, at <c>preset NAME</c>.</summary>
    private static bool TryReadPreset(string argument, int start, Argument source, OverridePathSegment[] path, SourceLimits limits, [NotNullWhen(true)] out ConfigNode? value, [NotNullWhen(false)] out Diagnostic? error)
    {
        value = null;
        error = null;
        if (!ConfigPresets.TryRead(argument[(start + 1)..], limits, out _, out var tree, out var problem))
        {
            error = new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.OverrideSyntax, ConfigOverride.DottedPathOf(path), source.At(start + 2), Describe(argument, start + 2) + ": " + problem);
            return false;
        }

        value = tree;
        return FitsUnder(path, ref value, limits, "the preset placed by the override", "the preset", out error);
    }

    /// <summary>Whether a value nests within <see cref="SourceLimits.MaxDepth"/> under its path; else the error, and no value.</summary>
    internal static bool FitsUnder(IReadOnlyList<OverridePathSegment> path, [NotNullWhen(true)] ref ConfigNode? value, SourceLimits limits, string what, string part, [NotNullWhen(false)] out Diagnostic? error)
    {
        error = null;
        var node = value!;
        if (TreeHeight.Measure(node).Height is var height && path.Count + height <= limits.MaxDepth)
        {
            value = node;
            return true;
        }

        error = new Diagnostic(
            DiagnosticSeverity.Error,
            DiagnosticCodes.NestingLimit,
            ConfigOverride.DottedPathOf(path),
            node.Origin,
            what + " nests deeper than the limit of " + Count(limits.MaxDepth) + " levels (" + Count(path.Count) + " in its path, " + Count(height) + " in " + part + ")");
        value = null;
        return false;
    }

    /// <summary>
    /// Whether a value needs no YAML parser: one that YAML reads as one plain scalar of exactly its text: empty (a
    /// null), or printable ASCII with no leading or trailing space, no start that YAML reads as an indicator (<c>-</c>
    /// only before a letter, a digit or a dot, as in <c>-1</c>, <c>-.5</c>), no <c>": "</c>, no <c>" #"</c>, no final
    /// <c>:</c>, and none of the quotes, brackets, braces and commas. Such a value is the node the YAML reader gives, at
    /// the same place: a null for the null words (<c>~</c>, <c>null</c>, <c>Null</c>, <c>NULL</c>), else a plain
    /// scalar, at the value's column.
    /// </summary>
    internal static bool IsPlainValue(ReadOnlySpan<char> text, SourceLimits limits)
    {
        if (text.IsEmpty || text.Length > limits.MaxScalarLength)
        {
            return text.IsEmpty;
        }

        // Printable ASCII only (no tab, no line break, nothing YAML reads as white space or a break but a space),
        // none of the characters that start or end a quoted or flow node, and no space at either end.
        if (text.IndexOfAnyExcept(s_plainSafe) >= 0 || text[0] == ' ' || text[^1] is ' ' or ':')
        {
            return false;
        }

        var second = text.Length > 1 ? text[1] : '\0';
        var startsWell = text[0] switch
        {
            '?' or ':' or '#' or '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`' => false,
            '-' => char.IsAsciiLetterOrDigit(second) || second == '.',
            '.' => second != '.',
            _ => true,
        };
        return startsWell && !text.Contains(": ", StringComparison.Ordinal) && !text.Contains(" #", StringComparison.Ordinal);
    }

    /// <summary>A problem inside the value, with the override's path in front of the path inside the value.</summary>
    private static Diagnostic ValueError(string argument, OverridePathSegment[] path, Diagnostic problem)
    {
        var column = problem.Origin?.Column ?? 0;
        var code = problem.Code == DiagnosticCodes.Syntax ? DiagnosticCodes.OverrideSyntax : problem.Code;
        return new Diagnostic(DiagnosticSeverity.Error, code, Under(path, problem.Path), problem.Origin, Describe(argument, column) + ": " + problem.Message);
    }

    /// <summary>The path of a problem inside the value, under the override's path.</summary>
    internal static string Under(IReadOnlyList<OverridePathSegment> path, string inner)
    {
        var outer = ConfigOverride.DottedPathOf(path);
        return inner.Length == 0 ? outer : outer + (inner[0] == '[' ? string.Empty : ".") + inner;
    }

    private static Diagnostic SyntaxError(string argument, Argument source, int column, string message) =>
        new(DiagnosticSeverity.Error, DiagnosticCodes.OverrideSyntax, string.Empty, source.At(column), Describe(argument, column) + ": " + message);

    private static Diagnostic TooDeep(Argument source, int column, SourceLimits limits) =>
        new(DiagnosticSeverity.Error, DiagnosticCodes.NestingLimit, string.Empty, source.At(column), "the path of the override nests deeper than the limit of " + Count(limits.MaxDepth) + " levels");

    private static Diagnostic KeyTooLong(Argument source, int column, int length, SourceLimits limits) =>
        new(DiagnosticSeverity.Error, DiagnosticCodes.TooLong, string.Empty, source.At(column), "a key of the path is " + Count(length) + " characters long, more than the limit of " + Count(limits.MaxKeyLength));

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The override's number and, for one read from a response file, its place there: every origin of the override is
    /// made from them (<c>cli arg #N</c>, or <c>FILE:LINE</c>), with the column inside the override.
    /// </summary>
    private readonly record struct Argument(int Number, ArgumentPlace? Place)
    {
        public Origin At(int column) => SourceInfo.OverrideAt(Number, Place, column);
    }

    private static string Describe(string argument, int column) =>
        "cannot parse the override " + MessageText.Quoted(argument) + " at column " + column.ToString(CultureInfo.InvariantCulture);
}
