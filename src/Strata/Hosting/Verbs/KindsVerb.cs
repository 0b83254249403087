using System.CommandLine;
using Strata.Hosting.CommandLine;
using System.Text;

namespace Strata.Hosting.Verbs;

/// <summary><c>kinds</c>: lists the registered kinds.</summary>
internal static class KindsVerb
{
    public static Command Create(HostContext context)
    {
        var format = HostSymbols.Format("The listing format.", "text", "json");
        var command = new Command("kinds", "List the kinds of config this program knows.") { format };
        HostCommandLine.SetAction(command, context, parse =>
        {
            context.Console.Output.Write(parse.GetValue(format) == "json" ? Json(context) : Text(context));
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Text(HostContext context)
    {
        var width = 0;
        foreach (var kind in context.Kinds)
        {
            width = Math.Max(width, kind.Name.Length);
        }

        var sb = new StringBuilder();
        foreach (var kind in context.Kinds)
        {
            sb.Append(kind.Name.PadRight(width)).Append("  ").Append(kind.Description).Append('\n');
        }

        return sb.ToString();
    }

    private static string Json(HostContext context) => JsonText.Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var kind in context.Kinds)
        {
            writer.WriteStartObject();
            writer.WriteString("name", kind.Name);
            writer.WriteString("description", kind.Description);
            writer.WriteString("type", kind.TypeInfo.Name);
            writer.WriteBoolean("runs", kind.CanRun);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });
}
