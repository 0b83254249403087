using System.Text.Json;
using Strata.Llm.Models;

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
    /// <summary>Buffers some checkpoints hold that are not weights (transformers ignores them when loading).</summary>
    private const string RotaryBufferSuffix = ".rotary_emb.inv_freq";

    /// <summary>The checkpoint formats whose tensor names are known: the Hugging Face formats other than <c>auto</c>.</summary>
    public static IReadOnlyList<string> Formats { get; } =
        [GPTCheckpointFormats.Llama, GPTCheckpointFormats.Mistral, GPTCheckpointFormats.Mixtral, GPTCheckpointFormats.Qwen2, GPTCheckpointFormats.Starcoder2, GPTCheckpointFormats.MtpLlama];

    /// <summary>The tensors that a model config calls for in a format, in the order transformers lists them.</summary>
    /// <param name="model">The base model config, resolved.</param>
    /// <param name="format">One of <see cref="Formats"/>.</param>
    /// <exception cref="ArgumentException">The format has no known tensor names.</exception>
    public static IReadOnlyList<ExpectedTensor> ExpectedTensors(GPTBaseModelConfig model, string format)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(format);
        if (!Formats.Contains(format, StringComparer.Ordinal))
        {
            throw new ArgumentException("'" + format + "' has no known tensor names; use one of " + string.Join(", ", Formats) + ".", nameof(format));
        }

        var t = model.Transformer;
        var h = Dim(t.HiddenSize, "hidden_size");
        var v = Dim(model.VocabSize, "vocab_size");
        var tensors = new List<ExpectedTensor> { Tensor("model.embed_tokens.weight", v, h) };
        for (var layer = 0; layer < t.NumLayers; layer++)
        {
            AddLayer(tensors, "model.layers." + layer.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".", t, format);
        }

        if (format == GPTCheckpointFormats.MtpLlama)
        {
            // Fast-LLM's multi-token Llama: the first head's norm is mtp_norms.0, each further head a decoder layer
            // (mtp_heads.i) and its norm (mtp_norms.i+1).
            AddNorm(tensors, "model.mtp_norms.0", t);
            for (var head = 1; head < model.PredictionHeads; head++)
            {
                AddLayer(tensors, "model.mtp_heads." + (head - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".", t, format);
                AddNorm(tensors, "model.mtp_norms." + head.ToString(System.Globalization.CultureInfo.InvariantCulture), t);
            }
        }
        else
        {
            AddNorm(tensors, "model.norm", t);
        }

        if (!model.TieWordEmbeddings)
        {
            tensors.Add(Tensor("lm_head.weight", v, h));
        }

        return tensors;
    }

    /// <summary>Checks the tensors of a checkpoint directory against a model config.</summary>
    /// <param name="model">The base model config, resolved.</param>
    /// <param name="directory">The checkpoint directory.</param>
    /// <param name="format">One of <see cref="Formats"/>, or <c>auto</c> to take it from the <c>model_type</c> of the directory's <c>config.json</c>.</param>
    /// <param name="diagnostics">Receives each problem with its file and byte offset.</param>
    /// <param name="maxHeaderLength">The largest safetensors header accepted, in bytes.</param>
    /// <returns>Whether the weights were read and fit the config (no error was reported).</returns>
    public static bool Check(GPTBaseModelConfig model, string directory, string format, ICollection<Diagnostic> diagnostics, long maxHeaderLength = SafetensorsReader.DefaultMaxHeaderLength)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var errors = new ErrorCounter(diagnostics);
        if (NamingFormat(directory, format, errors) is not { } naming || SafetensorsCheckpoint.Read(directory, errors, maxHeaderLength) is not { } weights)
        {
            return false;
        }

        Check(model, naming, weights, errors);
        return errors.Errors == 0;
    }

    /// <summary>Checks the tensors of headers already read against a model config.</summary>
    /// <param name="model">The base model config, resolved.</param>
    /// <param name="format">One of <see cref="Formats"/>.</param>
    /// <param name="weights">The headers of the checkpoint.</param>
    /// <param name="diagnostics">Receives a diagnostic (<see cref="WeightsDiagnosticCodes.WeightsMismatch"/>) for each tensor that is missing, unexpected or of another shape.</param>
    /// <returns>Whether every tensor fits (no error was reported by this check).</returns>
    public static bool Check(GPTBaseModelConfig model, string format, SafetensorsCheckpoint weights, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var expected = ExpectedTensors(model, format);
        var errors = 0;
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tensor in expected)
        {
            wanted.Add(tensor.Name);
            if (!weights.Tensors.TryGetValue(tensor.Name, out var found))
            {
                errors++;
                diagnostics.Add(new Diagnostic(
                    DiagnosticSeverity.Error,
                    WeightsDiagnosticCodes.WeightsMismatch,
                    string.Empty,
                    SafetensorsText.Place(weights.Directory),
                    "tensor " + MessageText.Quoted(tensor.Name) + " " + tensor + " is missing"));
            }
            else if (!found.Shape.SequenceEqual(tensor.Shape))
            {
                errors++;
                diagnostics.Add(new Diagnostic(
                    DiagnosticSeverity.Error,
                    WeightsDiagnosticCodes.WeightsMismatch,
                    string.Empty,
                    SafetensorsText.Place(found.File),
                    SafetensorsText.At(found.Position) + "tensor " + MessageText.Quoted(tensor.Name) + " has the shape " + found.ShapeText + "; the config gives " + tensor));
            }
        }

        foreach (var tensor in weights.Tensors.Values.OrderBy(static t => t.Name, StringComparer.Ordinal))
        {
            if (wanted.Contains(tensor.Name) || tensor.Name.EndsWith(RotaryBufferSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            var tiedHead = tensor.Name == "lm_head.weight" && model.TieWordEmbeddings;
            errors += tiedHead ? 0 : 1;
            diagnostics.Add(new Diagnostic(
                tiedHead ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
                WeightsDiagnosticCodes.WeightsMismatch,
                string.Empty,
                SafetensorsText.Place(tensor.File),
                SafetensorsText.At(tensor.Position) + "tensor " + MessageText.Quoted(tensor.Name) + " " + tensor.ShapeText
                + (tiedHead
                    ? " is there although tie_word_embeddings is true: the output layer is the embeddings, so it is not loaded"
                    : " is not a weight of this config (" + format + " names)")));
        }

        return errors == 0;
    }

    /// <summary>The format whose names a directory's weights use: <paramref name="format"/>, or for <c>auto</c> the <c>model_type</c> of its <c>config.json</c>.</summary>
    internal static string? NamingFormat(string directory, string format, ICollection<Diagnostic> diagnostics)
    {
        if (Formats.Contains(format, StringComparer.Ordinal))
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
                "the weights check knows the tensor names of the Hugging Face formats (" + string.Join(", ", Formats) + ", or auto), not of " + MessageText.Quoted(format)));
            return null;
        }

        var file = Path.Combine(directory, "config.json");
        var modelType = ReadModelType(file);
        if (modelType is not null && Formats.Contains(modelType, StringComparer.Ordinal))
        {
            return modelType;
        }

        diagnostics.Add(new Diagnostic(
            DiagnosticSeverity.Error,
            DiagnosticCodes.CheckpointInvalid,
            string.Empty,
            SafetensorsText.Place(file),
            (modelType is null ? "no model_type could be read" : "the model_type " + MessageText.Quoted(modelType) + " is not a known format")
            + "; the auto format takes the tensor names from it (known: " + string.Join(", ", Formats) + ")"));
        return null;
    }

    private static string? ReadModelType(string file)
    {
        try
        {
            if (!File.Exists(file) || new FileInfo(file).Length > 16 * 1024 * 1024)
            {
                return null;
            }

            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("model_type", out var type)
                && type.ValueKind == JsonValueKind.String
                ? type.GetString()
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    private static void AddLayer(List<ExpectedTensor> tensors, string prefix, TransformerConfig t, string format)
    {
        var h = Dim(t.HiddenSize, "hidden_size");
        var q = Dim((long)t.NumAttentionHeads * t.KvChannels, "num_attention_heads × kv_channels");
        var kv = Dim((long)t.HeadGroups * t.KvChannels, "head_groups × kv_channels");
        var f = Dim(t.FfnHiddenSize, "ffn_hidden_size");
        var biases = t.AddLinearBiases;
        var attention = prefix + "self_attn.";
        tensors.Add(Tensor(attention + "q_proj.weight", q, h));
        AddIf(tensors, biases.AddAttentionQkvBias, attention + "q_proj.bias", q);
        tensors.Add(Tensor(attention + "k_proj.weight", kv, h));
        AddIf(tensors, biases.AddAttentionQkvBias, attention + "k_proj.bias", kv);
        tensors.Add(Tensor(attention + "v_proj.weight", kv, h));
        AddIf(tensors, biases.AddAttentionQkvBias, attention + "v_proj.bias", kv);
        tensors.Add(Tensor(attention + "o_proj.weight", h, q));
        AddIf(tensors, biases.AddAttentionDenseBias, attention + "o_proj.bias", h);

        if (format == GPTCheckpointFormats.Mixtral || t.NumExperts > 1)
        {
            var moe = prefix + "block_sparse_moe.";
            tensors.Add(Tensor(moe + "gate.weight", Dim(t.NumExperts, "num_experts"), h));
            for (var expert = 0; expert < t.NumExperts; expert++)
            {
                var e = moe + "experts." + expert.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".";
                tensors.Add(Tensor(e + "w1.weight", f, h));
                tensors.Add(Tensor(e + "w2.weight", h, f));
                tensors.Add(Tensor(e + "w3.weight", f, h));
            }
        }
        else if (format == GPTCheckpointFormats.Starcoder2)
        {
            tensors.Add(Tensor(prefix + "mlp.c_fc.weight", f, h));
            AddIf(tensors, biases.AddMlpBias, prefix + "mlp.c_fc.bias", f);
            tensors.Add(Tensor(prefix + "mlp.c_proj.weight", h, f));
            AddIf(tensors, biases.AddMlpBias, prefix + "mlp.c_proj.bias", h);
        }
        else
        {
            if (t.Gated)
            {
                tensors.Add(Tensor(prefix + "mlp.gate_proj.weight", f, h));
                AddIf(tensors, biases.AddMlpBias, prefix + "mlp.gate_proj.bias", f);
            }

            tensors.Add(Tensor(prefix + "mlp.up_proj.weight", f, h));
            AddIf(tensors, biases.AddMlpBias, prefix + "mlp.up_proj.bias", f);
            tensors.Add(Tensor(prefix + "mlp.down_proj.weight", h, f));
            AddIf(tensors, biases.AddMlpBias, prefix + "mlp.down_proj.bias", h);
        }

        AddNorm(tensors, prefix + "input_layernorm", t);
        AddNorm(tensors, prefix + "post_attention_layernorm", t);
    }

    /// <summary>A norm's weight, and its bias for layer norm.</summary>
    private static void AddNorm(List<ExpectedTensor> tensors, string prefix, TransformerConfig t)
    {
        var h = Dim(t.HiddenSize, "hidden_size");
        tensors.Add(Tensor(prefix + ".weight", h));
        AddIf(tensors, t.Normalization.Type == NormalizationType.LayerNorm, prefix + ".bias", h);
    }

    private static void AddIf(List<ExpectedTensor> tensors, bool condition, string name, (long Size, string Name) dimension)
    {
        if (condition)
        {
            tensors.Add(Tensor(name, dimension));
        }
    }

    private static (long Size, string Name) Dim(long size, string name) => (size, name);

    private static ExpectedTensor Tensor(string name, params (long Size, string Name)[] dimensions) =>
        new(name, [.. dimensions.Select(static d => d.Size)], [.. dimensions.Select(static d => d.Name)]);

    /// <summary>Passes diagnostics on and counts the errors among them.</summary>
    private sealed class ErrorCounter(ICollection<Diagnostic> inner) : ICollection<Diagnostic>
    {
        public int Errors { get; private set; }

        public int Count => inner.Count;

        public bool IsReadOnly => false;

        public void Add(Diagnostic item)
        {
            Errors += item.Severity == DiagnosticSeverity.Error ? 1 : 0;
            inner.Add(item);
        }

        public void Clear() => inner.Clear();

        public bool Contains(Diagnostic item) => inner.Contains(item);

        public void CopyTo(Diagnostic[] array, int arrayIndex) => inner.CopyTo(array, arrayIndex);

        public bool Remove(Diagnostic item) => inner.Remove(item);

        public IEnumerator<Diagnostic> GetEnumerator() => inner.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
