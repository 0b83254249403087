using System.CommandLine;
using Strata.Provenance;
using Strata.Schema;

namespace Strata.Hosting;

/// <summary>
/// <c>explain &lt;kind&gt; [PATH]...</c>: for each requested path (every leaf when none), the effective value, its origin
/// and its history, as a table or as JSON.
/// </summary>
internal static class ExplainVerb
{
    public static Command Create(HostContext context)
    {
        var inputs = new ResolveInputs(context, acceptsPaths: true);
        var format = HostSymbols.Format("The output format.", "text", "json");
        var command = new Command("explain", "Show where each value came from: its effective value, origin and history.");
        inputs.AddTo(command);
        command.Add(format);
        HostCommandLine.SetAction(command, context, parse =>
        {
            var (kind, request, paths) = inputs.Read(parse);
            var outcome = kind.Resolve(request);
            if (outcome.Resolved is not { } resolved)
            {
                context.Printer.Write(outcome.Diagnostics);
                return ExitCodes.Invalid;
            }

            var all = resolved.Explain();
            var diagnostics = new List<Diagnostic>(outcome.Diagnostics);
            var selected = Select(all, paths, diagnostics);
            context.Printer.Write(diagnostics);
            if (diagnostics.Any(static d => d.Severity == DiagnosticSeverity.Error))
            {
                return ExitCodes.Invalid;
            }

            context.Console.Output.Write(parse.GetValue(format) == "json"
                ? ExplainWriter.Json(selected)
                : ExplainWriter.Table(selected, request.Overrides));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The leaves at or under each path, in the order asked and without repeats; an unknown path is an error.</summary>
    private static List<ValueProvenance> Select(IReadOnlyList<ValueProvenance> all, IReadOnlyList<string> paths, List<Diagnostic> diagnostics)
    {
        if (paths.Count == 0)
        {
            return [.. all];
        }

        var selected = new List<ValueProvenance>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var matches = all.Where(p => IsAtOrUnder(p.Path, path)).ToList();
            if (matches.Count == 0)
            {
                var closest = Suggestions.Closest(path, all.Select(static p => p.Path));
                diagnostics.Add(new Diagnostic(
                    DiagnosticSeverity.Error,
                    DiagnosticCodes.UnknownKey,
                    path,
                    null,
                    "no value at this path" + (closest is null ? string.Empty : "; did you mean '" + closest + "'?")));
                continue;
            }

            selected.AddRange(matches.Where(m => seen.Add(m.Path)));
        }

        return selected;
    }

    private static bool IsAtOrUnder(string leaf, string path) =>
        leaf == path
        || (leaf.StartsWith(path, StringComparison.Ordinal) && leaf.Length > path.Length && leaf[path.Length] is '.' or '[');
}
