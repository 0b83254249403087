using System.Diagnostics;
using System.Text;

namespace Strata.Robustness.Tests.Infrastructure;

/// <summary>
/// The inputs of the corpus that are too large to keep in the repository or that are not files at all (a FIFO, a
/// directory, a path through a file), made in a temporary directory when a case needs them.
/// </summary>
internal static class GeneratedInputs
{
    /// <summary>Makes the input of <c>gen:NAME</c> in <paramref name="directory"/> and returns its path.</summary>
    public static string Create(string name, TempDirectory directory) => name switch
    {
        // 16 MiB + 1 byte: one byte over SourceLimits.MaxFileBytes.
        "oversized.yaml" => directory.Write(name, Padded("training:\n  train_iters: 1\n", (16 * 1024 * 1024) + 1)),

        // One flow list of 1 000 001 items: over SourceLimits.MaxNodes (1 000 000), under the size limit.
        "many-nodes.yaml" => directory.Write(name, "a: [" + string.Concat(Enumerable.Repeat("0,", 1_000_001)) + "]\n"),

        // The largest input within every limit: about 16 MB (just under MaxFileBytes), 190 001 nodes of 160-character values.
        "largest-within-limits.yaml" => directory.Write(name, "a:\n" + string.Concat(Enumerable.Range(0, 95_000).Select(static i => "  k" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + ": " + new string('v', 160) + "\n"))),

        // 200 nested block mappings: deeper than SourceLimits.MaxDepth (128).
        "deep-block.yaml" => directory.Write(name, DeepBlock(200)),
        "repeated-set-elements.yaml" => directory.Write(name, "profiling:\n  ranks: [" + string.Concat(Enumerable.Repeat("0, ", 100_000)) + "0]\n"),
        "long-key-implicit.yaml" => directory.Write(name, new string('k', 2000) + ": 1\n"),
        "long-key-explicit.yaml" => directory.Write(name, "? " + new string('k', 2000) + "\n: 1\n"),
        "long-key.json" => directory.Write(name, "{\"" + new string('k', 2000) + "\": 1}\n"),
        "long-scalar.yaml" => directory.Write(name, "a: \"" + new string('x', 2 * 1024 * 1024) + "\"\n"),
        "missing.yaml" => directory.File(name),

        // A relative checkpoint path of 100 000 characters that does not exist: its message quotes the full path tried, cut.
        "long-relative-checkpoint-path.rsp" => directory.Write(name, "pretrained.path=" + new string('x', 100_000) + "\n"),

        // An output directory where the file to write is taken by a directory: the final rename fails.
        "blocked-output" => Directory.CreateDirectory(Path.Combine(directory.File(name), "metadata.yaml")).Parent!.FullName,

        // A checkpoint directory whose config.json is one byte over the size limit.
        "oversized-checkpoint" => Path.GetDirectoryName(directory.Write(Path.Combine(name, "config.json"), Padded("{}", (16 * 1024 * 1024) + 1)))!,
        "directory.yaml" => Directory.CreateDirectory(directory.File(name)).FullName,

        // A checkpoint directory whose model.safetensors has a 98.6 MB header of 1 700 000 zero-size tensors: over
        // SafetensorsReader.DefaultMaxTensors (1 000 000), under the header length limit (100 000 000 bytes).
        "zero-size-tensors" => ZeroSizeTensors(Directory.CreateDirectory(directory.File(name)).FullName, 1_700_000),

        // Running as root, a file cannot be made unreadable with permissions: a path through a regular file
        // (ENOTDIR) and a FIFO without a writer (a read that would block for ever) stand in for unreadable files.
        "inside-file.yaml" => Path.Combine(directory.Write("regular.yaml", "a: 1\n"), "inside-file.yaml"),
        "fifo.yaml" => MakeFifo(directory.File(name)),
        "dev-zero" => "/dev/zero",

        // Response files (@FILE) and the arguments they hold.
        "self.rsp" => directory.Write(name, "training.train_iters=5\n@" + directory.File(name) + "\n"),
        "cycle.rsp" => directory.Write(name, "@" + directory.Write("cycle-other.rsp", "@" + directory.File(name) + "\n") + "\n"),
        "nested-deep.rsp" => NestedResponseFiles(directory, name, 40),

        // 100 001 overrides: one past the limit of arguments.
        "many-arguments.rsp" => directory.Write(name, string.Concat(Enumerable.Repeat("training.train_iters=5\n", 100_001))),

        // diff: 50 000 arguments alternating the two sides' markers and an override each.
        "diff-side-markers.rsp" => directory.Write(name, string.Concat(Enumerable.Repeat("--left\ntraining.train_iters=5\n--right\ntraining.train_iters=6\n", 12_500))),

        // Sweeps: a list of 100 001 values (100 000 commas), and one of 1 000 001 empty values, past the bound of points.
        "sweep-many-commas.rsp" => directory.Write(name, "training.train_iters=" + string.Join(",", Enumerable.Range(0, 100_001)) + "\n"),
        "sweep-commas-past-the-bound.rsp" => directory.Write(name, "run.experiment_name=" + new string(',', 1_000_000) + "\n"),

        // One argument of 2 MiB: longer than the longest override that can be valid.
        "long-argument.rsp" => directory.Write(name, "run.experiment_name=" + new string('x', 2 * 1024 * 1024) + "\n"),

        // An override path 45 000 levels deep (90 KB): it once overflowed the stack.
        "deep-override-path.rsp" => directory.Write(name, "a" + string.Concat(Enumerable.Repeat(".x", 44_999)) + "=1\n"),
        "long-override-key.rsp" => directory.Write(name, "training." + new string('k', 2000) + "=1\n"),

        // A value one character over SourceLimits.MaxScalarLength.
        "long-override-value.rsp" => directory.Write(name, "run.experiment_name=" + new string('x', (1024 * 1024) + 1) + "\n"),

        // Outputs (-o): a valid config, the same file by other names, and paths that are not regular files. Devices are
        // made in the temporary directory when running as root, so that a writer that wrongly renamed over one would
        // destroy a copy, never the system's /dev/null; as another user, renaming over /dev entries is impossible.
        "valid.yaml" => directory.Write(name, "training:\n  train_iters: 5\n"),
        "linked-directory" => LinkedDirectory(directory),
        "hard-link" => HardLink(directory),
        "response-file" => directory.Write("args.txt", "training.train_iters=5\n"),
        "checkpoint-copy" => CheckpointCopy(directory),
        "dangling-link" => File.CreateSymbolicLink(directory.File(name), directory.File("nowhere")).FullName,
        "socket" => MakeSocket(directory.File(name)),
        "dev-null" => MakeDevice(directory, name, "c", 1, 3, "/dev/null"),
        "dev-full" => MakeDevice(directory, name, "c", 1, 7, "/dev/full"),

        // Inputs that cost time or memory by their length alone (digits, echoed values, suggestions): each must be
        // refused in time linear in its size, with a diagnostic that quotes at most a bounded part of it.
        "digits-int.yaml" => directory.Write(name, "training:\n  train_iters: " + new string('1', 1_000_000) + "\n"),
        "digits-override.rsp" => directory.Write(name, "training.train_iters=" + new string('1', 1_000_000) + "\n"),
        "long-explain-path.rsp" => directory.Write(name, "model." + new string('x', 120 * 1024) + "\n"),
        "unknown-explain-paths.rsp" => directory.Write(name, UnknownPaths(60_000)),
        "enum-1mib.yaml" => directory.Write(name, "model:\n  base_model:\n    transformer:\n      activation_type: " + new string('x', 1024 * 1024) + "\n"),

        // Digit separators and path segments (issue 17): 100 000 separators in an int and a float field, read in linear
        // time and refused as out of range by their digit count; 100 000 separators in a row; a path of 100 000 "./".
        "separators-int.yaml" => directory.Write(name, "training:\n  train_iters: 1" + string.Concat(Enumerable.Repeat("_1", 100_000)) + "\n"),
        "separators-float.yaml" => directory.Write(name, "optimizer:\n  learning_rate:\n    base: 1" + string.Concat(Enumerable.Repeat("_1", 100_000)) + ".0\n"),
        "separators-run.yaml" => directory.Write(name, "training:\n  train_iters: 1" + new string('_', 100_000) + "1\n"),
        "dot-segments-path.yaml" => directory.Write(name, "run:\n  experiment_dir: " + string.Concat(Enumerable.Repeat("./", 100_000)) + "exp\n"),
        // Interpolation (issue 15): a chain of 20 000 interpolations (one error at the bound of 64, in linear time),
        // 100 000 `${` in one value, a path of a million characters, 10 000 references to one field.
        "interpolation-deep-chain.yaml" => directory.Write(name, "training:\n  evaluations:\n" + string.Concat(Enumerable.Range(0, 20_000).Select(static i => "    e" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":\n      iterations: " + (i == 19_999 ? "3" : "${training.evaluations.e" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".iterations}") + "\n"))),
        "interpolation-many.yaml" => directory.Write(name, "run:\n  experiment_name: '" + string.Concat(Enumerable.Repeat("${a}", 100_000)) + "'\n"),
        "interpolation-huge-path.yaml" => directory.Write(name, "run:\n  experiment_name: '${" + new string('a', 1_000_000) + "}'\n"),
        "interpolation-fan-in.yaml" => directory.Write(name, "training:\n  train_iters: 7\n  evaluations:\n" + string.Concat(Enumerable.Range(0, 10_000).Select(static i => "    e" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":\n      iterations: ${training.train_iters}\n"))),

        // Checkpoint files of the weights check that never end (h6-files): the shard index and the config.json whose
        // model_type names the auto format, each a link to /dev/zero. They were read whole (File.ReadAllBytes): 2.8 to
        // 3.5 GB until killed; now by the bounded reader of every source.
        "weights-index-dev-zero" => LinkInDirectory(directory, name, "model.safetensors.index.json", "/dev/zero"),
        "weights-config-dev-zero" => LinkInDirectory(directory, name, "config.json", "/dev/zero"),

        // A safetensors header whose tensor names hold an ESC sequence, a right-to-left override and a newline, and whose
        // dtype is a megabyte (h6-files): the text listing of inspect-weights printed them raw.
        "weights-hostile-names" => HostileNames(Directory.CreateDirectory(directory.File(name)).FullName),

        // A header whose __metadata__ holds 1 000 001 pairs (13 MB), one past the tensors' bound, which now bounds them too (h6-files).
        "weights-metadata-past-the-limit" => MetadataPairs(Directory.CreateDirectory(directory.File(name)).FullName, 1_000_001),

        // A response file naming one small response file 100 000 times (h6-files): each was opened and read, 7 s within
        // the bound of arguments; now refused at the bound of 1 000 files read in all.
        "many-includes.rsp" => directory.Write(name, string.Concat(Enumerable.Repeat("@" + directory.Write("leaf.rsp", "training.train_iters=5\n") + "\n", 100_000))),

        // 20 000 problems in one file (h6-files): a key set 20 001 times, and 20 000 unknown keys. Every one was printed
        // (100 000 made 11 MB of error text); the printer now shows 100 and counts the rest.
        "duplicate-keys.yaml" => directory.Write(name, string.Concat(Enumerable.Repeat("train_iters: 1\n", 20_001))),
        "unknown-keys.yaml" => directory.Write(name, string.Concat(Enumerable.Range(0, 20_000).Select(static i => "k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": 1\n"))),
        _ => throw new ArgumentException("no generated input named " + name, nameof(name)),
    };

    private static string MetadataPairs(string directory, int count)
    {
        var header = new StringBuilder("{\"__metadata__\":{");
        for (var i = 0; i < count; i++)
        {
            header.Append(i == 0 ? "\"" : ",\"").Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("\":\"\"");
        }

        var text = header.Append("}}").ToString();
        var bytes = new byte[8 + text.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)text.Length);
        Encoding.ASCII.GetBytes(text, bytes.AsSpan(8));
        File.WriteAllBytes(Path.Combine(directory, "model.safetensors"), bytes);
        return directory;
    }

    private static string HostileNames(string directory)
    {
        var header = "{\"\\u001b[31mred\\u202e\\nrow\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]}, "
            + "\"b\": {\"dtype\": \"" + new string('X', 1024 * 1024) + "\", \"shape\": [1], \"data_offsets\": [4, 8]}}";
        var bytes = new byte[8 + header.Length + 8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)header.Length);
        Encoding.ASCII.GetBytes(header, bytes.AsSpan(8));
        File.WriteAllBytes(Path.Combine(directory, "model.safetensors"), bytes);
        return directory;
    }

    /// <summary>A directory <paramref name="name"/> holding one symbolic link, <paramref name="file"/>, to <paramref name="target"/>.</summary>
    private static string LinkInDirectory(TempDirectory directory, string name, string file, string target)
    {
        var folder = Directory.CreateDirectory(directory.File(name)).FullName;
        File.CreateSymbolicLink(Path.Combine(folder, file), target);
        return folder;
    }

    /// <summary>A chain of response files, each naming the next: deeper than any nesting limit.</summary>
    private static string NestedResponseFiles(TempDirectory directory, string name, int depth)
    {
        var next = directory.Write(name + "." + depth, "training.train_iters=5\n");
        for (var i = depth - 1; i >= 1; i--)
        {
            next = directory.Write(name + "." + i, "@" + next + "\n");
        }

        return directory.Write(name, "@" + next + "\n");
    }

    private static string ZeroSizeTensors(string directory, int count)
    {
        // Each entry is 58 bytes: "0000000":{"dtype":"I8","shape":[0],"data_offsets":[0,0]}, and a comma.
        const int EntryLength = 58;
        var header = new byte[(count * EntryLength) + 1];
        var at = 0;
        header[at++] = (byte)'{';
        for (var i = 0; i < count; i++)
        {
            at += Encoding.ASCII.GetBytes(
                (i == 0 ? string.Empty : ",") + "\"" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture) + "\":{\"dtype\":\"I8\",\"shape\":[0],\"data_offsets\":[0,0]}",
                header.AsSpan(at));
        }

        header[at++] = (byte)'}';
        using var stream = File.Create(Path.Combine(directory, "model.safetensors"));
        Span<byte> length = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)at);
        stream.Write(length);
        stream.Write(header, 0, at);
        return directory;
    }

    /// <summary>
    /// Misspelled paths, one a line, each close to a real leaf (so that the closest-path search does its whole work) and
    /// all different (so that nothing can be cached).
    /// </summary>
    private static string UnknownPaths(int count)
    {
        string[] near =
        [
            "training.train_iterz", "model.base_model.transformer.num_layerz", "optimizer.learning_rate.bas",
            "batch.micro_batch_siz", "model.distributed.seed_shif", "data.sampling.shuffel", "run.experiment_dri",
        ];
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            sb.Append(near[i % near.Length]).Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        return sb.ToString();
    }

    private static byte[] Padded(string head, int size)
    {
        var bytes = new byte[size];
        Array.Fill(bytes, (byte)'#');
        var text = Encoding.UTF8.GetBytes(head + "# ");
        text.CopyTo(bytes, 0);
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    private static string DeepBlock(int depth)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            sb.Append(' ', 2 * i).Append('k').Append(i).Append(":\n");
        }

        sb.Append(' ', 2 * depth).Append("leaf: 1\n");
        return sb.ToString();
    }

    private static string MakeFifo(string path)
    {
        Execute("mkfifo", path);
        return path;
    }

    /// <summary>A device node (<c>mknod</c>) in the directory when running as root, the system's own otherwise.</summary>
    public static string MakeDevice(TempDirectory directory, string name, string type, int major, int minor, string system)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return system;
        }

        var path = directory.File(name);
        Execute("mknod", path, type, major.ToString(System.Globalization.CultureInfo.InvariantCulture), minor.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return path;
    }

    /// <summary>A Unix socket file that outlives its socket: .NET deletes the bound name on close, so it is renamed first.</summary>
    public static string MakeSocket(string path)
    {
        using (var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified))
        {
            socket.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(path + ".bound"));
            File.Move(path + ".bound", path);
        }

        return path;
    }

    /// <summary>valid.yaml, and the same file through a symbolic link to its directory: <c>here/valid.yaml</c>.</summary>
    private static string LinkedDirectory(TempDirectory directory)
    {
        Create("valid.yaml", directory);
        Directory.CreateSymbolicLink(directory.File("here"), directory.Path);
        return Path.Combine(directory.File("here"), "valid.yaml");
    }

    /// <summary>valid.yaml, and a hard link to it: <c>hard.yaml</c> (.NET has no API for hard links).</summary>
    private static string HardLink(TempDirectory directory)
    {
        var target = Create("valid.yaml", directory);
        Execute("ln", target, directory.File("hard.yaml"));
        return directory.File("hard.yaml");
    }

    /// <summary>A Hugging Face checkpoint directory with the tiny Llama's config.json.</summary>
    private static string CheckpointCopy(TempDirectory directory)
    {
        var checkpoint = Directory.CreateDirectory(directory.File("checkpoint")).FullName;
        File.Copy(Path.Combine(StrataProcess.RepositoryRoot, "examples", "checkpoints", "tiny-llama", "config.json"), Path.Combine(checkpoint, "config.json"));
        return checkpoint;
    }

    private static void Execute(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { UseShellExecute = false })
            ?? throw new InvalidOperationException("cannot start " + command);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
