using System.Text.Json;
using Strata.Sources;

namespace Strata.Llm.Checkpoints.Safetensors;

/// <summary>
/// The safetensors headers of a checkpoint directory: the shards that <c>model.safetensors.index.json</c> lists when
/// there is one (checked against its <c>weight_map</c>), otherwise every <c>*.safetensors</c> file. Only headers are
/// read, never the data.
/// </summary>
public sealed class SafetensorsCheckpoint
{
    /// <summary>The name of the shard index that Hugging Face writes next to sharded weights.</summary>
    public const string IndexFileName = "model.safetensors.index.json";

    private SafetensorsCheckpoint(string directory, IReadOnlyList<SafetensorsFile> files, IReadOnlyDictionary<string, SafetensorsTensor> tensors)
    {
        Directory = directory;
        Files = files;
        Tensors = tensors;
    }

    /// <summary>The checkpoint directory, as given.</summary>
    public string Directory { get; }

    /// <summary>The headers that could be read, in file-name order.</summary>
    public IReadOnlyList<SafetensorsFile> Files { get; }

    /// <summary>Every tensor of every file, by name.</summary>
    public IReadOnlyDictionary<string, SafetensorsTensor> Tensors { get; }

    /// <summary>Reads the headers of the safetensors files of a checkpoint directory.</summary>
    /// <param name="directory">The checkpoint directory.</param>
    /// <param name="diagnostics">Receives the problems, each with its file and byte offset (past twenty of one kind, summed up in one).</param>
    /// <param name="maxHeaderLength">The largest header accepted, in bytes.</param>
    /// <param name="maxTensors">The most tensors accepted in the whole checkpoint (and entries in its shard index).</param>
    /// <returns>
    /// The headers read (possibly none), or <see langword="null"/> when the directory has no weights at all, its shard
    /// index cannot be read, or it holds more than <paramref name="maxTensors"/> tensors.
    /// </returns>
    public static SafetensorsCheckpoint? Read(
        string directory,
        ICollection<Diagnostic> diagnostics,
        long maxHeaderLength = SafetensorsReader.DefaultMaxHeaderLength,
        int maxTensors = SafetensorsReader.DefaultMaxTensors)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var limit = DiagnosticLimit.Over(diagnostics);
        var checkpoint = Read(directory, limit, maxHeaderLength, maxTensors);
        limit.Complete();
        return checkpoint;
    }

    /// <summary>Reads the headers, reporting through a limit that the caller completes.</summary>
    internal static SafetensorsCheckpoint? Read(string directory, DiagnosticLimit diagnostics, long maxHeaderLength, int maxTensors)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!System.IO.Directory.Exists(directory))
        {
            diagnostics.Add(new Diagnostic(
                DiagnosticSeverity.Error,
                DiagnosticCodes.CheckpointInvalid,
                string.Empty,
                null,
                File.Exists(directory) ? "the weights path " + MessageText.Quoted(directory) + " is a file; a checkpoint is a directory" : "the weights directory " + MessageText.Quoted(directory) + " does not exist"));
            return null;
        }

        var index = Path.Combine(directory, IndexFileName);
        Dictionary<string, (string File, long Position)>? weightMap = null;
        List<string> names;
        if (File.Exists(index))
        {
            weightMap = ReadIndex(index, diagnostics, maxHeaderLength, maxTensors);
            if (weightMap is null)
            {
                return null;
            }

            var distinct = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (file, _) in weightMap.Values)
            {
                distinct.Add(file);
            }

            names = [.. distinct];
        }
        else
        {
            names = [];
            foreach (var path in System.IO.Directory.EnumerateFiles(directory, "*.safetensors", SearchOption.TopDirectoryOnly))
            {
                names.Add(Path.GetFileName(path));
            }
        }

        names.Sort(StringComparer.Ordinal);

        if (names.Count == 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.CheckpointInvalid, string.Empty, null, "the directory " + MessageText.Quoted(directory) + " has no safetensors file"));
            return null;
        }

        var files = new List<SafetensorsFile>();
        var tensors = new Dictionary<string, SafetensorsTensor>(StringComparer.Ordinal);
        var read = 0;
        foreach (var name in names)
        {
            var file = SafetensorsReader.Read(Path.Combine(directory, name), diagnostics, maxHeaderLength, maxTensors, read, out var overLimit);
            if (overLimit)
            {
                // The checkpoint is past the limit as a whole: checking part of it would only report the rest as missing.
                return null;
            }

            if (file is null)
            {
                continue;
            }

            files.Add(file);
            read += file.Tensors.Count;
            foreach (var tensor in file.Tensors)
            {
                if (tensors.TryGetValue(tensor.Name, out var other))
                {
                    SafetensorsReader.Invalid(diagnostics, file.Path, tensor.Position, SafetensorsText.Tensor(tensor.Name) + " is also in " + Path.GetFileName(other.File));
                }
                else
                {
                    tensors.Add(tensor.Name, tensor);
                }
            }
        }

        if (weightMap is not null)
        {
            CheckIndex(index, weightMap, files, tensors, directory, diagnostics);
        }

        return new SafetensorsCheckpoint(directory, files, tensors);
    }

    /// <summary>Reads the <c>weight_map</c> of the shard index: tensor name → shard file name (a plain name in the directory).</summary>
    private static Dictionary<string, (string File, long Position)>? ReadIndex(string path, DiagnosticLimit diagnostics, long maxLength, int maxEntries)
    {
        // The bounded reader of every source checks the size before and while reading (a large file, a FIFO, /dev/zero or
        // a file that grows is never read past the limit or for ever) and says why a file cannot be read.
        if (!DocumentReader.TryReadBytes(path, diagnostics, out var content, checkpoint: true, new SourceLimits { MaxFileBytes = maxLength }))
        {
            return null;
        }

        var bytes = content.Span;
        var map = new Dictionary<string, (string File, long Position)>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 64 });
        var found = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                SafetensorsReader.Invalid(diagnostics, path, reader.TokenStartIndex, "the shard index is not a JSON object");
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString();
                reader.Read();
                if (key != "weight_map")
                {
                    reader.Skip();
                    continue;
                }

                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    SafetensorsReader.Invalid(diagnostics, path, reader.TokenStartIndex, "'weight_map' must be an object of tensor names to file names");
                    return null;
                }

                found = true;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var position = reader.TokenStartIndex;
                    var tensor = reader.GetString() ?? string.Empty;
                    reader.Read();
                    var file = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    if (file is null || file.Length == 0 || file != Path.GetFileName(file) || file is "." or "..")
                    {
                        SafetensorsReader.Invalid(diagnostics, path, position, "'weight_map' entry '" + SafetensorsText.Excerpt(tensor) + "' must name a file of the checkpoint directory");
                        reader.Skip();
                        continue;
                    }

                    if (map.Count == maxEntries)
                    {
                        SafetensorsReader.Invalid(diagnostics, path, position, "'weight_map' has more than " + SafetensorsText.Number(maxEntries) + " tensors, the limit of a checkpoint");
                        return null;
                    }

                    if (!map.TryAdd(tensor, (file, position)))
                    {
                        SafetensorsReader.Invalid(diagnostics, path, position, "'weight_map' has the " + SafetensorsText.Tensor(tensor) + " twice");
                    }
                }
            }

            reader.Read();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            var position = e is JsonException json ? SafetensorsText.ErrorIndex(bytes, json) : reader.TokenStartIndex;
            SafetensorsReader.Invalid(diagnostics, path, position, MessageText.OfLibrary("the shard index is not valid JSON: " + SafetensorsText.FirstSentence(e.Message)));
            return null;
        }

        if (!found)
        {
            SafetensorsReader.Invalid(diagnostics, path, 0, "the shard index has no 'weight_map'");
            return null;
        }

        return map;
    }

    /// <summary>Each tensor of the index must be in the shard it names, and each tensor of a shard must be in the index.</summary>
    private static void CheckIndex(
        string index,
        Dictionary<string, (string File, long Position)> weightMap,
        List<SafetensorsFile> files,
        Dictionary<string, SafetensorsTensor> tensors,
        string directory,
        ICollection<Diagnostic> diagnostics)
    {
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            read.Add(Path.GetFileName(f.Path));
        }

        var mapped = new List<string>(weightMap.Keys);
        mapped.Sort(StringComparer.Ordinal);
        foreach (var name in mapped)
        {
            var (file, position) = weightMap[name];
            if (!read.Contains(file))
            {
                continue; // the shard itself was reported
            }

            if (!tensors.TryGetValue(name, out var tensor))
            {
                SafetensorsReader.Invalid(diagnostics, index, position, "the index puts " + SafetensorsText.Tensor(name) + " in " + SafetensorsText.Excerpt(file) + ", which does not hold it");
            }
            else if (Path.GetFileName(tensor.File) != file)
            {
                SafetensorsReader.Invalid(diagnostics, index, position, "the index puts " + SafetensorsText.Tensor(name) + " in " + SafetensorsText.Excerpt(file) + ", but it is in " + Path.GetFileName(tensor.File));
            }
        }

        var held = new List<SafetensorsTensor>(tensors.Values);
        held.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var tensor in held)
        {
            if (!weightMap.ContainsKey(tensor.Name))
            {
                SafetensorsReader.Invalid(diagnostics, tensor.File, tensor.Position, SafetensorsText.Tensor(tensor.Name) + " is not in " + IndexFileName + " of " + directory + ", so it is never loaded");
            }
        }
    }
}
