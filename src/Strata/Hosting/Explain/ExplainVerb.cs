using System.Globalization;
using System.CommandLine;
using Strata.Hosting.CommandLine;
using Strata.Provenance;
using Strata.Reporting;
using Strata.Schema;

namespace Strata.Hosting.Explain;

/// <summary>
/// <c>explain &lt;kind&gt; [PATH]...</c>: for each requested path (every leaf when none), the effective value, its origin
/// and its history, as a table or as JSON; with <c>--why</c>, the chain of values each was derived from.
/// </summary>
internal static class ExplainVerb
{
    public static Command Create(HostContext context)
    {
        var command = new Command("explain", "Show where each value came from: its effective value, origin and history.");
        var inputs = new ResolveInputs(context, command, acceptsPaths: true);
        var format = HostSymbols.Format("The output format: a table, JSON, or a self-contained HTML page of the whole config (with no PATH).", "text", "json", "html");
        var output = HostSymbols.Output();
        command.Add(format);
        command.Add(output);
        var why = new Option<bool>("--why")
        {
            Description = "For each PATH, the values it was derived from, their own, down to where a layer, a default or the environment set them.",
        };
        command.Add(why);
        HostCommandLine.SetAction(command, context, parse =>
        {
            var paths = new List<string>();
            var request = inputs.Read(parse, paths);
            var outputPath = parse.GetValue(output);
            HostOutput.EnsureNotAnInput(context, outputPath, request.Files);
            var chains = parse.GetValue(why);
            if (chains && paths.Count == 0)
            {
                throw new UsageException("--why needs the PATH of a value to explain (explain --why model.base_model.transformer.ffn_hidden_size)");
            }

            // A usage error comes before any resolution, so that it is not preceded by the config's diagnostics.
            if (parse.GetValue(format) == "html" && (paths.Count > 0 || chains))
            {
                throw new UsageException("--format html shows the whole config: give no PATH and no --why, and use its filter");
            }

            var outcome = context.FindKind(request.Kind).Resolve(request);
            if (outcome.Resolved is not { } resolved)
            {
                context.Printer.Write(outcome.Diagnostics);
                return ExitCodes.Invalid;
            }

            var all = resolved.Explain();
            var diagnostics = new List<Diagnostic>(outcome.Diagnostics);
            var selected = Select(all, paths, diagnostics, context.CommandLine);
            context.Printer.Write(diagnostics);
            if (diagnostics.Count > outcome.Diagnostics.Count)
            {
                // An unknown path was reported (a resolved config has no errors of its own).
                return ExitCodes.Invalid;
            }

            var json = parse.GetValue(format) == "json";
            var text = parse.GetValue(format) switch
            {
                "html" => HtmlReport.Explain(resolved, all, request.Kind, request.Overrides),
                _ when chains => json ? ExplainWriter.Json(WhyWriter.Values(selected, all)) : WhyWriter.Text(selected, request.Overrides, all),
                _ => json ? ExplainWriter.Json(selected) : ExplainWriter.Table(selected, request.Overrides, all),
            };
            HostOutput.Write(context, outputPath, text, outcome.FilesRead);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// The leaves at or under each path, in the order asked and without repeats; an unknown path is an error at the
    /// path's argument (<c>cli path #N</c>, or <c>FILE:LINE</c> of a response file). The leaves are sorted once, so that
    /// a path costs a few binary searches and what it selects, however many leaves and paths.
    /// </summary>
    private static List<ValueProvenance> Select(IReadOnlyList<ValueProvenance> all, List<string> paths, List<Diagnostic> diagnostics, CommandLineArguments commandLine)
    {
        if (paths.Count == 0)
        {
            return [.. all];
        }

        var leafPaths = new string[all.Count];
        var sorted = new int[all.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            leafPaths[i] = all[i].Path;
            sorted[i] = i;
        }

        var keys = (string[])leafPaths.Clone();
        Array.Sort(keys, sorted, StringComparer.Ordinal);
        var selected = new List<ValueProvenance>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var matches = new List<int>();
        for (var p = 0; p < paths.Count; p++)
        {
            var path = paths[p];
            // At the path itself, or under it: the leaves that start with "path." or "path[" (each a run of the sorted leaves).
            matches.Clear();
            var at = Array.BinarySearch(keys, path, StringComparer.Ordinal);
            if (at >= 0)
            {
                matches.Add(sorted[at]);
            }

            AddRun(keys, sorted, path + ".", matches);
            AddRun(keys, sorted, path + "[", matches);
            if (matches.Count == 0)
            {
                var closest = Suggestions.Closest(path, leafPaths);
                diagnostics.Add(new Diagnostic(
                    DiagnosticSeverity.Error,
                    DiagnosticCodes.UnknownKey,
                    path,
                    Origin.OfArgument("cli path #" + (p + 1).ToString(CultureInfo.InvariantCulture), commandLine.PlaceOf(path)),
                    "no value at this path" + (closest is null ? string.Empty : "; did you mean " + MessageText.Quoted(closest) + "?")));
                continue;
            }

            // In the order of the leaves, as the config lists them.
            matches.Sort();
            foreach (var index in matches)
            {
                if (seen.Add(all[index].Path))
                {
                    selected.Add(all[index]);
                }
            }
        }

        return selected;
    }

    /// <summary>Adds the leaves whose path starts with <paramref name="prefix"/>: a run of the sorted leaves.</summary>
    private static void AddRun(string[] keys, int[] sorted, string prefix, List<int> matches)
    {
        var at = Array.BinarySearch(keys, prefix, StringComparer.Ordinal);
        for (var k = at < 0 ? ~at : at; k < keys.Length && keys[k].StartsWith(prefix, StringComparison.Ordinal); k++)
        {
            matches.Add(sorted[k]);
        }
    }
}
