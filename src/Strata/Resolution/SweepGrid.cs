using System.Globalization;
using Strata.Provenance;
using Strata.Sources;

namespace Strata.Resolution;

/// <summary>
/// The points of a sweep, read from overrides in the sweep grammar: a set override (<c>KEY=VALUE</c>) whose value has a
/// comma outside brackets, braces and quotes (<c>lr=1e-4,3e-4</c>), or is <c>range(a,b[,step])</c>, is an axis; any
/// other override is applied as it is. An axis is split here and nowhere else: each of its values is then the text of
/// an ordinary override (<c>KEY=</c> and the value), read by the override reader when a point is resolved. The points
/// are the cartesian product of the axes in argument order, the last axis fastest (as Hydra's multirun), or with
/// <c>zip</c> the axes' values paired by position. Nothing but the grammar is read: a point is its index, and its
/// overrides are made from it on demand, so that a sweep of any size holds only the axes' texts.
/// </summary>
internal sealed class SweepGrid
{
    /// <summary>The most points of a sweep (and values of one axis): a bound on what a command line can ask for.</summary>
    public const int MaxPoints = 1_000_000;

    private const string RangeStart = "range(";

    private const string ChoiceStart = "choice(";

    /// <summary>Hydra's sweep functions other than <c>choice</c> and <c>range</c>, which a sweep refuses rather than split.</summary>
    private static readonly string[] s_hydraFunctions = ["glob", "interval", "sort", "shuffle", "tag", "extend_list"];

    /// <summary>Each override in order: its text when it is applied as it is, or the axis it is.</summary>
    private readonly (string? Text, Axis? Axis)[] _items;

    /// <summary>The axes, in argument order; the stride of each in the product.</summary>
    private readonly Axis[] _axes;

    private SweepGrid((string? Text, Axis? Axis)[] items, Axis[] axes, int count, bool zip)
    {
        _items = items;
        _axes = axes;
        Count = count;
        Zip = zip;
    }

    /// <summary>How many points the sweep has (1 when no override is an axis).</summary>
    public int Count { get; }

    /// <summary>Whether the axes are paired by position rather than multiplied.</summary>
    public bool Zip { get; }

    /// <summary>How many overrides a point has: one per override given.</summary>
    public int OverrideCount => _items.Length;

    /// <summary>
    /// Reads the overrides. A problem of the grammar (a malformed or empty range, an empty value in a list, more than
    /// <see cref="MaxPoints"/> points) is an error at the override's place; with <paramref name="zip"/>, axes of
    /// different lengths are a mistake of the command described by <paramref name="zipMismatch"/>.
    /// </summary>
    /// <param name="overrides">The overrides, in order.</param>
    /// <param name="places">The response file line of each, or null.</param>
    /// <param name="firstNumber">The number of the first override among all the resolver's overrides (1-based).</param>
    /// <param name="zip">Whether to pair the axes.</param>
    /// <param name="errors">Receives the errors.</param>
    /// <param name="zipMismatch">The lengths of the axes when <paramref name="zip"/> pairs axes of different lengths.</param>
    /// <returns>The grid, or null on an error.</returns>
    public static SweepGrid? Read(IReadOnlyList<string> overrides, IReadOnlyList<ArgumentPlace?>? places, int firstNumber, bool zip, List<Diagnostic> errors, out string? zipMismatch)
    {
        zipMismatch = null;
        var items = new (string? Text, Axis? Axis)[overrides.Count];
        var axes = new List<Axis>();
        var failed = false;
        for (var i = 0; i < items.Length; i++)
        {
            var text = overrides[i];
            var at = new ArgumentAt(firstNumber + i, places?[i]);
            var axis = ReadAxis(text, at, errors);
            failed |= axis is { Count: 0 };
            if (axis is { Count: > 0 })
            {
                axes.Add(axis);
            }

            items[i] = axis is null ? (text, null) : (null, axis);
        }

        if (failed)
        {
            return null;
        }

        var count = 1L;
        foreach (var axis in axes)
        {
            if (zip)
            {
                count = axis.Count;
                continue;
            }

            count *= axis.Count;
            if (count > MaxPoints)
            {
                errors.Add(axis.Error("the sweep has more than " + Number(MaxPoints) + " points (the product of the axes up to this one is " + Number(count) + ")"));
                return null;
            }
        }

        if (zip && axes.Count > 1 && HasDifferentLengths(axes))
        {
            var lengths = new List<string>(axes.Count);
            foreach (var axis in axes)
            {
                lengths.Add(axis.Path + " has " + Number(axis.Count));
            }

            zipMismatch = "--zip pairs the values of the axes by position, so every axis needs as many values; " + MessageText.List(lengths);
            errors.Add(axes[0].Error(zipMismatch));
            return null;
        }

        // The first axis is the slowest: its stride is the product of the axes after it.
        var stride = 1L;
        for (var k = axes.Count - 1; k >= 0 && !zip; k--)
        {
            axes[k].Stride = stride;
            stride *= axes[k].Count;
        }

        return new SweepGrid(items, [.. axes], (int)count, zip);
    }

