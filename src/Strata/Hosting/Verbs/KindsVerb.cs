using System.CommandLine;
using Strata.Hosting.CommandLine;
using Strata.Serialization;
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

    private static string Json(HostContext context)
    {
        var json = new JsonEmitter(indented: true);
        json.StartList();
        foreach (var kind in context.Kinds)
        {
            json.StartMap();
            json.Member("name", kind.Name);
            json.Member("description", kind.Description);
            json.Member("type", kind.TypeInfo.Name);
            json.Member("runs", kind.CanRun);
            json.EndMap();
        }

        json.EndList();
        return json.ToString();
    }
}
