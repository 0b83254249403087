using Strata.Llm.Models;
using Strata.Sources;
using Strata.Tree;

namespace Strata.Llm.Checkpoints.Safetensors;

/// <summary>
/// Checks the tensors of a Hugging Face checkpoint against a resolved GPT model config (DESIGN §6): the tensors the
/// config calls for, by their transformers names — <c>model.embed_tokens.weight</c> [vocab_size, hidden_size], the
/// attention projections <c>q_proj</c> [num_attention_heads × kv_channels, hidden_size], <c>k_proj</c> and <c>v_proj</c>
/// [head_groups × kv_channels, hidden_size], <c>o_proj</c>, the MLP (<c>gate_proj</c>/<c>up_proj</c>/<c>down_proj</c>
/// with ffn_hidden_size; Mixtral's experts <c>w1</c>/<c>w2</c>/<c>w3</c> and router; Starcoder2's <c>c_fc</c>/<c>c_proj</c>),
/// the biases that <c>add_linear_biases</c> asks for, the norms (with biases for layer norm), and <c>lm_head.weight</c>
/// when the embeddings are not tied — must each be there with that shape, and nothing else may be. Only headers are read.
/// </summary>
public static class WeightsShapeCheck
{
    /// <summary>The checkpoint formats whose tensor names are known: the Hugging Face formats other than <c>auto</c>.</summary>
    public static IReadOnlyList<string> Formats { get; } =
        [GPTCheckpointFormats.Llama, GPTCheckpointFormats.Mistral, GPTCheckpointFormats.Mixtral, GPTCheckpointFormats.Qwen2, GPTCheckpointFormats.Starcoder2, GPTCheckpointFormats.MtpLlama];

