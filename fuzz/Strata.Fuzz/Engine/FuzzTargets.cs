using System.Text;
using Strata.Llm;
using Strata.Llm.Checkpoints;
using Strata.Sources;

namespace Strata.Fuzz.Engine;

/// <summary>
/// The fuzz targets. Each takes raw bytes and either returns normally (the input was accepted or rejected with
/// diagnostics) or throws: any exception, and a <see cref="FuzzFinding"/> for a broken invariant, is a finding.
/// The invariants: no exception escapes; a failed read or resolution has at least one error; every diagnostic has a
/// well-formed code and a message; a resolved config re-resolves from its own YAML and JSON output (explicit and all
/// verbosities) to the same fingerprint, and its provenance can be read.
/// </summary>
internal static class FuzzTargets
{
    private const string SourceName = "fuzz-input";

    /// <summary>A checkpoint directory per thread, where the Hugging Face target writes its <c>config.json</c>.</summary>
    private static readonly ThreadLocal<string> s_checkpoint = new(static () =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "strata-fuzz-" + Environment.ProcessId + "-" + Environment.CurrentManagedThreadId)).FullName);

    /// <summary>Runs one input; returns a small feature value (outcome and diagnostic codes) for the novelty search.</summary>
    public static ulong Run(FuzzTarget target, byte[] data) => target switch
    {
        FuzzTarget.Yaml => RunDocument(data, json: false),
        FuzzTarget.Json => RunDocument(data, json: true),
        FuzzTarget.Override => RunOverrides(data),
        FuzzTarget.HuggingFace => RunHuggingFace(data),
        FuzzTarget.Safetensors => RunSafetensors(data),
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    private static ulong RunDocument(byte[] data, bool json)
    {
        var text = Encoding.UTF8.GetString(data);
        var document = json ? JsonDocumentReader.Parse(text, SourceName) : YamlDocumentReader.Parse(text, SourceName);
        CheckDiagnostics(document.Diagnostics, expectFailure: document.Root is null);
        var feature = Features(1, document.Diagnostics);
        if (!document.Success)
        {
            return feature;
        }

        var resolver = new ConfigResolver<GPTTrainerConfig>();
        _ = json ? resolver.AddJson(text, SourceName) : resolver.AddYaml(text, SourceName);
        return feature ^ Resolve(resolver);
    }

    private static ulong RunOverrides(byte[] data)
    {
        var text = Encoding.UTF8.GetString(data);
        var arguments = text.Split('\n').Take(16).ToArray();
        ulong feature = 0;
        for (var i = 0; i < arguments.Length; i++)
        {
            if (OverrideParser.TryParse(arguments[i], i + 1, out var parsed, out var error))
            {
                if (parsed.Origin.Argument != i + 1)
                {
                    throw new FuzzFinding("override #" + (i + 1) + " parsed with the origin " + parsed.Origin);
                }
            }
            else
            {
                CheckDiagnostics([error], expectFailure: true);
                feature ^= Features(2, [error]);
            }
        }

        return feature ^ Resolve(new ConfigResolver<GPTTrainerConfig>().AddOverrides(arguments));
    }

    /// <summary>
    /// The input as a checkpoint's <c>config.json</c>: read by the built-in reader in the <c>auto</c> format and, when it
    /// reads, resolved as the pretrained checkpoint of a GPT model (the whole pipeline, with the round trips).
    /// </summary>
    private static ulong RunHuggingFace(byte[] data)
    {
        var directory = s_checkpoint.Value!;
        File.WriteAllBytes(Path.Combine(directory, "config.json"), data);
        var diagnostics = new List<Diagnostic>();
        var tree = CheckpointConfigReader.Default.ReadModelConfig(directory, "auto", diagnostics);
        CheckDiagnostics(diagnostics, expectFailure: tree is null);
        var feature = Features(4, diagnostics);
        if (tree is null)
        {
            return feature;
        }

        var resolver = new ConfigResolver<PretrainedGPTModelConfig>()
            .AddOverride("pretrained.path=\"" + directory + "\"")
            .AddOverride("pretrained.format=auto");
        return feature ^ Resolve(resolver);
    }

    /// <summary>The input as a checkpoint's <c>model.safetensors</c>: its header is read with the reader's bounds.</summary>
    private static ulong RunSafetensors(byte[] data)
    {
        var path = Path.Combine(s_checkpoint.Value!, "model.safetensors");
        File.WriteAllBytes(path, data);
        var diagnostics = new List<Diagnostic>();
        var file = Strata.Llm.Checkpoints.Safetensors.SafetensorsReader.Read(path, diagnostics);
        CheckDiagnostics(diagnostics, expectFailure: file is null);
        return Features(32, diagnostics);
    }

    /// <summary>Resolves, and checks that a resolved config survives its own outputs (R3, R4) and explains itself.</summary>
    private static ulong Resolve<T>(ConfigResolver<T> resolver)
        where T : ConfigObject, IConfig<T>
    {
        if (!resolver.TryResolve(out var resolved, out var diagnostics))
        {
            CheckDiagnostics(diagnostics, expectFailure: true);
            return Features(8, diagnostics);
        }

        CheckDiagnostics(diagnostics, expectFailure: false);
        _ = resolved.Explain();
        var fingerprint = resolved.Fingerprint;
        foreach (var verbosity in (ReadOnlySpan<Verbosity>)[Verbosity.Explicit, Verbosity.All])
        {
            Reresolve<T>(resolved.ToYaml(verbosity), json: false, fingerprint, verbosity);
            Reresolve<T>(resolved.ToJson(verbosity), json: true, fingerprint, verbosity);
        }

        return Features(16, diagnostics);
    }

    private static void Reresolve<T>(string text, bool json, string fingerprint, Verbosity verbosity)
        where T : ConfigObject, IConfig<T>
    {
        var resolver = new ConfigResolver<T>();
        _ = json ? resolver.AddJson(text, "saved") : resolver.AddYaml(text, "saved");
        var format = json ? "JSON" : "YAML";
        if (!resolver.TryResolve(out var again, out var diagnostics))
        {
            throw new FuzzFinding(
                "the " + format + " output (" + verbosity + ") of a resolved config does not resolve: "
                + string.Join(" | ", diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error).Take(3)) + "\n--- output ---\n" + text);
        }

        if (again.Fingerprint != fingerprint)
        {
            throw new FuzzFinding("the " + format + " output (" + verbosity + ") of a resolved config resolves to another fingerprint\n--- output ---\n" + text);
        }
    }

    private static void CheckDiagnostics(IReadOnlyList<Diagnostic> diagnostics, bool expectFailure)
    {
        if (expectFailure && !diagnostics.Any(static d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new FuzzFinding("failed without an error diagnostic: " + string.Join(" | ", diagnostics));
        }

        foreach (var d in diagnostics)
        {
            if (d.Code.Length != 7 || !d.Code.StartsWith("STR", StringComparison.Ordinal) || d.Code.AsSpan(3).ContainsAnyExceptInRange('0', '9'))
            {
                throw new FuzzFinding("malformed diagnostic code '" + d.Code + "': " + d);
            }

            if (string.IsNullOrWhiteSpace(d.Message))
            {
                throw new FuzzFinding("diagnostic without a message: " + d.Code);
            }

            // A message quotes at most a few inputs, each cut to MessageText.MaxShownLength characters: one longer than
            // the last guard of the printer (and its note of the length) echoes an input whole.
            if (d.Message.Length > MessageText.MaxMessageLength + 32)
            {
                throw new FuzzFinding("a diagnostic of " + d.Message.Length + " characters echoes its input: " + d);
            }

            if (d.Origin is { } origin && (origin.Line < 0 || origin.Column < 0))
            {
                throw new FuzzFinding("diagnostic with a negative place: " + d);
            }
        }
    }

    /// <summary>A feature value: the stage reached and the diagnostic codes seen (the novelty search keeps new ones).</summary>
    private static ulong Features(ulong stage, IReadOnlyList<Diagnostic> diagnostics)
    {
        var feature = stage * 0x9E3779B97F4A7C15UL;
        foreach (var d in diagnostics)
        {
            feature ^= ulong.Parse(d.Code.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture) * 0xBF58476D1CE4E5B9UL;
        }

        return feature;
    }
}
