using System.Globalization;
using System.Text;
using Strata.Provenance;
using Strata.Serialization;

namespace Strata.Hosting.Explain;

/// <summary>Writes provenance as a readable table or as the JSON array of DESIGN §5.</summary>
internal static class ExplainWriter
{
    /// <summary>Values longer than this do not widen the value column; they push the rest of their row instead.</summary>
    private const int MaxValueWidth = 32;

    /// <summary>The inputs a derived value's origin names in the table stop here (<c>explain --why</c> lists them all).</summary>
    private const int MaxDerivedFromLength = 120;

    private static readonly string[] s_header = ["PATH", "VALUE", "ORIGIN", "HISTORY"];

    /// <summary>
    /// A table with the columns PATH, VALUE, ORIGIN and HISTORY (oldest first: default → checkpoint → file → override →
    /// derived). An override's origin shows the override itself.
    /// </summary>
    /// <remarks>An interpolated value's history goes on with that of each value it took, found in <paramref name="all"/> (else in <paramref name="entries"/>).</remarks>
    public static string Table(IReadOnlyList<ValueProvenance> entries, IReadOnlyList<string> overrides, IReadOnlyList<ValueProvenance>? all = null)
    {
        var rows = new List<string[]>(entries.Count + 1) { s_header };
        int pathWidth = 0, valueWidth = 0, originWidth = s_header[2].Length;
        Dictionary<string, ValueProvenance>? byPath = null;
        foreach (var entry in entries)
        {
            // Every cell made printable before the widths are taken: a key, a value or a file name holds no control or
            // format character once it reaches the terminal, and the columns stay aligned on what is shown.
            var origin = MessageText.Printable(Describe(entry.Origin, overrides));
            var history = string.Join(" → ", History(entry));
            foreach (var reference in entry.References)
            {
                // An interpolated value, then the history of each value it took.
                byPath ??= ByPath(all ?? entries);
                history += byPath.TryGetValue(reference, out var taken) ? " ⇐ " + reference + ": " + string.Join(" → ", History(taken)) : string.Empty;
            }

            // The inputs of a derived value follow its origin without widening the column: they push the rest of their row.
            originWidth = Math.Max(originWidth, origin.Length);
            rows.Add([
                MessageText.Printable(entry.Path),
                MessageText.Printable(entry.Value),
                origin + MessageText.Printable(DerivedFrom(entry)),
                MessageText.Printable(history),
            ]);
        }

        foreach (var row in rows)
        {
            pathWidth = Math.Max(pathWidth, row[0].Length);
            valueWidth = Math.Max(valueWidth, Math.Min(MaxValueWidth, row[1].Length));
        }

        var sb = new StringBuilder();
        foreach (var row in rows)
        {
            sb.Append(row[0].PadRight(pathWidth)).Append("  ")
                .Append(row[1].PadRight(valueWidth)).Append("  ")
                .Append(row[2].PadRight(originWidth)).Append("  ")
                .Append(row[3]);
            TrimEnd(sb);
            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>
    /// A JSON array of <c>{"path", "value", "text", "origin": {"kind", "file", "line", "column", "arg", "text"}, "history": [origin...]}</c>,
    /// where <c>value</c> is the effective value as <c>resolve --format json</c> writes it (the same sink: numbers, booleans,
    /// strings, nulls, lists and objects), <c>text</c> is the value as the table shows it, and <c>history</c> runs oldest
    /// first, ending with <c>origin</c>.
    /// </summary>
    public static string Json(IReadOnlyList<ValueProvenance> entries)
    {
        var json = new JsonEmitter(indented: true);
        json.StartList();
        foreach (var entry in entries)
        {
            json.StartMap();
            json.Key("path");
            json.String(entry.Path);
            json.Key("value");
            if (entry.Node is { } value)
            {
                TreeSink.Replay(value, json);
            }
            else
            {
                json.Null();
            }

            json.Key("text");
            json.String(entry.Value);
            json.Key("origin");
            WriteOrigin(json, entry.Origin);
            json.Key("history");
            json.StartList();
            foreach (var origin in History(entry))
            {
                WriteOrigin(json, origin);
            }

            json.EndList();
            if (entry.References is { Count: > 0 } references)
            {
                json.Key("interpolates");
                json.StartList();
                foreach (var reference in references)
                {
                    json.String(reference);
                }

                json.EndList();
            }

            if (entry.Origin.Kind == OriginKind.Derived)
            {
                json.Key("depends_on");
                json.StartList();
                foreach (var input in entry.DependsOn)
                {
                    json.String(input);
                }

                json.EndList();
            }

            json.EndMap();
        }

        json.EndList();
        return json.ToString();
    }

    internal static Dictionary<string, ValueProvenance> ByPath(IReadOnlyList<ValueProvenance> entries)
    {
        var byPath = new Dictionary<string, ValueProvenance>(entries.Count, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            byPath[entry.Path] = entry;
        }

        return byPath;
    }

    /// <summary>
    /// What a derived value was derived from, after its origin: <c> from hidden_size (file.yaml:5:20)</c>, each input
    /// with its place (a key of the same config by its key, another by its full path), as many as fit in
    /// <see cref="MaxDerivedFromLength"/> characters (one at least; the others counted, <c>explain --why</c> lists
    /// them); empty for any other value.
    /// </summary>
    public static string DerivedFrom(ValueProvenance entry)
    {
        var inputs = entry.Inputs;
        if (inputs.Length == 0 || entry.Origin.Kind != OriginKind.Derived)
        {
            return string.Empty;
        }

        var sb = new StringBuilder(" from ");
        var parent = entry.Path.LastIndexOf('.');
        var shown = 0;
        for (; shown < inputs.Length; shown++)
        {
            var path = inputs[shown].Path;
            var sameConfig = parent > 0 && path.Length > parent + 1 && string.CompareOrdinal(path, 0, entry.Path, 0, parent + 1) == 0
                && path.IndexOfAny(['.', '['], parent + 1) < 0;
            var text = (sameConfig ? path[(parent + 1)..] : path)
                + (inputs[shown].Config is { } config ? " (" + (config.GetSlot(inputs[shown].Index).Origin ?? Origin.Default) + ")" : string.Empty);
            if (shown > 0 && sb.Length + text.Length > MaxDerivedFromLength)
            {
                break;
            }

            sb.Append(shown == 0 ? string.Empty : ", ").Append(text);
        }

        if (shown < inputs.Length)
        {
            sb.Append(CultureInfo.InvariantCulture, $" and {inputs.Length - shown} more");
        }

        return sb.ToString();
    }

    /// <summary>
    /// The layers a value went through, oldest first. Every settable field starts from its class default, so the history
    /// starts with <c>default</c> even where the engine keeps no link to it; a computed field has only <c>derived</c>.
    /// </summary>
    public static IReadOnlyList<Origin> History(ValueProvenance entry)
    {
        var history = entry.History;
        return entry.IsDerivedField || (history.Count > 0 && history[0].Kind == OriginKind.Default)
            ? history
            : [Origin.Default, .. history];
    }

    /// <summary>
    /// The origin as text; an override also shows the key it set, <c>cli arg #2 (training.train_iters=…)</c> (not the
    /// value, which may be a secret: the value column shows it, redacted where it must be).
    /// </summary>
    public static string Describe(Origin origin, IReadOnlyList<string> overrides)
    {
        var text = origin.ToString();
        return origin.Kind == OriginKind.CommandLine && origin.Argument >= 1 && origin.Argument <= overrides.Count
            ? text + " (" + KeyOf(overrides[origin.Argument - 1]) + ")"
            : text;
    }

    /// <summary>
    /// Writes an origin as <c>{"kind", "file", "line", "column", "arg", "text"}</c>, with nulls where a part does not
    /// apply; an override read from a response file has its file and line as well as its number.
    /// </summary>
    private static void WriteOrigin(ValueSink json, Origin origin)
    {
        // An interpolation is placed where its expression was written: its file, line, column or override number.
        var place = origin.Place ?? origin;
        json.StartMap();
        json.Key("kind");
        json.String(origin.KindName);
        json.Key("file");
        if (place.Kind is OriginKind.File or OriginKind.Checkpoint or OriginKind.CommandLine && place.Source is { } file)
        {
            json.String(file);
        }
        else
        {
            json.Null();
        }

        WriteCount(json, "line", place.Line);
        WriteCount(json, "column", place.Column);
        WriteCount(json, "arg", place.Argument);
        json.Key("text");
        json.String(origin.ToString());
        json.EndMap();
    }

    private static void WriteCount(ValueSink json, string key, int value)
    {
        json.Key(key);
        Span<char> digits = stackalloc char[11];
        if (value > 0 && value.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture))
        {
            json.Plain(digits[..length]);
        }
        else
        {
            json.Null();
        }
    }

    /// <summary>The override without its value: <c>KEY=…</c>, <c>KEY+=…</c>, or <c>~KEY</c> as it is.</summary>
    private static string KeyOf(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? argument : argument[..equals] + "=…";
    }

    private static void TrimEnd(StringBuilder sb)
    {
        var end = sb.Length;
        while (end > 0 && sb[end - 1] == ' ')
        {
            end--;
        }

        sb.Length = end;
    }
}
