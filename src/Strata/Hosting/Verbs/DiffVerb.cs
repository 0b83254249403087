using System.CommandLine;
using Strata.Hosting.CommandLine;
using System.Text;

namespace Strata.Hosting.Verbs;

/// <summary><c>diff &lt;kind&gt; A B</c>: resolves two config files and prints the effective values that differ.</summary>
internal static class DiffVerb
{
    private const string Absent = "(absent)";

    public static Command Create(HostContext context)
    {
        var kindArgument = HostSymbols.Kind(context);
        var left = new Argument<string>("A") { Description = "The first config file." };
        var right = new Argument<string>("B") { Description = "The second config file." };
        var format = HostSymbols.Format("The output format.", "text", "json");
        var lenient = HostSymbols.Lenient();
        var strict = HostSymbols.StrictUnknown();
        var warningsAsErrors = HostSymbols.WarningsAsErrors();
        var exitCode = new Option<bool>("--exit-code")
        {
            Description = "Exit with 1 when the configs differ and 0 when they do not, as git diff --exit-code does.",
        };
        var command = new Command("diff", "Resolve two config files and print every effective value that differs.")
        {
            kindArgument, left, right, format, lenient, strict, warningsAsErrors, exitCode,
        };
        HostCommandLine.SetAction(command, context, parse =>
        {
            var kind = context.FindKind(parse.GetValue(kindArgument) ?? string.Empty);
            var options = ResolveInputs.ReadOptions(context, parse, lenient, strict, warningsAsErrors);
            var a = kind.Resolve(new ResolveRequest(kind.Name, [parse.GetValue(left) ?? string.Empty], [], options));
            var b = kind.Resolve(new ResolveRequest(kind.Name, [parse.GetValue(right) ?? string.Empty], [], options));
            context.Printer.Write([.. a.Diagnostics, .. b.Diagnostics]);
            if (a.Resolved is null || b.Resolved is null)
            {
                return ExitCodes.Invalid;
            }

            var differences = ConfigComparer.Compare(a.Resolved.Config, b.Resolved.Config);
            context.Console.Output.Write(parse.GetValue(format) == "json" ? Json(differences) : Text(differences));
            return differences.Count > 0 && parse.GetValue(exitCode) ? ExitCodes.Invalid : ExitCodes.Success;
        });
        return command;
    }

    private static string Text(IReadOnlyList<ConfigDifference> differences)
    {
        if (differences.Count == 0)
        {
            // Said, not left blank: an empty output reads like a command that did nothing.
            return "no differences\n";
        }

        var width = 0;
        foreach (var d in differences)
        {
            width = Math.Max(width, d.Path.Length);
        }

        var sb = new StringBuilder();
        foreach (var d in differences)
        {
            sb.Append(d.Path.PadRight(width)).Append("  ").Append(d.Left ?? Absent).Append(" → ").Append(d.Right ?? Absent).Append('\n');
        }

        return sb.ToString();
    }

    private static string Json(IReadOnlyList<ConfigDifference> differences) => JsonText.Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var d in differences)
        {
            writer.WriteStartObject();
            writer.WriteString("path", d.Path);
            writer.WriteString("left", d.Left); // null as JSON null
            writer.WriteString("right", d.Right);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });
}
