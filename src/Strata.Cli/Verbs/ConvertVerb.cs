using System.CommandLine;
using Strata.Hosting;
using Strata.Llm;
using Strata.Llm.Checkpoints;
using Strata.Tree;

namespace Strata.Cli.Verbs;

/// <summary>
/// <c>convert --input PATH --input-format F --output PATH --output-format G</c> (DESIGN §5): reads a checkpoint's config
/// with the built-in reader, as a pretrained model with <c>load_config: fast_llm</c> (so the machine values of a Fast-LLM
/// checkpoint are left behind, rule R9), and writes it in another format with <see cref="CheckpointConfigWriter"/>
/// (atomically). Only the config is converted: the weights are not, and the verb says so.
/// </summary>
internal static class ConvertVerb
{
    /// <summary>What the verb does not do, said in its help and after every conversion.</summary>
    public const string WeightsNote = "the weights are not converted (only the config file is written)";

    public static Command Create(HostVerbContext context)
    {
        var formats = string.Join(", ", GPTCheckpointFormats.Names);
        var input = new Option<string>("--input")
        {
            Description = "The checkpoint directory to read.",
            HelpName = "PATH",
            Required = true,
        };
        var inputFormat = new Option<string>("--input-format")
        {
            Description = "The format of the input: " + formats + " (auto picks a Hugging Face format by config.json's model_type).",
            HelpName = "FORMAT",
            Required = true,
        };
        inputFormat.AcceptOnlyFromAmong([.. GPTCheckpointFormats.Names]);
        var output = new Option<string>("--output")
        {
            Description = "The directory to write the converted config to; created if missing, never the input directory.",
            HelpName = "PATH",
            Required = true,
        };
        var outputFormat = new Option<string>("--output-format")
        {
            Description = "The format to write: any input format but auto.",
            HelpName = "FORMAT",
            Required = true,
        };
        outputFormat.AcceptOnlyFromAmong([.. GPTCheckpointFormats.Names]);
        foreach (var path in new[] { input, output })
        {
            path.Validators.Add(result =>
            {
                // An empty path would name the working directory: a usage error, as for -o.
                if (result.Tokens.Count > 0 && result.Tokens[^1].Value.Length == 0)
                {
                    result.AddError(path.Name + " needs a directory name");
                }
            });
        }

        var command = new Command(
            "convert",
            "Convert a checkpoint's config between formats (metadata.yaml, config.json); " + WeightsNote + ".")
        {
            input,
            inputFormat,
            output,
            outputFormat,
        };
        context.SetAction(command, (parse, _) => Task.FromResult(Run(
            context,
            parse,
            parse.GetValue(input) ?? string.Empty,
            parse.GetValue(inputFormat) ?? string.Empty,
            parse.GetValue(output) ?? string.Empty,
            parse.GetValue(outputFormat) ?? string.Empty)));
        return command;
    }

    private static int Run(HostVerbContext context, ParseResult parse, string input, string inputFormat, string output, string outputFormat)
    {
        if (outputFormat == GPTCheckpointFormats.Auto)
        {
            return context.Usage(parse, "--output-format auto can only be read: name the format to write (" + string.Join(", ", GPTCheckpointFormats.Names.Where(static n => n != GPTCheckpointFormats.Auto)) + ")");
        }

        if (OutputFile.IsSameFile(input, output))
        {
            return context.Usage(parse, "the output directory " + MessageText.Quoted(output) + " is the input directory: write the converted config to another directory");
        }

        var source = Path.Combine(input, CheckpointConfigReader.ConfigFileName(inputFormat) ?? string.Empty);
        var target = Path.Combine(output, CheckpointConfigReader.ConfigFileName(outputFormat) ?? string.Empty);
        OutputFile.EnsureNotAnInput(target, [source]);

        if (!Directory.Exists(input))
        {
            context.WriteError(File.Exists(input)
                ? "the input " + MessageText.Quoted(input) + " is a file; a checkpoint is a directory"
                : "the input checkpoint directory " + MessageText.Quoted(input) + " does not exist" + RelativeNote(input));
            return CliExitCodes.Invalid;
        }

        if (!File.Exists(source))
        {
            // A checkpoint of the other family (a config.json read as fast_llm, a metadata.yaml as llama): name the format that reads it.
            var other = CheckpointConfigReader.DetectFormat(input);
            context.WriteError(
                "the input checkpoint directory " + MessageText.Quoted(input) + " has no " + Path.GetFileName(source) + ", which a " + inputFormat + " checkpoint holds"
                + (other is null ? string.Empty : "; it holds a " + CheckpointConfigReader.ConfigFileName(other) + " (did you mean --input-format " + other + "?)"));
            return CliExitCodes.Invalid;
        }

        if (File.Exists(output))
        {
            context.WriteError("the output " + MessageText.Quoted(output) + " is a file; the output is a checkpoint directory");
            return CliExitCodes.Invalid;
        }

        var diagnostics = new List<Diagnostic>();
        var model = Read(context, input, inputFormat, diagnostics, out var version);
        if (model is null)
        {
            context.WriteDiagnostics(diagnostics);
            return CliExitCodes.Invalid;
        }

        string written;
        try
        {
            // A Hugging Face checkpoint converted to a Hugging Face format keeps the form of its transformers version.
            written = CheckpointConfigWriter.Save(model.Model, output, outputFormat, diagnostics, version);
        }
        catch (ConfigException e)
        {
            diagnostics.AddRange(e.Diagnostics.Where(d => !diagnostics.Contains(d)));
            context.WriteDiagnostics(diagnostics);
            return CliExitCodes.Invalid;
        }
        catch (OutputFileException)
        {
            // The host reports it (exit code 1, or the signal's code when interrupted) after the warnings found so far.
            context.WriteDiagnostics(diagnostics);
            throw;
        }

        diagnostics.Add(new Diagnostic(
            DiagnosticSeverity.Info,
            DiagnosticCodes.Remark,
            string.Empty,
            Origin.InFile(written, 0, 0),
            "wrote the " + outputFormat + " config converted from " + MessageText.Quoted(input) + " (read as " + inputFormat + "); " + WeightsNote));
        context.WriteDiagnostics(diagnostics, always: true);
        return CliExitCodes.Success;
    }