    /// <summary>The text of override <paramref name="item"/> at point <paramref name="point"/>: as given, or <c>KEY=</c> and the axis' value.</summary>
    public string OverrideAt(int item, int point)
    {
        var (text, axis) = _items[item];
        return text ?? axis!.Head + axis.ValueAt(ValueIndex(axis, point));
    }

    /// <summary>
    /// The swept paths of a point with their values as written (a path as the override grammar writes it, a range's value
    /// as a decimal integer), in argument order: each pair is an override that reads back as the axis' one.
    /// </summary>
    public KeyValuePair<string, string>[] ValuesAt(int point)
    {
        var values = new KeyValuePair<string, string>[_axes.Length];
        for (var k = 0; k < values.Length; k++)
        {
            values[k] = new(_axes[k].Written, _axes[k].ValueAt(ValueIndex(_axes[k], point)));
        }

        return values;
    }

    /// <summary>How many axes the sweep has.</summary>
    public int AxisCount => _axes.Length;

    /// <summary>The steps of each axis' path, in argument order.</summary>
    public IReadOnlyList<OverridePathSegment> StepsOf(int axis) => _axes[axis].Steps;

    /// <summary>Where each axis is given (its override's place), in argument order.</summary>
    public Origin PlaceOf(int axis) => _axes[axis].Place;

    private int ValueIndex(Axis axis, int point) => Zip ? point : (int)(point / axis.Stride % axis.Count);

