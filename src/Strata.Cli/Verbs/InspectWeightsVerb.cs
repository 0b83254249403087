using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Strata.Hosting;
using Strata.Llm;
using Strata.Llm.Checkpoints;
using Strata.Llm.Checkpoints.Safetensors;
using Strata.Llm.Models;

namespace Strata.Cli.Verbs;

/// <summary>
/// <c>inspect-weights &lt;kind&gt; [-c FILE]... [KEY=VALUE]... [--weights DIR]</c>: resolves a GPT config like
/// <c>validate</c>, reads the safetensors headers of its pretrained checkpoint (or of <c>--weights DIR</c>) and checks
/// every tensor's shape against the resolved model (DESIGN §6). The document is the list of tensors; each tensor that is
/// missing, unexpected or of another shape is a diagnostic.
/// </summary>
internal static class InspectWeightsVerb
{
    private const string Trainer = "gpt-trainer";
    private const string Model = "gpt-model";

    /// <summary>The widest column of the text listing; a longer cell runs past its column.</summary>
    private const int MaxColumnWidth = 120;

    /// <summary>The listing is written in pieces of about this many characters (or bytes), never built whole.</summary>
    private const int OutputChunk = 64 * 1024;

    public static Command Create(HostVerbContext context)
    {
        var command = new Command(
            "inspect-weights",
            "Check the tensor shapes of a checkpoint's safetensors files against a resolved GPT config (headers only).");
        var inputs = context.AddResolveInputs(command);
        var weights = new Option<string?>("--weights")
        {
            Description = "The checkpoint directory whose weights to check; by default the config's pretrained.path.",
            HelpName = "DIR",
        };
        var weightsFormat = new Option<string?>("--weights-format")
        {
            Description = "The format whose tensor names the weights use: " + string.Join(", ", WeightsShapeCheck.Formats)
                + " or auto (config.json's model_type); by default pretrained.format, or auto with --weights.",
            HelpName = "FORMAT",
        };
        weightsFormat.AcceptOnlyFromAmong([.. WeightsShapeCheck.Formats, GPTCheckpointFormats.Auto]);
        var format = new Option<string>("--format") { Description = "The listing format.", HelpName = "text|json", DefaultValueFactory = static _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        command.Add(weights);
        command.Add(weightsFormat);
        command.Add(format);
        context.SetAction(command, (parse, _) =>
        {
            var request = inputs.Read(parse);
            return Task.FromResult(Run(context, parse, request, parse.GetValue(weights), parse.GetValue(weightsFormat), parse.GetValue(format) == "json"));
        });
        return command;
    }

    private static int Run(HostVerbContext context, ParseResult parse, ResolveRequest request, string? weights, string? weightsFormat, bool json)
    {
        if (!context.TryResolve(request, out var resolved, out var found))
        {
            context.WriteDiagnostics(found, always: true);
            return CliExitCodes.Invalid;
        }

        (GPTModelConfig Model, CheckpointLoadConfig Pretrained)? gpt = resolved.Config switch
        {
            GPTTrainerConfig trainer => (trainer.Model, trainer.Pretrained),
            PretrainedGPTModelConfig single => (single.Model, single.Pretrained),
            _ => null,
        };
        if (gpt is not var (model, pretrained))
        {
            return context.Usage(parse, "inspect-weights reads " + Trainer + " and " + Model + " configs");
        }

        var diagnostics = new List<Diagnostic>(found);
        var directory = weights ?? (pretrained.Path is { } path ? AsTheReaderReadsIt(context, path.Value) : null);
        if (directory is null)
        {
            return context.Usage(parse, "no weights to check: the config has no pretrained.path; give the checkpoint directory with --weights DIR");
        }

        var naming = weightsFormat ?? (weights is null ? pretrained.Format : GPTCheckpointFormats.Auto);
        if (naming is GPTCheckpointFormats.FastLlm or GPTCheckpointFormats.Distributed)
        {
            diagnostics.Add(new Diagnostic(
                DiagnosticSeverity.Error,
                DiagnosticCodes.CheckpointInvalid,
                pretrained.ConfigPath.Length == 0 ? "format" : pretrained.ConfigPath + ".format",
                pretrained.GetOrigin(nameof(CheckpointLoadConfig.Format)),
                "the weights of a " + naming + " checkpoint are in Fast-LLM's own layout; the weights check reads Hugging Face checkpoints ("
                + string.Join(", ", WeightsShapeCheck.Formats) + "): give one with --weights DIR"));
            context.WriteDiagnostics(diagnostics, always: true);
            return CliExitCodes.Invalid;
        }

        // One read of the headers and one comparison give both the diagnostics and the listing.
        var comparison = WeightsShapeCheck.ResolveFormat(directory, naming, diagnostics) is { } format
            && SafetensorsCheckpoint.Read(directory, diagnostics) is { } checkpoint
            ? WeightsShapeCheck.Compare(model.BaseModel, format, checkpoint)
            : null;
        var before = diagnostics.Count;
        comparison?.Report(diagnostics);
        var fits = !diagnostics.Any(static d => d.Severity == DiagnosticSeverity.Error);
        if (comparison is not null && (fits || diagnostics.Skip(before).Any(static d => d.Code == WeightsDiagnosticCodes.WeightsMismatch)))
        {
            if (json)
            {
                WriteJson(context.Output, comparison);
            }
            else
            {
                WriteText(context.Output, comparison);
            }
        }

        var failed = diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error || (request.Options.WarningsAsErrors && d.Severity == DiagnosticSeverity.Warning));
        context.WriteDiagnostics(diagnostics, always: true);
        return failed ? CliExitCodes.Invalid : CliExitCodes.Success;
    }

