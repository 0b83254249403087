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
        "long-key-implicit.yaml" => directory.Write(name, new string('k', 2000) + ": 1\n"),
        "long-key-explicit.yaml" => directory.Write(name, "? " + new string('k', 2000) + "\n: 1\n"),
        "long-key.json" => directory.Write(name, "{\"" + new string('k', 2000) + "\": 1}\n"),
        "long-scalar.yaml" => directory.Write(name, "a: \"" + new string('x', 2 * 1024 * 1024) + "\"\n"),
        "missing.yaml" => directory.File(name),

        // An output directory where the file to write is taken by a directory: the final rename fails.
        "blocked-output" => Directory.CreateDirectory(Path.Combine(directory.File(name), "metadata.yaml")).Parent!.FullName,

        // A checkpoint directory whose config.json is one byte over the size limit.
        "oversized-checkpoint" => Path.GetDirectoryName(directory.Write(Path.Combine(name, "config.json"), Padded("{}", (16 * 1024 * 1024) + 1)))!,
        "directory.yaml" => Directory.CreateDirectory(directory.File(name)).FullName,

        // Running as root, a file cannot be made unreadable with permissions: a path through a regular file
        // (ENOTDIR) and a FIFO without a writer (a read that would block for ever) stand in for unreadable files.
        "inside-file.yaml" => Path.Combine(directory.Write("regular.yaml", "a: 1\n"), "inside-file.yaml"),
        "fifo.yaml" => MakeFifo(directory.File(name)),
        "dev-zero" => "/dev/zero",

        // Inputs that cost time or memory by their length alone (digits, echoed values, suggestions): each must be
        // refused in time linear in its size, with a diagnostic that quotes at most a bounded part of it.
        "digits-int.yaml" => directory.Write(name, "training:\n  train_iters: " + new string('1', 1_000_000) + "\n"),
        "digits-override.rsp" => directory.Write(name, "training.train_iters=" + new string('1', 1_000_000) + "\n"),
        "long-explain-path.rsp" => directory.Write(name, "model." + new string('x', 120 * 1024) + "\n"),
        "unknown-explain-paths.rsp" => directory.Write(name, UnknownPaths(60_000)),
        "enum-1mib.yaml" => directory.Write(name, "model:\n  base_model:\n    transformer:\n      activation_type: " + new string('x', 1024 * 1024) + "\n"),
        _ => throw new ArgumentException("no generated input named " + name, nameof(name)),
    };

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
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("cannot start mkfifo");
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return path;
    }
}
