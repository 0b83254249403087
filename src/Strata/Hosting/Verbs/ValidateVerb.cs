using System.CommandLine;
using Strata.Hosting.CommandLine;

namespace Strata.Hosting.Verbs;

/// <summary><c>validate &lt;kind&gt;</c>: resolves a config and reports its diagnostics; writes no document.</summary>
internal static class ValidateVerb
{
    public static Command Create(HostContext context)
    {
        var command = new Command("validate", "Check a config: every error and warning, then a count; no document.");
        var inputs = new ResolveInputs(context, command, acceptsPaths: false);
        HostCommandLine.SetAction(command, context, parse =>
        {
            var request = inputs.Read(parse, paths: null);
            var outcome = context.FindKind(request.Kind).Resolve(request);
            context.Printer.Write(outcome.Diagnostics, always: true);
            return outcome.Resolved is null ? ExitCodes.Invalid : ExitCodes.Success;
        });
        return command;
    }
}
