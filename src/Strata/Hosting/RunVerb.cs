using System.CommandLine;

namespace Strata.Hosting;

/// <summary><c>run &lt;kind&gt;</c>: resolves a config and starts the program's run action on it.</summary>
internal static class RunVerb
{
    public static Command Create(HostContext context)
    {
        var inputs = new ResolveInputs(context, acceptsPaths: false);
        var command = new Command("run", "Resolve a config and run the program on it; the exit code is the program's.");
        inputs.AddTo(command);
        HostCommandLine.SetAction(command, context, async (parse, token) =>
        {
            var (kind, request, _) = inputs.Read(parse);
            if (!kind.CanRun)
            {
                throw new UsageException("the kind '" + kind.Name + "' has nothing to run; the kinds that run are: " + string.Join(", ", context.Kinds.Where(static k => k.CanRun).Select(static k => k.Name)));
            }

            var outcome = kind.Resolve(request);
            context.Printer.Write(outcome.Diagnostics);
            if (outcome.Resolved is not { } resolved)
            {
                return ExitCodes.Invalid;
            }

            await context.Console.Error.FlushAsync(token).ConfigureAwait(false);
            return await kind.RunAsync(resolved, token).ConfigureAwait(false);
        });
        return command;
    }
}
