using System.CommandLine;
using System.Globalization;
using System.Text;
using Strata.Hosting.CommandLine;
using Strata.Resolution;
using Strata.Schema;
using Strata.Serialization;
using Strata.Sources;
using Strata.Tree;

namespace Strata.Hosting.Verbs;

/// <summary>
/// <c>sweep &lt;kind&gt;</c>: Hydra's multirun without the launcher. Every point of the grid (<see cref="SweepGrid"/>) is
/// resolved (<see cref="ConfigResolver{T}.Sweep(IEnumerable{string}, bool)"/>) and, while all are valid, written under a
/// temporary sibling of <c>-o DIR</c>: <c>NNN/config.yaml</c> (what <c>resolve</c> writes) and <c>manifest.jsonl</c>.
/// The directory is put in place only when every point is valid: one resolution per point, and nothing of a point kept
/// but its manifest line. An invalid point stops the writing (the temporary directory is removed) and the rest are
/// still resolved, so that every error is reported, each under its point.
/// </summary>
internal static class SweepVerb
{
    /// <summary>The most points whose diagnostics are printed, and the most lines of diagnostics.</summary>
    private const int MaxShownPoints = 20;

    private const int MaxShownLines = DiagnosticPrinter.MaxShownLines;

    /// <summary>How the manifest's values are written: every field, secrets omitted (the fingerprint's view, rank-local fields kept).</summary>
    private static readonly ValueWriteContext s_everyField = new() { Verbosity = Verbosity.All, Secrets = SecretHandling.Omit };