    /// <summary>
    /// The tensors that a model config calls for in a format, in the order transformers lists them. The sequence is
    /// made as it is read: a config of two billion layers costs only what the caller reads of it.
    /// </summary>
    /// <param name="model">The base model config, resolved.</param>
    /// <param name="format">One of <see cref="Formats"/>.</param>
    /// <exception cref="ArgumentException">The format has no known tensor names.</exception>
    public static IEnumerable<ExpectedTensor> ExpectedTensors(GPTBaseModelConfig model, string format)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Tensors(TensorLayout.For(model, KnownFormat(format)));
    }

    private static IEnumerable<ExpectedTensor> Tensors(TensorLayout layout)
    {
        foreach (var (tensor, _) in layout.Enumerate())
        {
            yield return tensor;
        }
    }

    /// <summary>Checks the tensors of a checkpoint directory against a model config.</summary>
    /// <param name="model">The base model config, resolved.</param>
    /// <param name="directory">The checkpoint directory.</param>
    /// <param name="format">One of <see cref="Formats"/>, or <c>auto</c> to take it from the <c>model_type</c> of the directory's <c>config.json</c>.</param>
    /// <param name="diagnostics">Receives each problem with its file and byte offset; past twenty of one kind, the rest are summed up in one.</param>
    /// <param name="maxHeaderLength">The largest safetensors header accepted, in bytes.</param>
    /// <param name="maxTensors">The most tensors accepted in the checkpoint.</param>
    /// <returns>Whether the weights were read and fit the config (no error was reported).</returns>
    public static bool Check(
        GPTBaseModelConfig model,
        string directory,
        string format,
        ICollection<Diagnostic> diagnostics,
        long maxHeaderLength = SafetensorsReader.DefaultMaxHeaderLength,
        int maxTensors = SafetensorsReader.DefaultMaxTensors)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var limit = DiagnosticLimit.Over(diagnostics);
        if (ResolveFormat(directory, format, limit) is { } naming && SafetensorsCheckpoint.Read(directory, limit, maxHeaderLength, maxTensors) is { } weights)
        {
            Compare(model, naming, weights).Report(limit);
        }

        limit.Complete();
        return limit.Errors.IsZero;
    }

    /// <summary>Checks the tensors of headers already read against a model config.</summary>
    /// <param name="model">The base model config, resolved.</param>
    /// <param name="format">One of <see cref="Formats"/>.</param>
    /// <param name="weights">The headers of the checkpoint.</param>
    /// <param name="diagnostics">Receives a diagnostic (<see cref="WeightsDiagnosticCodes.WeightsMismatch"/>) for each tensor that is missing, unexpected or of another shape; past twenty of one kind, the rest are summed up in one.</param>
    /// <returns>Whether every tensor fits (no error was reported by this check).</returns>
    public static bool Check(GPTBaseModelConfig model, string format, SafetensorsCheckpoint weights, ICollection<Diagnostic> diagnostics) =>
        Compare(model, format, weights).Report(diagnostics);

    /// <summary>
    /// Compares the tensors of a checkpoint with those a model config calls for, in time and memory bounded by the
    /// checkpoint: each tensor it holds is looked up by its name; of the expected tensors it lacks and of the tensors
    /// the config does not call for, the first twenty are listed and the others counted.
    /// </summary>
    /// <param name="model">The base model config, resolved.</param>
    /// <param name="format">One of <see cref="Formats"/>.</param>
    /// <param name="weights">The headers of the checkpoint.</param>
    /// <exception cref="ArgumentException">The format has no known tensor names.</exception>
    public static WeightsComparison Compare(GPTBaseModelConfig model, string format, SafetensorsCheckpoint weights)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(weights);
        var layout = TensorLayout.For(model, KnownFormat(format));
        var expected = new List<(TensorComparison Row, TensorLayout.Position Position)>();
        var unexpected = new FirstByName(Listed + 1);
        TensorComparison? tiedHead = null;
        foreach (var file in weights.Files)
        {
            foreach (var tensor in file.Tensors)
            {
                if (!ReferenceEquals(weights.Tensors[tensor.Name], tensor) || tensor.Name.EndsWith(RotaryBufferSuffix, StringComparison.Ordinal))
                {
                    continue; // a second tensor of that name (reported by the reader), or a buffer that is not a weight
                }

                if (layout.Find(tensor.Name) is { } hit)
                {
                    expected.Add((new TensorComparison(tensor.Name, tensor, hit.Tensor), hit.Position));
                }
                else if (tensor.Name == WeightsComparison.TiedHeadName && model.TieWordEmbeddings)
                {
                    tiedHead = new TensorComparison(tensor.Name, tensor, null);
                }
                else
                {
                    unexpected.Add(new TensorComparison(tensor.Name, tensor, null));
                }
            }
        }

        // The expected tensors in order, for as long as it takes to find the first missing ones: each one read is either
        // held by the checkpoint (counted above) or missing, so this reads at most the checkpoint's tensors and the list.
        var missing = layout.Count - expected.Count;
        var missingListed = 0;
        ExpectedTensor? firstMissingNotListed = null;
        if (missing > 0)
        {
            foreach (var (tensor, position) in layout.Enumerate())
            {
                if (weights.Tensors.ContainsKey(tensor.Name))
                {
                    continue;
                }

                if (missingListed == Listed)
                {
                    firstMissingNotListed = tensor;
                    break;
                }

                expected.Add((new TensorComparison(tensor.Name, null, tensor), position));
                missingListed++;
            }
        }

        expected.Sort(static (a, b) => a.Position.CompareTo(b.Position));
        var rows = new List<TensorComparison>(expected.Count + Listed + 1);
        foreach (var (row, _) in expected)
        {
            rows.Add(row);
        }

        // The tensors the config does not call for, by name; the output layer of tied embeddings among them (a warning).
        var firstUnexpected = unexpected.Sorted();
        var listedUnexpected = firstUnexpected.GetRange(0, Math.Min(firstUnexpected.Count, Listed));
        if (tiedHead is not null)
        {
            var at = listedUnexpected.FindIndex(r => string.CompareOrdinal(r.Name, tiedHead.Name) > 0);
            listedUnexpected.Insert(at < 0 ? listedUnexpected.Count : at, tiedHead);
        }

        rows.AddRange(listedUnexpected);
        return new WeightsComparison(
            weights.Directory,
            format,
            rows,
            (missing - missingListed, firstMissingNotListed),
            (unexpected.Count - Math.Min(unexpected.Count, Listed), firstUnexpected.Count > Listed ? firstUnexpected[Listed].Found : null));
    }

    /// <summary>The format whose names a directory's weights use: <paramref name="format"/>, or for <c>auto</c> the <c>model_type</c> of its <c>config.json</c>.</summary>
    /// <param name="directory">The checkpoint directory.</param>
    /// <param name="format">One of <see cref="Formats"/>, or <c>auto</c>.</param>
    /// <param name="diagnostics">Receives the reason when there is no such format.</param>
    /// <returns>One of <see cref="Formats"/>, or <see langword="null"/> (reported).</returns>
    public static string? ResolveFormat(string directory, string format, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (GPTCheckpointFormats.Contains(Formats, format))
        {
            return format;
        }

        if (format != GPTCheckpointFormats.Auto)
        {
            diagnostics.Add(new Diagnostic(
                DiagnosticSeverity.Error,
                DiagnosticCodes.CheckpointInvalid,
                string.Empty,
                null,
                "the weights check knows the tensor names of the Hugging Face formats (" + string.Join(", ", Formats) + ", or auto), not of '" + SafetensorsText.Excerpt(format) + "'"));
            return null;
        }

        var file = Path.Combine(directory, "config.json");
        if (!TryReadModelType(file, diagnostics, out var modelType))
        {
            return null;
        }

        if (modelType is not null && GPTCheckpointFormats.Contains(Formats, modelType))
        {
            return modelType;
        }

        diagnostics.Add(new Diagnostic(
            DiagnosticSeverity.Error,
            DiagnosticCodes.CheckpointInvalid,
            string.Empty,
            SafetensorsText.Place(file),
            (modelType is null ? "no model_type could be read" : "the model_type '" + SafetensorsText.Excerpt(modelType) + "' is not a known format")
            + "; the auto format takes the tensor names from it (known: " + string.Join(", ", Formats) + ")"));
        return null;
    }

    /// <summary>The missing tensors, and the tensors the config does not call for, that <see cref="Compare"/> lists; the others are counted.</summary>
    internal const int Listed = DiagnosticLimit.PerKind;

    /// <summary>Buffers some checkpoints hold that are not weights (transformers ignores them when loading).</summary>
    private const string RotaryBufferSuffix = ".rotary_emb.inv_freq";

    private static string KnownFormat(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (!GPTCheckpointFormats.Contains(Formats, format))
        {
            throw new ArgumentException("'" + SafetensorsText.Excerpt(format) + "' has no known tensor names; use one of " + string.Join(", ", Formats) + ".", nameof(format));
        }

        return format;
    }

    /// <summary>
    /// The <c>model_type</c> of a <c>config.json</c>, read by the bounded reader of every source (a FIFO, <c>/dev/zero</c>
    /// or a huge file is refused with its reason, which is the one error); <see langword="null"/> when there is no file
    /// or no such string.
    /// </summary>
    /// <returns>Whether the file, if any, could be read (the reason is reported otherwise).</returns>
    private static bool TryReadModelType(string file, ICollection<Diagnostic> diagnostics, out string? modelType)
    {
        modelType = null;
        if (!File.Exists(file))
        {
            return true;
        }

        var document = DocumentReader.Load(file, checkpoint: true);
        if (document.Root is null)
        {
            foreach (var diagnostic in document.Diagnostics)
            {
                diagnostics.Add(diagnostic);
            }

            return false;
        }

        if (document.Root is ConfigMap root && root.TryGetValue("model_type", out var type) && type is ConfigScalar { Style: ScalarStyle.Quoted, Value: { } name })
        {
            modelType = name;
        }

        return true;
    }

    /// <summary>The first rows by name of many, kept without sorting them all (a checkpoint may hold a million).</summary>
    private sealed class FirstByName(int capacity)
    {
        // The largest of the kept names on top: a smaller name replaces it.
        private readonly PriorityQueue<TensorComparison, string> _kept = new(Comparer<string>.Create(static (a, b) => string.CompareOrdinal(b, a)));

        public long Count { get; private set; }

        public void Add(TensorComparison row)
        {
            Count++;
            if (_kept.Count < capacity)
            {
                _kept.Enqueue(row, row.Name);
            }
            else if (_kept.TryPeek(out _, out var largest) && string.CompareOrdinal(row.Name, largest) < 0)
            {
                _kept.EnqueueDequeue(row, row.Name);
            }
        }

        public List<TensorComparison> Sorted()
        {
            var rows = new List<TensorComparison>(_kept.Count);
            foreach (var (row, _) in _kept.UnorderedItems)
            {
                rows.Add(row);
            }

            rows.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            return rows;
        }
    }
}
