using System.CommandLine;

namespace Strata.Hosting;

/// <summary><c>schema &lt;kind&gt;</c>: a JSON Schema of a kind's config files, for editors.</summary>
internal static class SchemaVerb
{
    public static Command Create(HostContext context)
    {
        var kindArgument = HostSymbols.Kind(context);
        var output = HostSymbols.Output();
        var command = new Command("schema", "Write a JSON Schema of a kind's config files, for editors.") { kindArgument, output };
        HostCommandLine.SetAction(command, context, parse =>
        {
            var kind = context.FindKind(parse.GetValue(kindArgument) ?? string.Empty);
            var text = JsonSchemaWriter.Write(kind.Name, kind.Description, kind.TypeInfo);
            HostOutput.Write(context, parse.GetValue(output), text, []);
            return ExitCodes.Success;
        });
        return command;
    }
}
