using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Strata.Tree;

namespace Strata.Sources;

/// <summary>
/// Parses a command-line override <c>dotted.key.path=value</c> (rule R2). The path is split at the first <c>=</c>; its
/// steps are keys separated by <c>.</c>, each optionally followed by list indexes (<c>datasets[1].path</c>). The value
/// is a YAML flow value read without a schema: <c>1e-5</c> stays the plain text <c>1e-5</c>, <c>'007'</c> is a string,
/// <c>[1, 2]</c> a list, <c>{a: 1}</c> a mapping, and an empty value, <c>null</c> or <c>~</c> a null.
/// </summary>
public static class OverrideParser
{
    /// <summary>Parses one override.</summary>
    /// <param name="argument">The argument as given, for example <c>training.train_iters=1000</c>.</param>
    /// <param name="argumentNumber">The 1-based number of the override among the overrides (used in origins).</param>
    /// <param name="result">The override, when the argument is valid.</param>
    /// <param name="error">What is wrong, when it is not (code <see cref="DiagnosticCodes.OverrideSyntax"/> for syntax).</param>
    /// <returns>Whether the argument is a valid override.</returns>
    public static bool TryParse(string argument, int argumentNumber, [NotNullWhen(true)] out ConfigOverride? result, [NotNullWhen(false)] out Diagnostic? error)
    {
        ArgumentNullException.ThrowIfNull(argument);
        result = null;
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            error = SyntaxError(argument, argumentNumber, 1, "expected key.path=value");
            return false;
        }

        if (!TryParsePath(argument, equals, argumentNumber, out var path, out error)
            || !TryParseValue(argument, equals + 1, argumentNumber, path, out var value, out error))
        {
            return false;
        }

