using System.CommandLine;

namespace Strata.Hosting;

/// <summary><c>validate &lt;kind&gt;</c>: resolves a config and reports its diagnostics; writes no document.</summary>
internal static class ValidateVerb
{
    public static Command Create(HostContext context)
    {
        var inputs = new ResolveInputs(context, acceptsPaths: false);
        var command = new Command("validate", "Check a config: every error and warning, then a count; no document.");
        inputs.AddTo(command);
        HostCommandLine.SetAction(command, context, parse =>
        {
            var (kind, request, _) = inputs.Read(parse);
            var outcome = kind.Resolve(request);
            context.Printer.Write(outcome.Diagnostics, always: true);
            return outcome.Resolved is null ? ExitCodes.Invalid : ExitCodes.Success;
        });
        return command;
    }
}