    /// <summary>A relative checkpoint path, as the checkpoint reader of the host reads it (relative to its base directory, if it has one).</summary>
    private static string AsTheReaderReadsIt(HostVerbContext context, string path) =>
        Path.IsPathRooted(path) || context.Host.Services?.GetService(typeof(ICheckpointConfigReader)) is not CheckpointConfigReader { BaseDirectory: { } baseDirectory }
            ? path
            : Path.Combine(baseDirectory, path);

    /// <summary>
    /// The rows of the comparison as a table, written as it is made (a checkpoint may hold a million tensors); the
    /// tensors not listed are counted on the last lines.
    /// </summary>
    private static void WriteText(TextWriter output, WeightsComparison comparison)
    {
        string[] header = ["TENSOR", "DTYPE", "SHAPE", "CONFIG", "FILE"];

        // A column is as wide as its longest cell up to a bound: one name of a megabyte must not pad every row to it.
        var widths = new[] { header[0].Length, header[1].Length, header[2].Length, header[3].Length };
        foreach (var row in comparison.Rows)
        {
            widths[0] = Math.Max(widths[0], Math.Min(MaxColumnWidth, Cell(row.Name).Length));
            widths[1] = Math.Max(widths[1], Math.Min(MaxColumnWidth, row.Found is null ? 1 : Cell(row.Found.DataTypeName).Length));
            widths[2] = Math.Max(widths[2], Math.Min(MaxColumnWidth, row.Found?.ShapeText.Length ?? "(missing)".Length));
            widths[3] = Math.Max(widths[3], Math.Min(MaxColumnWidth, row.Expected is null ? "(unexpected)".Length : Shape(row.Expected.Shape).Length));
        }

        var sb = new StringBuilder();
        Line(header[0], header[1], header[2], header[3], header[4]);
        foreach (var row in comparison.Rows)
        {
            Line(
                row.Name,
                row.Found?.DataTypeName ?? "-",
                row.Found?.ShapeText ?? "(missing)",
                row.Expected is null ? "(unexpected)" : Shape(row.Expected.Shape),
                row.Found is null ? "-" : Path.GetFileName(row.Found.File));
            if (sb.Length >= OutputChunk)
            {
                output.Write(sb);
                sb.Clear();
            }
        }

        if (!comparison.MissingNotListed.IsZero)
        {
            sb.Append("… and ").Append(comparison.MissingNotListed.ToString(CultureInfo.InvariantCulture)).Append(" more tensors of the config are missing, not listed\n");
        }

        if (comparison.UnexpectedNotListed != 0)
        {
            sb.Append("… and ").Append(comparison.UnexpectedNotListed.ToString(CultureInfo.InvariantCulture)).Append(" more tensors are not weights of the config, not listed\n");
        }

        output.Write(sb);

        void Line(string a, string b, string c, string d, string e) =>
            sb.Append(Cell(a).PadRight(widths[0])).Append("  ").Append(Cell(b).PadRight(widths[1])).Append("  ")
                .Append(c.PadRight(widths[2])).Append("  ").Append(d.PadRight(widths[3])).Append("  ").Append(Cell(e)).Append('\n');
    }

    /// <summary>
    /// A name from the checkpoint (a tensor, a dtype, a file) as a cell of the text listing: bounded as a message quotes
    /// it and with control and format characters as escapes, so that a header cannot send escape sequences to the
    /// terminal, split a row or write megabytes on one line. The JSON listing is data and keeps the names exact.
    /// </summary>
    private static string Cell(string text) => MessageText.Printable(MessageText.Bounded(text));

    /// <summary>The rows of the comparison as a JSON array, written as it is made.</summary>
    private static void WriteJson(TextWriter output, WeightsComparison comparison)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (var row in comparison.Rows)
            {
                var (name, found, expected) = (row.Name, row.Found, row.Expected);
                writer.WriteStartObject();
                writer.WriteString("name", name);
                if (found is null)
                {
                    writer.WriteNull("dtype");
                    writer.WriteNull("shape");
                    writer.WriteNull("file");
                    writer.WriteNull("data_offsets");
                }
                else
                {
                    writer.WriteString("dtype", found.DataTypeName);
                    Numbers(writer, "shape", found.Shape);
                    writer.WriteString("file", found.File);
                    Numbers(writer, "data_offsets", [found.Begin, found.End]);
                }

                if (expected is null)
                {
                    writer.WriteNull("expected");
                }
                else
                {
                    writer.WriteStartObject("expected");
                    Numbers(writer, "shape", expected.Shape);
                    writer.WriteStartArray("dimensions");
                    foreach (var dimension in expected.Dimensions)
                    {
                        writer.WriteStringValue(dimension);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteBoolean("fits", row.Fits);
                writer.WriteEndObject();
                if (writer.BytesPending + buffer.WrittenCount >= OutputChunk)
                {
                    // The writer ends a flush at a whole token, so each chunk is whole UTF-8.
                    writer.Flush();
                    output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
                    buffer.ResetWrittenCount();
                }
            }

            writer.WriteEndArray();
        }

        output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n");
    }

    private static void Numbers(Utf8JsonWriter writer, string name, IReadOnlyList<long> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }

    private static string Shape(IReadOnlyList<long> shape) =>
        "[" + string.Join(", ", shape.Select(static d => d.ToString(CultureInfo.InvariantCulture))) + "]";
}
