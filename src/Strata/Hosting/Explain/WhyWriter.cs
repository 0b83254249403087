using System.Globalization;
using System.Text;
using Strata.Provenance;

namespace Strata.Hosting.Explain;

/// <summary>
/// <c>explain --why</c>: a value, the inputs it was derived from (or the values its interpolation took), their inputs,
/// down to the values a layer, a default or the environment set, as an indented list (or the same values as the JSON array of <see cref="ExplainWriter.Json"/>).
/// Bounded: an input met before is shown once and then named only, and depth, inputs per value and lines are capped.
/// </summary>
internal static class WhyWriter
{
    /// <summary>How deep the chain is followed (a hook's inputs are rarely more than a few derivations deep).</summary>
    public const int MaxDepth = 16;

    /// <summary>The inputs listed per value; the rest are counted.</summary>
    public const int MaxInputs = 16;

    /// <summary>The lines written in all: a hostile config cannot make the answer unbounded.</summary>
    public const int MaxLines = 400;

    /// <summary>A value's text is cut here: the chain is about where values came from, the table shows them whole.</summary>
    private const int MaxValueLength = 60;

    private const string Indent = "  ";

    /// <summary>The chains of <paramref name="entries"/>, one after the other, each input of them shown once.</summary>
    /// <param name="entries">The values asked about.</param>
    /// <param name="overrides">The overrides as given, to show an override's origin.</param>
    /// <param name="all">Every leaf of the config, where the value an interpolation took is found.</param>
    public static string Text(IReadOnlyList<ValueProvenance> entries, IReadOnlyList<string> overrides, IReadOnlyList<ValueProvenance> all)
    {
        var walk = new Walk(overrides, all);
        foreach (var entry in entries)
        {
            walk.Write(entry, 0);
        }

        if (walk.LeftOut > 0)
        {
            walk.Output.Append(CultureInfo.InvariantCulture, $"… ({walk.LeftOut} more lines left out)\n");
        }

        return walk.Output.ToString();
    }

    /// <summary>The values of the chains, each once, in the order the text lists them (for <c>--format json</c>).</summary>
    /// <param name="entries">The values asked about.</param>
    /// <param name="all">Every leaf of the config, where the value an interpolation took is found.</param>
    public static List<ValueProvenance> Values(IReadOnlyList<ValueProvenance> entries, IReadOnlyList<ValueProvenance> all)
    {
        var walk = new Walk(overrides: null, all);
        foreach (var entry in entries)
        {
            walk.Write(entry, 0);
        }

        return walk.Values;
    }

    /// <summary>The provenance of an input field; an environment variable has none.</summary>
    private static ValueProvenance? InputOf(FieldRead read) =>
        read.Config is { } config && read.Field is { } field ? ProvenanceWalker.Leaf(config, field, read.Path) : null;

    private sealed class Walk(IReadOnlyList<string>? overrides, IReadOnlyList<ValueProvenance> all)
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private Dictionary<string, ValueProvenance>? _byPath;
        private int _lines;

        public StringBuilder Output { get; } = new();

        public List<ValueProvenance> Values { get; } = [];

        public int LeftOut { get; private set; }

        public void Write(ValueProvenance entry, int depth)
        {
            if (!_seen.Add(entry.Path))
            {
                Line(depth, entry.Path + "  (shown above)");
                return;
            }

            if (!Line(depth, entry.Path + " = " + Cut(entry.Value) + "  (" + Origin(entry) + ")"))
            {
                return;
            }

            Values.Add(entry);
            var inputs = entry.Inputs;
            var references = entry.References;
            if (inputs.Length + references.Count > 0 && depth + 1 >= MaxDepth)
            {
                Line(depth + 1, "… (deeper inputs left out)");
                return;
            }

            for (var i = 0; i < inputs.Length && i < MaxInputs; i++)
            {
                if (InputOf(inputs[i]) is { } input)
                {
                    Write(input, depth + 1);
                }
                else if (_seen.Add(inputs[i].Path))
                {
                    Line(depth + 1, inputs[i].Path + "  (read by the hook)");
                }
            }

            if (inputs.Length > MaxInputs)
            {
                Line(depth + 1, string.Create(CultureInfo.InvariantCulture, $"… and {inputs.Length - MaxInputs} more inputs"));
            }

            // An interpolated value is what the fields it names hold: their chains go on below it (at most
            // Interpolation.MaxReferences of them, each walked once as any input is).
            foreach (var reference in references)
            {
                _byPath ??= ExplainWriter.ByPath(all);
                if (_byPath.TryGetValue(reference, out var taken))
                {
                    Write(taken, depth + 1);
                }
            }
        }

        private string Origin(ValueProvenance entry)
        {
            var origin = ExplainWriter.Describe(entry.Origin, overrides ?? []);
            return entry.Origin.Kind == OriginKind.Derived && entry.Inputs.Length == 0 ? origin + ", from no other value" : origin;
        }

        /// <summary>Writes one line, or counts it when the answer is full; false when it was not written.</summary>
        private bool Line(int depth, string text)
        {
            if (_lines >= MaxLines)
            {
                LeftOut++;
                return false;
            }

            _lines++;
            for (var i = 0; i < depth; i++)
            {
                Output.Append(Indent);
            }

            // Keys, values and file names are made printable here, where every line of the answer is written.
            Output.Append(MessageText.Printable(text)).Append('\n');
            return true;
        }

        private static string Cut(string value) => MessageText.Shortened(value, MaxValueLength);
    }
}
