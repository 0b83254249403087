using System.Text;
using System.Text.RegularExpressions;
using Strata.Hosting;
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
internal static partial class FuzzTargets
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
        FuzzTarget.ResponseFile => RunResponseFile(data),
        FuzzTarget.Environment => RunEnvironment(data),
        FuzzTarget.Sweep => RunSweep(data),
        FuzzTarget.Completion => RunCompletion(data),
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    private static ulong RunDocument(byte[] data, bool json)
    {
        var text = Encoding.UTF8.GetString(data);
        var document = json ? JsonDocumentReader.Parse(text, SourceName) : YamlDocumentReader.Parse(text, SourceName);
        CheckDiagnostics(document.Diagnostics, expectFailure: document.Root is null);
        if (!json)
        {
            CheckFastPath("the document", Describe(document.Root, document.Diagnostics), Describe(YamlDocumentReader.ParseWithYamlDotNet(text, SourceName)));
        }

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
            CheckIntegerRead(arguments[i][(arguments[i].IndexOf('=', StringComparison.Ordinal) + 1)..]);
            _ = OverrideParser.TryParse(arguments[i], i + 1, null, SourceLimits.Default, out var slow, out var slowError, fastPaths: false);
            var reference = Describe(slow?.Value, slowError is null ? [] : [slowError]);
            if (OverrideParser.TryParse(arguments[i], i + 1, out var parsed, out var error))
            {
                CheckFastPath("override #" + (i + 1), Describe(parsed.Value, []), reference);
                if (parsed.Origin.Argument != i + 1)
                {
                    throw new FuzzFinding("override #" + (i + 1) + " parsed with the origin " + parsed.Origin);
                }
            }
            else
            {
                CheckFastPath("override #" + (i + 1), Describe(null, [error]), reference);
                CheckDiagnostics([error], expectFailure: true);
                feature ^= Features(2, [error]);
            }
        }

        return feature ^ Resolve(new ConfigResolver<GPTTrainerConfig>().AddOverrides(arguments));
    }

    /// <summary>
    /// The sweep grammar: a sweep is made or refused with errors; one that is made has between 1 and
    /// <see cref="Resolution.SweepGrid.MaxPoints"/> points, its values have no top-level comma of their own, and its
    /// first and last points resolve or fail with well-formed errors.
    /// </summary>
    private static ulong RunSweep(byte[] data)
    {
        var text = Encoding.UTF8.GetString(data);
        var arguments = text.Split('\n').Take(16).ToArray();
        ConfigSweep<GPTTrainerConfig> sweep;
        try
        {
            sweep = new ConfigResolver<GPTTrainerConfig>().Sweep(arguments, zip: data.Length > 0 && (data[0] & 1) == 1);
        }
        catch (ConfigException e)
        {
            CheckDiagnostics(e.Diagnostics, expectFailure: true);
            return Features(3, e.Diagnostics);
        }

        if (sweep.Count < 1 || sweep.Count > Resolution.SweepGrid.MaxPoints)
        {
            throw new FuzzFinding("a sweep of " + sweep.Count + " points");
        }

        ulong feature = 0;
        foreach (var index in (ReadOnlySpan<int>)[0, sweep.Count - 1])
        {
            var point = sweep[index];
            foreach (var (path, value) in point.Values)
            {
                if (Resolution.SweepGrid.TopLevelCommas(value, 1).Count > 0)
                {
                    throw new FuzzFinding("point " + index + ": the value of " + path + " has a top-level comma: " + value);
                }
            }

            if (!point.TryResolve(out _, out var diagnostics))
            {
                CheckDiagnostics(diagnostics, expectFailure: true);
            }

            feature ^= Features(4, diagnostics);
        }

        return feature;
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

    /// <summary>
    /// The input as a checkpoint's <c>model.safetensors</c>: its header is read with the reader's bounds and, when it
    /// reads, checked against a small model and a model of two billion layers. The invariants: the check reports no
    /// more than twenty diagnostics of a kind and its summaries, and lists no more rows than the checkpoint holds tensors
    /// plus the twenty missing and twenty unexpected ones it names.
    /// </summary>
    private static ulong RunSafetensors(byte[] data)
    {
        var directory = s_checkpoint.Value!;
        File.WriteAllBytes(Path.Combine(directory, "model.safetensors"), data);
        var diagnostics = new List<Diagnostic>();
        var file = Strata.Llm.Checkpoints.Safetensors.SafetensorsReader.Read(Path.Combine(directory, "model.safetensors"), diagnostics);
        CheckDiagnostics(diagnostics, expectFailure: file is null);
        var feature = Features(32, diagnostics);
        if (file is null || Strata.Llm.Checkpoints.Safetensors.SafetensorsCheckpoint.Read(directory, []) is not { } weights)
        {
            return feature;
        }

        foreach (var model in s_weightsModels.Value!)
        {
            var comparison = Strata.Llm.Checkpoints.Safetensors.WeightsShapeCheck.Compare(model, "llama", weights);
            var found = new List<Diagnostic>();
            comparison.Report(found);
            CheckDiagnostics(found, expectFailure: false);
            if (comparison.Rows.Count > weights.Tensors.Count + 41)
            {
                throw new FuzzFinding("the weights check lists " + comparison.Rows.Count + " rows for " + weights.Tensors.Count + " tensors");
            }

            if (found.Count > (2 * 21) + weights.Tensors.Count)
            {
                throw new FuzzFinding("the weights check reports " + found.Count + " diagnostics for " + weights.Tensors.Count + " tensors");
            }

            feature ^= Features(64, found);
        }

        return feature;
    }

    /// <summary>The models the weights are checked against: a small Llama, and the same with two billion layers.</summary>
    private static readonly ThreadLocal<Strata.Llm.Models.GPTBaseModelConfig[]> s_weightsModels = new(static () =>
    [
        WeightsModel(2),
        WeightsModel(2_000_000_000),
    ]);

    private static Strata.Llm.Models.GPTBaseModelConfig WeightsModel(int layers) =>
        new ConfigResolver<PretrainedGPTModelConfig>(new ResolveOptions { Environment = new Dictionary<string, string?>() })
            .AddOverrides([
                "model.base_model.vocab_size=64",
                "model.base_model.tie_word_embeddings=false",
                "model.base_model.transformer.hidden_size=16",
                "model.base_model.transformer.num_attention_heads=2",
                "model.base_model.transformer.head_groups=1",
                "model.base_model.transformer.ffn_hidden_size=32",
                "model.base_model.transformer.gated=true",
                "model.base_model.transformer.add_linear_biases=false",
                "model.base_model.transformer.normalization.type=rms_norm",
                "model.base_model.transformer.num_layers=" + layers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ])
            .Resolve().Config.Model.BaseModel;

    /// <summary>The launcher's variables, in this order, take the input's lines as their values.</summary>
    private static readonly string[] s_launcherVariables = ["WORLD_SIZE", "RANK", "LOCAL_WORLD_SIZE", "LOCAL_RANK"];

    /// <summary>
    /// The input's lines as the values of the launcher's variables, then a GPT trainer resolved in that environment. The
    /// invariant: a value that cannot be read is one error at its place (<c>env NAME</c>), never a second one for the
    /// same reading (the rules of the config may still each report a value that was read).
    /// </summary>
    private static ulong RunEnvironment(byte[] data)
    {
        var lines = Encoding.UTF8.GetString(data).Split('\n');
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < s_launcherVariables.Length && i < lines.Length; i++)
        {
            environment[s_launcherVariables[i]] = lines[i];
        }

        var options = new ResolveOptions { Environment = environment };
        new ConfigResolver<GPTTrainerConfig>(options).TryResolve(out _, out var diagnostics);
        foreach (var name in s_launcherVariables)
        {
            var place = "env " + name;
            var reported = diagnostics.Count(d => d.Origin?.ToString() == place
                && d.Code is DiagnosticCodes.TypeMismatch or DiagnosticCodes.NumberOutOfRange or DiagnosticCodes.EnvironmentValue);
            if (reported > 1)
            {
                throw new FuzzFinding(name + " is reported " + reported + " times: " + string.Join(" | ", diagnostics));
            }
        }

        return Features(128, diagnostics) ^ Resolve(new ConfigResolver<GPTTrainerConfig>(options), options);
    }

    /// <summary>
    /// The input as a response file of <c>validate gpt-trainer @FILE</c> and of <c>diff gpt-trainer @FILE</c> (whose
    /// arguments split at <c>--left</c> and <c>--right</c> into two sides), run by a host with the GPT trainer kind. The
    /// invariants: the exit code is one of the contract's; no stack trace; a failure says why (a diagnostic for 1, a usage
    /// line for 2) and a success has no error; every diagnostic placed in the file names one of its lines.
    /// </summary>
    private static ulong RunResponseFile(byte[] data)
    {
        var path = Path.Combine(s_checkpoint.Value!, "args.rsp");
        File.WriteAllBytes(path, data);
        return RunResponseFile(data, path, "validate") ^ (RunResponseFile(data, path, "diff") * 0xD6E8FEB86659FD93UL);
    }

    private static ulong RunResponseFile(byte[] data, string path, string verb)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var host = new ConfigHost("fuzz") { Environment = new Dictionary<string, string?>() }
            .AddKind<GPTTrainerConfig>("gpt-trainer", "A GPT training run.");
        var code = host.RunAsync([verb, "gpt-trainer", "@" + path], output, error).GetAwaiter().GetResult();
        var text = error.ToString();
        if (code is < 0 or > 2)
        {
            throw new FuzzFinding("exit code " + code + "\n" + text);
        }

        if (text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Exception", StringComparison.Ordinal))
        {
            throw new FuzzFinding("a stack trace or an exception name on the error stream:\n" + text);
        }

        var lines = text.Split('\n');
        var failed = code switch
        {
            0 => lines.Any(static l => l.Contains(": error ", StringComparison.Ordinal) || l.StartsWith("fuzz: error: ", StringComparison.Ordinal)),
            // diff --exit-code exits with 1 for configs that differ, which it lists.
            1 => !lines.Any(static l => l.Contains("error STR", StringComparison.Ordinal))
                && !(verb == "diff" && output.ToString() is { Length: > 0 } listed && listed != "no differences\n"),
            _ => !lines[0].StartsWith("fuzz: error: ", StringComparison.Ordinal),
        };
        if (failed)
        {
            throw new FuzzFinding("exit code " + code + " does not match the error stream:\n" + text);
        }

        var lineCount = data.Count(static b => b == (byte)'\n') + data.Count(static b => b == (byte)'\r') + 1;
        ulong feature = (ulong)(code + 1) * 0x94D049BB133111EBUL;
        foreach (var line in lines)
        {
            if (line.StartsWith(path + ":", StringComparison.Ordinal) || line.StartsWith("fuzz: error: " + path + ":", StringComparison.Ordinal))
            {
                // The file as a whole (path: ...) or one of its lines (path:LINE: or path:LINE:COLUMN: ...).
                var place = PlacedLine().Match(line[(line.IndexOf(path, StringComparison.Ordinal) + path.Length)..]);
                if (place.Success && (!int.TryParse(place.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture, out var number) || number < 1 || number > lineCount))
                {
                    throw new FuzzFinding("a diagnostic placed outside the file's " + lineCount + " lines: " + line);
                }
            }

            foreach (Match match in DiagnosticCode().Matches(line))
            {
                feature ^= ulong.Parse(match.ValueSpan[3..], System.Globalization.CultureInfo.InvariantCulture) * 0xBF58476D1CE4E5B9UL;
            }
        }

        return feature;
    }

    /// <summary>
    /// A completion request as the shells' scripts send it (<c>[suggest:N] "LINE"</c>), through a host: the line is the
    /// bytes up to the first newline, the cursor at its end, and then at a position the next byte chooses (within the
    /// line, or past its end). Each exits with 0 (the candidates, one a line, each a single line of bounded length without a control or format character) or 2
    /// (a usage error), never with a stack trace; the runner's threshold bounds its time.
    /// </summary>
    private static ulong RunCompletion(byte[] data)
    {
        var text = Encoding.UTF8.GetString(data);
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var line = newline < 0 ? text : text[..newline];
        var chooser = newline >= 0 && newline + 1 < text.Length ? text[newline + 1] : '\0';
        return RunCompletion(line, line.Length) ^ (RunCompletion(line, chooser % (line.Length + 3)) * 0xD6E8FEB86659FD93UL);
    }

    private static ulong RunCompletion(string line, int position)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var host = new ConfigHost("fuzz") { Environment = new Dictionary<string, string?>() }
            .AddKind<GPTTrainerConfig>("gpt-trainer", "A GPT training run.");
        var code = host.RunAsync(["[suggest:" + position.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", line], output, error).GetAwaiter().GetResult();
        var errors = error.ToString();
        if (code is not (0 or 2))
        {
            throw new FuzzFinding("a completion request exited with " + code + "\n" + errors);
        }

        if (errors.Contains("   at ", StringComparison.Ordinal) || errors.Contains("Exception", StringComparison.Ordinal))
        {
            throw new FuzzFinding("a stack trace or an exception name on the error stream:\n" + errors);
        }

        if (code == 2 && !errors.StartsWith("fuzz: error: ", StringComparison.Ordinal))
        {
            throw new FuzzFinding("a usage error without its line:\n" + errors);
        }

        var candidates = output.ToString();
        ulong feature = (ulong)(code + 1) * 0x94D049BB133111EBUL;
        foreach (var candidate in candidates.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (candidate.Length > 4 * 1024 || candidate.Contains('\r', StringComparison.Ordinal))
            {
                throw new FuzzFinding("a candidate that is not one bounded line: " + MessageText.Bounded(candidate));
            }

            if (MessageText.HasControl(candidate))
            {
                throw new FuzzFinding("a candidate with a control or format character, which the shell would print raw: " + MessageText.Bounded(candidate));
            }

            feature = (feature * 31) + (ulong)candidate.Length;
        }

        return feature;
    }

    [GeneratedRegex(@"^:(\d+)(:\d+)?: ")]
    private static partial Regex PlacedLine();

    [GeneratedRegex(@"STR\d{4}")]
    private static partial Regex DiagnosticCode();

    /// <summary>Resolves, and checks that a resolved config survives its own outputs (R3, R4) and explains itself.</summary>
    private static ulong Resolve<T>(ConfigResolver<T> resolver, ResolveOptions? options = null)
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
            Reresolve<T>(resolved.ToYaml(verbosity), json: false, fingerprint, verbosity, options);
            Reresolve<T>(resolved.ToJson(verbosity), json: true, fingerprint, verbosity, options);
        }

        return Features(16, diagnostics);
    }

    /// <summary>Resolves a saved config again, in the environment of the first resolution (values from it are never saved).</summary>
    private static void Reresolve<T>(string text, bool json, string fingerprint, Verbosity verbosity, ResolveOptions? options)
        where T : ConfigObject, IConfig<T>
    {
        var resolver = options is null ? new ConfigResolver<T>() : new ConfigResolver<T>(options);
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

    /// <summary>
    /// The fast paths (the fast YAML reader, the plain override values) are invisible: what they read is what YamlDotNet
    /// reads, node for node with every origin, and what they give up on gets YamlDotNet's diagnostics.
    /// </summary>
    /// <summary>
    /// The one read of a short integer (from the characters, separators included) reads what the long path reads, and
    /// whatever the long path reads as at most 18 decimal digits it reads too (h6-defects: 100_000 read once).
    /// </summary>
    private static void CheckIntegerRead(string value)
    {
        var isShort = Strata.Schema.ScalarText.TryParseShortDecimal(value, out var small);
        var isInteger = Strata.Schema.ScalarText.TryParseInteger(value, out var big);
        var digits = value.Count(char.IsAsciiDigit);
        var shouldBeShort = isInteger && Strata.Schema.ScalarText.TryMeasureInteger(value, out var shape) && shape.Radix == 10 && digits <= 18;
        if (isShort != shouldBeShort || (isShort && big != small))
        {
            throw new FuzzFinding("the integer " + Strata.MessageText.Quoted(value) + " reads otherwise on the short path: " + (isShort ? small.ToString(System.Globalization.CultureInfo.InvariantCulture) : "refused") + ", long path " + (isInteger ? big.ToString(System.Globalization.CultureInfo.InvariantCulture) : "refused"));
        }
    }

    private static void CheckFastPath(string what, string fast, string reference)
    {
        if (fast != reference)
        {
            throw new FuzzFinding(what + " reads otherwise on the fast path:\n  fast:       " + fast + "\n  YamlDotNet: " + reference);
        }
    }

    private static string Describe(SourceDocument document) => Describe(document.Root, document.Diagnostics);

    private static string Describe(Strata.Tree.ConfigNode? root, IReadOnlyList<Diagnostic> diagnostics) =>
        Describe(root) + " " + string.Join(" | ", diagnostics.Select(static d => d.Code + " " + d.Path + " " + Describe(d.Origin) + " " + d.Message));

    private static string Describe(Strata.Tree.ConfigNode? node) => node switch
    {
        null => "none",
        Strata.Tree.ConfigScalar s => (s.Value is null ? "null" : "'" + s.Value + "'") + "/" + s.Style + "@" + Describe(s.Origin),
        Strata.Tree.ConfigSequence q => "[" + string.Join(", ", q.Items.Select(Describe)) + "]@" + Describe(q.Origin),
        Strata.Tree.ConfigMap m => "{" + string.Join(", ", m.Entries.Select(static e => e.Key + "@" + Describe(e.KeyOrigin) + ": " + Describe(e.Value))) + "}@" + Describe(m.Origin),
        _ => node.GetType().Name,
    };

    private static string Describe(Origin? origin) =>
        origin is null ? "-" : string.Join(':', origin.KindName, origin.Source, origin.Line, origin.Column, origin.Argument);

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