    public static Command Create(HostContext context)
    {
        var command = new Command("sweep", "Resolve every point of a grid of overrides (a=1,2 b=range(0,3)) and write each point's config to a directory.");
        var inputs = new ResolveInputs(context, command, acceptsPaths: false, ("KEY=VALUE", ResolveInputs.OverridesHelp + "; a value with a top-level comma (a=1,2,3) or range(start,stop[,step]) is an axis of the sweep."));
        var output = new Option<string?>("--output", "-o") { Description = "The directory to write: NNN/config.yaml per point and manifest.jsonl (built aside, then renamed into place).", HelpName = "DIR" };
        var zip = new Option<bool>("--zip") { Description = "Pair the axes' values by position instead of taking every combination (axes of one length)." };
        var force = new Option<bool>("--force") { Description = "Replace a non-empty output directory (never one that holds an input)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "List the points (index and values) without resolving or writing anything." };
        var format = HostSymbols.Format("The format of the --dry-run listing.", "text", "json");
        command.Add(output);
        command.Add(zip);
        command.Add(force);
        command.Add(dryRun);
        command.Add(format);
        HostCommandLine.SetAction(command, context, parse =>
        {
            var request = inputs.Read(parse, paths: null);
            var directory = parse.GetValue(output);
            var listOnly = parse.GetValue(dryRun);
            var replace = parse.GetValue(force);
            if (directory is null && !listOnly)
            {
                throw new UsageException("a sweep writes a directory: give it with -o DIR (or list the points with --dry-run)");
            }

            if (directory is { Length: 0 } or OutputFile.StandardOutput)
            {
                throw new UsageException("-o needs a directory (a sweep writes one file per point, not a document on standard output)");
            }

            string[] given = [.. request.Files, .. context.CommandLine.ResponseFiles];
            if (directory is not null && !listOnly)
            {
                if (OutputDirectory.IsNonEmpty(directory) && !replace)
                {
                    throw new UsageException("the directory " + OutputFile.Quote(directory) + " is not empty; give --force to replace it, or another -o");
                }

                OutputDirectory.EnsureHoldsNoInput(directory, given);
            }

            var sweep = context.FindKind(request.Kind).Sweep(request, parse.GetValue(zip), out var errors, out var zipMismatch);
            if (zipMismatch is not null)
            {
                throw new UsageException(zipMismatch);
            }

            if (sweep is null)
            {
                context.Printer.Write(errors);
                return ExitCodes.Invalid;
            }

            if (listOnly)
            {
                List(context, sweep, parse.GetValue(format) == "json");
                return ExitCodes.Success;
            }

            return Write(context, sweep, directory!, replace, given);
        });
        return command;
    }

    /// <summary>The width of the directory names: the digits of the last index, at least 3 (<c>000</c> to <c>999</c>, then <c>0000</c> …).</summary>
    internal static int IndexWidth(int count) => Math.Max(3, (count - 1).ToString(CultureInfo.InvariantCulture).Length);

    /// <summary>The listing of <c>--dry-run</c>: one line per point, its index and values (as written).</summary>
    private static void List(HostContext context, ISweep sweep, bool json)
    {
        var text = new StringBuilder();
        for (var i = 0; i < sweep.Count; i++)
        {
            var values = sweep.ShownValuesAt(i);
            if (json)
            {
                text.Append(JsonLine(i, values, null, null, null));
            }
            else
            {
                text.Append(i.ToString(CultureInfo.InvariantCulture));
                foreach (var (path, value) in values)
                {
                    text.Append(' ').Append(MessageText.Printable(path + "=" + value));
                }

                text.Append('\n');
            }

            if (text.Length > 1 << 16)
            {
                context.Console.Output.Write(text.ToString());
                text.Clear();
            }
        }

        context.Console.Output.Write(text.ToString());
    }

    private static int Write(HostContext context, ISweep sweep, string path, bool force, string[] given)
    {
        var width = IndexWidth(sweep.Count);
        var manifest = new StringBuilder();
        var report = new Report(context);
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var duplicates = new SortedDictionary<int, List<int>>();
        var read = new List<string>();
        var invalid = 0;
        var output = OutputDirectory.Begin(path);
        try
        {
            using (FilesRead.Record(read))
            {
                for (var i = 0; i < sweep.Count; i++)
                {
                    var valid = sweep.TryResolve(i, out var resolved, out var diagnostics);
                    var shown = sweep.ShownValuesAt(i);
                    report.Add(i, shown, diagnostics);
                    if (!valid)
                    {
                        // Nothing more is written: the directory will not be put in place.
                        invalid++;
                        output.Dispose();
                        continue;
                    }

                    if (invalid > 0)
                    {
                        continue;
                    }

                    var fingerprint = resolved!.Fingerprint;
                    if (!first.TryAdd(fingerprint, i))
                    {
                        var group = first[fingerprint];
                        if (!duplicates.TryGetValue(group, out var same))
                        {
                            duplicates[group] = same = [group];
                        }

                        same.Add(i);
                    }

                    var name = i.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0') + "/config.yaml";
                    var yaml = resolved.ToYaml();
                    output.Write(name, yaml.EndsWith('\n') ? yaml : yaml + "\n");
                    manifest.Append(JsonLine(i, shown, Typed(sweep, resolved.Config, shown.Length), fingerprint, name));
                }
            }

            if (invalid > 0)
            {
                context.Printer.WriteError(context.Host.Name, Count(invalid) + " of " + Count(sweep.Count) + " points are invalid; nothing was written");
                report.Finish();
                return ExitCodes.Invalid;
            }

            report.Finish();

            WarnOfDuplicates(context, sweep, duplicates);
            output.Write("manifest.jsonl", manifest.ToString());
            OutputDirectory.EnsureHoldsNoInput(path, [.. given, .. read]);
            output.Commit(force);
            context.Console.Error.Write(MessageText.Printable("wrote " + Count(sweep.Count) + " point" + (sweep.Count == 1 ? string.Empty : "s") + " to " + OutputFile.Quote(path)) + "\n");
            return ExitCodes.Success;
        }
        finally
        {
            output.Dispose();
        }
    }

    /// <summary>
    /// The value of each axis in the point's config, as JSON of its type: the effective value at the path (an
    /// interpolation's value, not its <c>${…}</c> as the explicit config keeps it); null for a path the config does not
    /// write (a secret field, a key the config ignored). Each is what the whole config written with every field and
    /// secrets omitted holds at the path, but only the axis' field is written: the walk goes down the configs to it, and
    /// steps past it go into its value (an entry of a dictionary, an item of a list).
    /// </summary>
    private static ConfigNode?[] Typed(ISweep sweep, ConfigObject root, int count)
    {
        var values = new ConfigNode?[count];
        for (var k = 0; k < values.Length; k++)
        {
            var steps = sweep.StepsOf(k);
            var config = root;
            ConfigNode? node = null;
            for (var i = 0; i < steps.Count; i++)
            {
                var step = steps[i];
                if (node is not null)
                {
                    node = node switch
                    {
                        ConfigMap map when !step.IsIndex && map.TryGetValue(step.Key!, out var value) => value,
                        ConfigSequence list when step.IsIndex && (step.Index < 0 ? list.Items.Count + step.Index : step.Index) is var index && index >= 0 && index < list.Items.Count => list.Items[index],
                        _ => null,
                    };
                    if (node is null)
                    {
                        break;
                    }
                }
                else if (step.IsIndex || config.ConfigType.FindByKey(step.Key!) is not { IsSecret: false } field)
                {
                    // A typed config writes its type first; no key that is not a field is written, nor a secret.
                    node = step.Key == "type" && config.ConfigType.TypeName is { } type ? ConfigScalar.Quoted(type, Origin.Default) : null;
                    if (node is null)
                    {
                        break;
                    }
                }
                else if (field.OutputKind == ConfigFieldInfo.ValueOutput)
                {
                    node = ConfigWriter.FieldValue(config, field, s_everyField);
                }
                else if (field.GetValue(config) is not ConfigObject child)
                {
                    break; // a null sub-config: null, and nothing past it
                }
                else if (i < steps.Count - 1)
                {
                    config = child;
                }
                else
                {
                    // A whole sub-config, as its parent writes it: omitted when empty, unless set explicitly where null could be.
                    var tree = ConfigWriter.ToTree(child, s_everyField);
                    var kept = tree.Count > 0 || (field.OutputKind == ConfigFieldInfo.NullableConfigOutput && (config.GetSlot(field.Index).State & FieldState.Explicit) != 0);
                    node = kept ? tree : null;
                }
            }

            values[k] = node;
        }

        return values;
    }

    /// <summary>
    /// One line of the manifest (or of the JSON listing): index, values, and for a written point its fingerprint and file;
    /// through the one JSON sink, a typed value replayed from its node as <c>resolve --format json</c> writes it.
    /// </summary>
    private static string JsonLine(int index, KeyValuePair<string, string>[] values, ConfigNode?[]? typed, string? fingerprint, string? file)
    {
        var json = new JsonEmitter(indented: false);
        json.StartMap();
        json.Member("index", index);
        json.Key("values");
        json.StartMap();
        for (var k = 0; k < values.Length; k++)
        {
            json.Key(values[k].Key);
            if (typed is null)
            {
                json.String(values[k].Value);
            }
            else if (typed[k] is { } node)
            {
                TreeSink.Replay(node, json);
            }
            else
            {
                json.Null();
            }
        }

        json.EndMap();
        if (fingerprint is not null)
        {
            json.Member("fingerprint", fingerprint);
            json.Member("path", file);
        }

        json.EndMap();
        return json + "\n";
    }

    /// <summary>
    /// The groups of points that resolve to the same config. A group whose points differ only in axes that set a secret is
    /// named apart, with those axes and their places: a written config never holds a secret, so such an axis cannot make
    /// the points' files differ, which a sweep over it alone would otherwise hide (each run would get the same file).
    /// </summary>
    private static void WarnOfDuplicates(HostContext context, ISweep sweep, SortedDictionary<int, List<int>> duplicates)
    {
        var paths = sweep.ShownValuesAt(0);
        var same = new List<string>();
        var secretOnly = new List<string>();
        var secretAxes = new SortedSet<int>();
        foreach (var (_, group) in duplicates)
        {
            var secrets = sweep.SecretDifferences(group);
            var indexes = new List<string>(group.Count);
            foreach (var i in group)
            {
                indexes.Add(Count(i));
            }

            (secrets is null ? same : secretOnly).Add("points " + MessageText.List(indexes));
            secretAxes.UnionWith(secrets ?? []);
        }

        if (same.Count > 0)
        {
            context.Console.Error.Write("warning: " + Groups(same.Count) + (same.Count == 1 ? " resolves" : " resolve") + " to the same config (same fingerprint): " + MessageText.Capped(string.Join("; ", same)) + "\n");
        }

        if (secretOnly.Count > 0)
        {
            var axes = new List<string>(secretAxes.Count);
            foreach (var k in secretAxes)
            {
                axes.Add(MessageText.Bounded(paths[k].Key) + " (" + MessageText.Capped(sweep.PlaceOf(k).Location) + ")");
            }

            var which = (axes.Count == 1 ? "the secret " : "the secrets ") + MessageText.List(axes);
            context.Console.Error.Write(MessageText.Printable("warning: " + Groups(secretOnly.Count) + (secretOnly.Count == 1 ? " differs" : " differ") + " only in " + which
                + ", which a written config never holds, so " + (secretOnly.Count == 1 ? "its files are" : "the files of each are") + " identical: " + MessageText.Capped(string.Join("; ", secretOnly))) + "\n");
        }
    }

    private static string Groups(int count) => Count(count) + (count == 1 ? " group of points" : " groups of points");

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The diagnostics of the points, each line under its point (<c>point 3 (lr=1e-3, seed=2): cli arg #1: error …</c>):
    /// those of the first <see cref="MaxShownPoints"/> points that have any, at most <see cref="MaxShownLines"/> lines,
    /// then the count of all.
    /// </summary>
    private sealed class Report(HostContext context)
    {
        private int _points;
        private int _lines;
        private int _hidden;
        private int _errors;
        private int _warnings;

        public void Add(int index, KeyValuePair<string, string>[] values, IReadOnlyList<Diagnostic> diagnostics)
        {
            string? label = null;
            foreach (var d in diagnostics)
            {
                _errors += d.Severity == DiagnosticSeverity.Error ? 1 : 0;
                _warnings += d.Severity == DiagnosticSeverity.Warning ? 1 : 0;
                var line = d.ToString();
                if (_lines >= MaxShownLines || (label is null && _points >= MaxShownPoints))
                {
                    _hidden++;
                    continue;
                }

                if (label is null)
                {
                    _points++;
                    var shown = new List<string>(values.Length);
                    foreach (var (path, value) in values)
                    {
                        shown.Add(path + "=" + value);
                    }

                    label = "point " + Count(index) + (values.Length == 0 ? string.Empty : " (" + MessageText.List(shown) + ")") + ": ";
                }

                _lines++;
                context.Console.Error.Write(MessageText.Printable(label + line) + "\n");
            }
        }

        public void Finish()
        {
            if (_errors + _warnings == 0)
            {
                return;
            }

            var count = Count(_errors) + " error" + (_errors == 1 ? string.Empty : "s") + ", " + Count(_warnings) + " warning" + (_warnings == 1 ? string.Empty : "s");
            context.Console.Error.Write(count + (_hidden > 0 ? " (" + Count(_hidden) + " more not shown)" : string.Empty) + "\n");
        }
    }
}
