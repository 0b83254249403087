using System.CommandLine;
using Strata.Hosting.CommandLine;

namespace Strata.Hosting.Verbs;

/// <summary><c>run &lt;kind&gt;</c>: resolves a config and starts the program's run action on it.</summary>
internal static class RunVerb
{
    public static Command Create(HostContext context)
    {
        var command = new Command("run", "Resolve a config and run the program on it; the exit code is the program's.");
        var inputs = new ResolveInputs(context, command, acceptsPaths: false);
        HostCommandLine.SetAction(command, context, async (parse, token) =>
        {
            var request = inputs.Read(parse, paths: null);
            var kind = context.FindKind(request.Kind);
            if (!kind.CanRun)
            {
                var running = new List<string>();
                foreach (var other in context.Kinds)
                {
                    if (other.CanRun)
                    {
                        running.Add(other.Name);
                    }
                }

                throw new UsageException("the kind '" + kind.Name + "' has nothing to run; the kinds that run are: " + string.Join(", ", running));
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