        result = new ConfigOverride(path, value, argument, value.Origin);
        return true;
    }

    /// <summary>
    /// Parses overrides, giving for each what <see cref="TryParse"/> gives; the values that read the same in one YAML
    /// stream are read with one parser (a parser costs more than a short value), the others alone.
    /// </summary>
    /// <param name="arguments">The overrides, in order (numbered from 1).</param>
    internal static (ConfigOverride? Override, Diagnostic? Error)[] ParseAll(IReadOnlyList<string> arguments)
    {
        var results = new (ConfigOverride? Override, Diagnostic? Error)[arguments.Count];
        var batched = new List<(int Index, List<OverridePathSegment> Path)>();
        var texts = new List<string>();
        var places = new List<Func<int, int, Origin>>();
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0
                && YamlDocumentReader.IsStreamSafeValue(argument[(equals + 1)..])
                && TryParsePath(argument, equals, i + 1, out var path, out _))
            {
                batched.Add((i, path));
                texts.Add(argument[(equals + 1)..]);
                places.Add(ValuePlace(i + 1, equals + 2));
            }
            else
            {
                results[i] = ParseOne(argument, i + 1);
            }
        }

        var nodes = batched.Count > 1 ? YamlDocumentReader.TryReadFlowValues(texts, places, SourceLimits.Default) : null;
        for (var k = 0; k < batched.Count; k++)
        {
            var (i, path) = batched[k];
            results[i] = nodes is null
                ? ParseOne(arguments[i], i + 1)
                : (new ConfigOverride(path, nodes[k], arguments[i], nodes[k].Origin), null);
        }

        return results;
    }

    private static (ConfigOverride? Override, Diagnostic? Error) ParseOne(string argument, int argumentNumber) =>
        TryParse(argument, argumentNumber, out var result, out var error) ? (result, null) : (null, error);

    /// <summary>The origin of a position in the value of an override: its column in the argument.</summary>
    private static Func<int, int, Origin> ValuePlace(int argumentNumber, int column) =>
        (_, c) => Origin.FromCommandLine(argumentNumber, column + Math.Max(c, 1) - 1);

    /// <summary>Reads the steps of <c>argument[..end]</c>: <c>key([index])*</c> separated by dots.</summary>
    private static bool TryParsePath(string argument, int end, int argumentNumber, [NotNullWhen(true)] out List<OverridePathSegment>? path, [NotNullWhen(false)] out Diagnostic? error)
    {
        path = [];
        var i = 0;
        while (true)
        {
            var start = i;
            while (i < end && argument[i] is not ('.' or '[' or ']') && !char.IsWhiteSpace(argument[i]))
            {
                i++;
            }

            if (i == start || (i < end && char.IsWhiteSpace(argument[i])))
            {
                var problem = i < end && char.IsWhiteSpace(argument[i]) ? "a key cannot hold spaces" : "a key is missing (empty step in the path)";
                error = SyntaxError(argument, argumentNumber, i + 1, problem);
                path = null;
                return false;
            }

            path.Add(OverridePathSegment.ForKey(argument[start..i]));
            while (i < end && argument[i] == '[')
            {
                if (!TryParseIndex(argument, ref i, end, out var index))
                {
                    error = SyntaxError(argument, argumentNumber, i + 1, "a list index is written [n] with n a non-negative integer");
                    path = null;
                    return false;
                }

                path.Add(OverridePathSegment.ForIndex(index));
            }

            if (i == end)
            {
                error = null;
                return true;
            }

            if (argument[i] != '.')
            {
                error = SyntaxError(argument, argumentNumber, i + 1, "expected '.' or '[' after a step of the path, got '" + argument[i] + "'");
                path = null;
                return false;
            }

            i++;
        }
    }

    /// <summary>Reads <c>[digits]</c> at <paramref name="i"/>; on success <paramref name="i"/> moves past the <c>]</c>.</summary>
    private static bool TryParseIndex(string argument, ref int i, int end, out int index)
    {
        var close = argument.IndexOf(']', i, end - i);
        var digits = close < 0 ? ReadOnlySpan<char>.Empty : argument.AsSpan(i + 1, close - i - 1);
        if (digits.IsEmpty || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out index))
        {
            index = -1;
            return false;
        }

        i = close + 1;
        return true;
    }

    /// <summary>Reads <c>argument[start..]</c> as a YAML flow value, with the limits and tag rules of files.</summary>
    private static bool TryParseValue(string argument, int start, int argumentNumber, List<OverridePathSegment> path, [NotNullWhen(true)] out ConfigNode? value, [NotNullWhen(false)] out Diagnostic? error)
    {
        var text = argument[start..];
        var column = start + 1;
        value = null;

        // YAML would read these as nothing at all (a comment, a document marker), which is never what was meant.
        var trimmed = text.TrimStart(' ', '\t'); // YAML's white space only: a no-break space starts a plain scalar
        if (trimmed.StartsWith('#') || trimmed.StartsWith("---", StringComparison.Ordinal) || trimmed.StartsWith("...", StringComparison.Ordinal))
        {
            // With the override's path, like every other problem of the value (a secret's value is then redacted).
            var marker = new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.Syntax, string.Empty, Origin.FromCommandLine(argumentNumber, column), "YAML reads this value as a comment or a document marker; quote it");
            error = ValueError(argument, path, marker);
            return false;
        }

        var place = ValuePlace(argumentNumber, column);
        var diagnostics = new List<Diagnostic>();
        YamlDocumentReader.TryReadNode(text, place, SourceLimits.Default, flowOnly: true, diagnostics, out value);
        if (diagnostics.FirstOrDefault(static d => d.Severity == DiagnosticSeverity.Error) is { } problem)
        {
            error = ValueError(argument, path, problem);
            value = null;
            return false;
        }

        // An empty (or blank) value is an explicit null.
        value ??= ConfigScalar.Null(place(1, 1));
        error = null;
        return true;
    }

    /// <summary>A problem inside the value, with the override's path in front of the path inside the value.</summary>
    private static Diagnostic ValueError(string argument, List<OverridePathSegment> path, Diagnostic problem)
    {
        var column = problem.Origin?.Column ?? 0;
        var code = problem.Code == DiagnosticCodes.Syntax ? DiagnosticCodes.OverrideSyntax : problem.Code;
        var fullPath = new ConfigOverride(path, ConfigScalar.Null(Origin.Code), argument, Origin.Code).DottedPath;
        if (problem.Path.Length > 0)
        {
            fullPath += (problem.Path[0] == '[' ? string.Empty : ".") + problem.Path;
        }

        return new Diagnostic(DiagnosticSeverity.Error, code, fullPath, problem.Origin, Describe(argument, column) + ": " + problem.Message);
    }

    private static Diagnostic SyntaxError(string argument, int argumentNumber, int column, string message) =>
        new(DiagnosticSeverity.Error, DiagnosticCodes.OverrideSyntax, string.Empty, Origin.FromCommandLine(argumentNumber, column), Describe(argument, column) + ": " + message);

    private static string Describe(string argument, int column) =>
        "cannot parse the override '" + argument + "' at column " + column.ToString(CultureInfo.InvariantCulture);
}