    /// <summary>What a relative input that does not exist was taken relative to, with the full path that was tried.</summary>
    private static string RelativeNote(string input) =>
        Path.IsPathRooted(input) || input.Contains('\0', StringComparison.Ordinal)
            ? string.Empty
            : " (a relative path, taken relative to the working directory: " + MessageText.Quoted(Path.GetFullPath(input)) + ")";

    /// <summary>
    /// Resolves the checkpoint as the pretrained model of an otherwise empty <c>gpt-model</c>: the same reading, filtering
    /// and validation as a training run's, in an empty environment (a conversion does not depend on the machine). The
    /// <c>transformers_version</c> comes from the same reading of the file as the config (none with a program's own reader).
    /// </summary>
    private static PretrainedGPTModelConfig? Read(HostVerbContext context, string input, string format, List<Diagnostic> diagnostics, out string? version)
    {
        var origin = Origin.Code;
        var pretrained = new ConfigMap(
            [
                new ConfigMapEntry("format", origin, ConfigScalar.Quoted(format, origin)),
                new ConfigMapEntry("path", origin, ConfigScalar.Quoted(input, origin)),
                new ConfigMapEntry("load_config", origin, ConfigScalar.Quoted("fast_llm", origin)),
            ],
            origin);
        var host = context.Host.Services;
        var services = (host?.GetService(typeof(ICheckpointConfigReader)) ?? CheckpointConfigReader.Default) is CheckpointConfigReader builtIn
            ? new VersionKeepingReader(builtIn, host)
            : host;
        var options = new ResolveOptions
        {
            Environment = new Dictionary<string, string?>(StringComparer.Ordinal),
            Services = services,
        };
        var resolved = new ConfigResolver<PretrainedGPTModelConfig>(options)
            .AddTree(new ConfigMap([new ConfigMapEntry("pretrained", origin, pretrained)], origin))
            .TryResolve(out var result, out var found);
        diagnostics.AddRange(found);
        version = services is VersionKeepingReader keeping ? keeping.TransformersVersion : null;
        return resolved ? result!.Config : null;
    }

    /// <summary>
    /// The built-in reader (or the host's <see cref="CheckpointConfigReader"/>, with its base directory) as the services of a
    /// conversion, keeping the <c>transformers_version</c> of the <c>config.json</c> it read.
    /// </summary>
    private sealed class VersionKeepingReader(CheckpointConfigReader reader, IServiceProvider? services) : ICheckpointConfigReader, IServiceProvider
    {
        public string? TransformersVersion { get; private set; }

        public ConfigMap? ReadModelConfig(CheckpointLoadConfig pretrained, BaseLayerContext context)
        {
            var config = reader.ReadModelConfig(pretrained, context, out var version);
            TransformersVersion = version;
            return config;
        }

        public object? GetService(Type serviceType) => serviceType == typeof(ICheckpointConfigReader) ? this : services?.GetService(serviceType);
    }
}
