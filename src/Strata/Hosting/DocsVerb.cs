using System.CommandLine;

namespace Strata.Hosting;

/// <summary><c>docs &lt;kind&gt;</c>: a Markdown reference of every field of a kind, generated from its schema.</summary>
internal static class DocsVerb
{
    public static Command Create(HostContext context)
    {
        var kindArgument = HostSymbols.Kind(context);
        var output = HostSymbols.Output();
        var command = new Command("docs", "Write a Markdown reference of every field of a kind.") { kindArgument, output };
        HostCommandLine.SetAction(command, context, parse =>
        {
            var kind = context.FindKind(parse.GetValue(kindArgument) ?? string.Empty);
            var text = SchemaDocs.Markdown(kind.Name, kind.Description, kind.TypeInfo);
            HostOutput.Write(context, parse.GetValue(output), text, []);
            return ExitCodes.Success;
        });
        return command;
    }
}