    private static bool HasDifferentLengths(List<Axis> axes)
    {
        foreach (var axis in axes)
        {
            if (axis.Count != axes[0].Count)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The axis of one override, or null when it is applied as it is: not a set (<c>+KEY=</c>, <c>KEY+=</c>, <c>~KEY</c>
    /// are single values), a path the override reader refuses (it reports that when the point is resolved), or a value
    /// with no top-level comma that is not a range. An axis with no value (Count 0) reports its error.
    /// </summary>
    private static Axis? ReadAxis(string text, ArgumentAt at, List<Diagnostic> errors)
    {
        var equals = OverrideParser.FindEquals(text, 0);
        if (equals <= 0
            || !OverrideParser.TryParse(text[..(equals + 1)], at.Number, at.Place, SourceLimits.Default, out var head, out _)
            || head.Operation != Sources.OverrideOperation.Set
            || head.PlacedFile is not null)
        {
            return null;
        }

        var value = text.AsSpan(equals + 1);
        var trimmed = value.Trim(" \t");
        var lead = value.Length - value.TrimStart(" \t").Length;
        var axis = new Axis(text[..(equals + 1)], head.DottedPath, head.Path, at, equals + 2);
        if (trimmed.StartsWith(RangeStart, StringComparison.Ordinal))
        {
            return ReadRange(axis, trimmed, equals + 2 + lead, errors);
        }

        // Hydra's choice(a, b) is the list a,b (a choice of one value is a sweep of one point); its other sweep
        // functions would be split at their commas into values that were never meant (`sort(3` and `1)`).
        var offset = 0;
        var choice = trimmed.StartsWith(ChoiceStart, StringComparison.Ordinal) && trimmed.EndsWith(')');
        if (choice)
        {
            offset = lead + ChoiceStart.Length;
            value = trimmed[ChoiceStart.Length..^1];
        }
        else if (HydraFunction(trimmed) is { } function)
        {
            errors.Add(axis.Error("Hydra's " + function + "(…) is not a sweep here: list the values (a=1,2), or write choice(1,2) or range(1,3)"));
            return axis;
        }

        var commas = TopLevelCommas(value, MaxPoints);
        if (commas.Count == 0 && !choice)
        {
            return null;
        }

        if (commas.Count >= MaxPoints)
        {
            errors.Add(axis.Error("the list has more than " + Number(MaxPoints) + " values"));
            return axis;
        }

        var parts = new string[commas.Count + 1];
        var start = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var end = i < commas.Count ? commas[i] : value.Length;
            var part = value[start..end].Trim(" \t");
            if (part.IsEmpty)
            {
                errors.Add(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.OverrideSyntax, axis.Path, at.Origin(equals + 2 + offset + start), "value " + Number(i + 1) + " of the sweep list is empty (write null or '' for a null or an empty string)"));
                return axis;
            }

            parts[i] = part.ToString();
            start = end + 1;
        }

        axis.Values = parts;
        return axis;
    }

    /// <summary>The name of the Hydra sweep function that <paramref name="value"/> is a call of (<c>sort(…)</c>), or null.</summary>
    private static string? HydraFunction(ReadOnlySpan<char> value)
    {
        foreach (var name in s_hydraFunctions)
        {
            if (value.StartsWith(name, StringComparison.Ordinal) && value.Length > name.Length && value[name.Length] == '(' && value.EndsWith(')'))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// <c>range(stop)</c>, <c>range(start, stop)</c> or <c>range(start, stop, step)</c>, integers as in Python: from start
    /// (0 when not given) while below stop (above it for a negative step). An empty range, a step of 0, an argument that
    /// is not an integer, and more than <see cref="MaxPoints"/> values are errors.
    /// </summary>
    private static Axis ReadRange(Axis axis, ReadOnlySpan<char> text, int column, List<Diagnostic> errors)
    {
        var problem = (string?)null;
        Span<long> arguments = stackalloc long[3];
        var count = 0;
        if (!text.EndsWith(')'))
        {
            problem = "a range is written range(stop), range(start, stop) or range(start, stop, step), with integers";
        }
        else
        {
            var inside = text[RangeStart.Length..^1];
            foreach (var range in inside.Split(','))
            {
                var argument = inside[range].Trim(" \t");
                if (count == 3)
                {
                    problem = "a range takes at most 3 arguments (start, stop, step)";
                    break;
                }

                if (!long.TryParse(argument, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out arguments[count]))
                {
                    problem = "the arguments of a range are integers (list decimal values instead: a=0.1,0.2), got " + MessageText.Quoted(argument.ToString());
                    break;
                }

                count++;
            }
        }

        if (problem is null)
        {
            var (start, stop, step) = count switch
            {
                1 => (0L, arguments[0], 1L),
                2 => (arguments[0], arguments[1], 1L),
                _ => (arguments[0], arguments[1], arguments[2]),
            };

            // Int128: stop - start of two longs, and the rounding up, cannot overflow it.
            var values = step == 0 ? 0 : step > 0 ? ((Int128)stop - start + step - 1) / step : ((Int128)start - stop - step - 1) / -step;
            problem = step == 0 ? "the step of a range cannot be 0"
                : values <= 0 ? "the range " + MessageText.Quoted(text.ToString()) + " has no value"
                : values > MaxPoints ? "the range has " + values.ToString(CultureInfo.InvariantCulture) + " values, more than the limit of " + Number(MaxPoints)
                : null;
            if (problem is null)
            {
                axis.Range = (start, step, (int)values);
                return axis;
            }
        }

        errors.Add(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.OverrideSyntax, axis.Path, axis.At.Origin(column), problem));
        return axis;
    }

    /// <summary>
    /// The indexes of the commas of <paramref name="value"/> outside brackets, braces and quotes (YAML's: <c>'it''s'</c>,
    /// <c>"a\"b"</c>), at most <paramref name="limit"/> of them. An unbalanced bracket or quote is left to the override
    /// reader: a closing one too many is text, and an unclosed one hides the commas after it.
    /// </summary>
    internal static List<int> TopLevelCommas(ReadOnlySpan<char> value, int limit)
    {
        var commas = new List<int>();
        var depth = 0;
        var quote = '\0';
        for (var i = 0; i < value.Length && commas.Count < limit; i++)
        {
            var c = value[i];
            if (quote != '\0')
            {
                if (quote == '"' && c == '\\')
                {
                    i++;
                }
                else if (c == quote && quote == '\'' && i + 1 < value.Length && value[i + 1] == '\'')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    break;
                case '[' or '{':
                    depth++;
                    break;
                case ']' or '}' when depth > 0:
                    depth--;
                    break;
                case ',' when depth == 0:
                    commas.Add(i);
                    break;
            }
        }

        return commas;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The number and place of an override, from which its origins are made.</summary>
    private readonly record struct ArgumentAt(int Number, ArgumentPlace? Place)
    {
        public Origin Origin(int column) => SourceInfo.OverrideAt(Number, Place, column);
    }

    /// <summary>One swept override: <c>KEY=</c>, its path, and its values (a list, or a range made on demand).</summary>
    private sealed class Axis(string head, string path, IReadOnlyList<OverridePathSegment> steps, ArgumentAt at, int column)
    {
        public string Head { get; } = head;

        public string Path { get; } = path;

        public IReadOnlyList<OverridePathSegment> Steps { get; } = steps;

        /// <summary>The path as the override grammar writes it (<see cref="Path"/> names it in diagnostics).</summary>
        public string Written { get; } = ConfigOverride.WrittenPathOf(steps);

        public ArgumentAt At { get; } = at;

        public string[]? Values { get; set; }

        public (long Start, long Step, int Count)? Range { get; set; }

        public long Stride { get; set; } = 1;

        public int Count => Values?.Length ?? Range?.Count ?? 0;

        /// <summary>A value; a range's is start + index × step, which lies between start and stop (a long) though the product may not.</summary>
        public string ValueAt(int index) => Values is { } values ? values[index] : Number(checked((long)(Range!.Value.Start + ((Int128)index * Range.Value.Step))));

        public Origin Place => At.Origin(column);

        public Diagnostic Error(string message) => new(DiagnosticSeverity.Error, DiagnosticCodes.OverrideSyntax, Path, Place, message);
    }
}
