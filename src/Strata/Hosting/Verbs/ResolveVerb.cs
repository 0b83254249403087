using System.CommandLine;
using Strata.Hosting.CommandLine;
using Strata.Hosting.Explain;

namespace Strata.Hosting.Verbs;

/// <summary><c>resolve &lt;kind&gt;</c>: writes the resolved config as YAML or JSON, explicit values only unless <c>--show</c> asks for more.</summary>
internal static class ResolveVerb
{
    public static Command Create(HostContext context)
    {
        var command = new Command("resolve", "Resolve a config and write it: files, then overrides, then derived values.");
        var inputs = new ResolveInputs(context, command, acceptsPaths: false);
        var show = HostSymbols.Show();
        var format = HostSymbols.Format("The document format.", "yaml", "json");
        var output = HostSymbols.Output();
        var sources = new Option<bool>("--sources") { Description = "Annotate each value with its origin, as a YAML comment." };
        var layers = new Option<bool>("--show-layers") { Description = "List the layers that built the config, in merge order, on standard error." };
        command.Add(show);
        command.Add(format);
        command.Add(output);
        command.Add(sources);
        command.Add(layers);
        HostCommandLine.SetAction(command, context, parse =>
        {
            var request = inputs.Read(parse, paths: null);
            var json = parse.GetValue(format) == "json";
            var annotate = parse.GetValue(sources);
            if (annotate && json)
            {
                throw new UsageException("--sources needs --format yaml (JSON has no comments)");
            }

            var outputPath = parse.GetValue(output);
            HostOutput.EnsureNotAnInput(context, outputPath, request.Files);
            var outcome = context.FindKind(request.Kind).Resolve(request);
            context.Printer.Write(outcome.Diagnostics);
            if (outcome.Resolved is not { } resolved)
            {
                return ExitCodes.Invalid;
            }

            if (parse.GetValue(layers))
            {
                var list = new System.Text.StringBuilder("layers, in merge order:\n");
                foreach (var layer in resolved.Layers)
                {
                    // A file's name is as given: a control character in it is written as an escape, as in a diagnostic.
                    list.Append("  ").Append(MessageText.Printable(layer.ToString())).Append('\n');
                }

                context.Console.Error.Write(list.ToString());
            }

            var verbosity = HostSymbols.ParseVerbosity(parse.GetValue(show));
            var text = json ? resolved.ToJson(verbosity) : resolved.ToYaml(verbosity);
            if (annotate)
            {
                text = SourceAnnotator.Annotate(text, resolved.Explain(), request.Overrides);
            }

            if (!text.EndsWith('\n'))
            {
                text += "\n";
            }

            HostOutput.Write(context, outputPath, text, outcome.FilesRead);
            return ExitCodes.Success;
        });
        return command;
    }
}
