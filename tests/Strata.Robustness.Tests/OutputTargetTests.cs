using System.Diagnostics;
using System.Globalization;
using Strata.Robustness.Tests.Infrastructure;

namespace Strata.Robustness.Tests;

/// <summary>
/// What <c>-o</c> may name, as a real process: a regular file (replaced atomically, a link to one kept), standard output
/// (<c>-</c>, <c>/dev/stdout</c>), a FIFO or a character device (written to, never replaced), and nothing else; never
/// one of the inputs under another name; and a termination signal in the middle of a write leaves no temporary file.
/// Device nodes are made in the test's directory when running as root (see <see cref="GeneratedInputs"/>), so that a
/// failing test can never replace the system's /dev/null. FIFOs, devices, signals and permissions are Unix's.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class OutputTargetTests : IDisposable
{
    private const string Old = "old: content\n";
    private static readonly string[] s_resolve = ["resolve", "gpt-trainer", "training.train_iters=5"];
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Task<CliResult> Strata(string workingDirectory, params string[] args) =>
        StrataProcess.Run([], workingDirectory, null, TimeSpan.FromSeconds(30), args);

    private static void AssertNoTemporaryFile(string directory) =>
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(directory), static e => e.EndsWith(".tmp", StringComparison.Ordinal));

    /// <summary>The error line (after the resolution's warnings, if any), no temporary name, no stack trace, no document.</summary>
    private static void AssertPlainError(CliResult result, string line)
    {
        Assert.Contains(line, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n'), static l => l.Contains(": error", StringComparison.Ordinal));
        Assert.DoesNotContain(".tmp", result.Error, StringComparison.Ordinal);
        Expect.NoStackTrace(result.Error);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task A_fifo_named_as_the_output_receives_the_document_and_stays_a_fifo()
    {
        var fifo = GeneratedInputs.Create("fifo.yaml", _dir);
        var reader = Task.Run(() => File.ReadAllText(fifo), TestContext.Current.CancellationToken);

        var result = await Strata(_dir.Path, [.. s_resolve, "-o", fifo]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("train_iters: 5", await reader.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal("p", await FileType(fifo));
        AssertNoTemporaryFile(_dir.Path);
    }

    [Fact]
    public async Task A_character_device_named_as_the_output_is_written_to_and_stays_a_device()
    {
        var device = GeneratedInputs.MakeDevice(_dir, "null", "c", 1, 3, "/dev/null");

        var result = await Strata(_dir.Path, [.. s_resolve, "-o", device]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("c", await FileType(device));
        AssertNoTemporaryFile(Path.GetDirectoryName(device)!);
    }

    [Fact]
    public async Task A_full_device_is_a_write_error_that_names_it_and_it_stays_a_device()
    {
        var device = GeneratedInputs.MakeDevice(_dir, "full", "c", 1, 7, "/dev/full");

        var result = await Strata(_dir.Path, [.. s_resolve, "-o", device]);

        Assert.Equal(1, result.ExitCode);
        AssertPlainError(result, "strata: error: cannot write '" + device + "': No space left on device\n");
        Assert.Equal("c", await FileType(device));
    }

    [Fact]
    public async Task Dev_stdout_redirected_to_a_file_appends_where_the_shell_said()
    {
        var log = _dir.Write("log.yaml", Old);

        var result = await StrataProcess.Run(["sh", "-c", "exec \"$0\" \"$@\" >> " + log], _dir.Path, null, TimeSpan.FromSeconds(30), [.. s_resolve, "-o", "/dev/stdout"]);

        Assert.Equal(0, result.ExitCode);
        var text = File.ReadAllText(log);
        Assert.StartsWith(Old, text, StringComparison.Ordinal);
        Assert.Contains("train_iters: 5", text, StringComparison.Ordinal);
        Assert.Equal([log], Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public async Task Dev_stdout_as_a_pipe_is_standard_output()
    {
        var viaDevice = await Strata(_dir.Path, [.. s_resolve, "-o", "/dev/stdout"]);
        var viaDash = await Strata(_dir.Path, [.. s_resolve, "-o", "-"]);
        var plain = await Strata(_dir.Path, s_resolve);

        Assert.Equal((0, 0), (viaDevice.ExitCode, viaDash.ExitCode));
        Assert.Contains("train_iters: 5", plain.Output, StringComparison.Ordinal);
        Assert.Equal(plain.Output, viaDevice.Output);
        Assert.Equal(plain.Output, viaDash.Output);
        Assert.Empty(Directory.GetFileSystemEntries(_dir.Path));
    }

    public static TheoryData<string, string> Spellings => new()
    {
        // input, output, relative to the working directory (the test's directory, with here -> .)
        { "valid.yaml", "here/valid.yaml" },
        { "here/valid.yaml", "valid.yaml" },
        { "valid.yaml", "/proc/self/cwd/valid.yaml" },
        { "valid.yaml", "hard.yaml" },
        { "hard.yaml", "valid.yaml" },
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public async Task An_input_under_another_name_is_refused_as_a_usage_error_and_kept(string input, string output)
    {
        GeneratedInputs.Create("hard-link", _dir);
        Directory.CreateSymbolicLink(_dir.File("here"), ".");
        var before = File.ReadAllText(_dir.File("valid.yaml"));

        var result = await Strata(_dir.Path, "resolve", "gpt-trainer", "-c", input, "--show", "all", "-o", output);

        Assert.Equal(2, result.ExitCode);
        AssertPlainError(result, "strata: error: refusing to write the output to '" + output + "', which is one of the inputs ('" + input + "')\n");
        Assert.Equal(before, File.ReadAllText(_dir.File("valid.yaml")));
        Assert.Equal(2, Directory.GetFiles(_dir.Path).Length);
    }

    [Fact]
    public async Task A_checkpoint_file_the_resolution_read_is_refused_as_the_output()
    {
        var checkpoint = GeneratedInputs.Create("checkpoint-copy", _dir);
        var config = Path.Combine(checkpoint, "config.json");
        var before = File.ReadAllText(config);

        var result = await Strata(_dir.Path, "resolve", "gpt-model", "pretrained.path=" + checkpoint, "pretrained.format=llama", "-o", config);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("strata: error: refusing to write the output to '" + config + "', which is one of the inputs", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(config));
        Assert.Equal([config], Directory.GetFiles(checkpoint));
    }

    [Fact]
    public async Task A_missing_directory_is_named_plainly_and_nothing_is_created()
    {
        var result = await Strata(_dir.Path, [.. s_resolve, "-o", "missing/deeper/out.yaml"]);

        Assert.Equal(1, result.ExitCode);
        AssertPlainError(result, "strata: error: cannot write 'missing/deeper/out.yaml': the directory 'missing/deeper' does not exist\n");
        Assert.Empty(Directory.GetFileSystemEntries(_dir.Path));
    }

    [Fact]
    public async Task An_empty_output_path_is_a_usage_error_without_a_stack_trace()
    {
        var result = await Strata(_dir.Path, [.. s_resolve, "-o", string.Empty]);

        Assert.Equal(2, result.ExitCode);
        AssertPlainError(result, "strata: error: -o needs a file name (use - for standard output)\n");
        Assert.Empty(Directory.GetFileSystemEntries(_dir.Path));
    }

    [Fact]
    public async Task A_link_to_a_regular_file_is_kept_and_the_file_it_leads_to_replaced_with_its_permissions()
    {
        var target = _dir.Write("target.yaml", Old);
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var link = File.CreateSymbolicLink(_dir.File("link.yaml"), "target.yaml").FullName;

        var result = await Strata(_dir.Path, [.. s_resolve, "-o", "link.yaml"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("target.yaml", new FileInfo(link).LinkTarget);
        Assert.Contains("train_iters: 5", File.ReadAllText(target), StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
        AssertNoTemporaryFile(_dir.Path);
    }

    public static TheoryData<string, string> Refused => new()
    {
        { "dangling-link", "it is a symbolic link to a file that does not exist" },
        { "socket", "it is a socket; a document is written to a regular file, a FIFO or a character device" },
        { "directory.yaml", "it is a directory" },
        { "inside-file.yaml", "a part of the path is not a directory" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task What_is_not_a_file_to_write_is_refused_plainly_and_left_as_it_was(string generated, string reason)
    {
        var path = GeneratedInputs.Create(generated, _dir);
        var before = await FileType(path);
        var entries = Directory.GetFileSystemEntries(_dir.Path);

        var result = await Strata(_dir.Path, [.. s_resolve, "-o", path]);

        Assert.Equal(1, result.ExitCode);
        AssertPlainError(result, "strata: error: cannot write '" + path + "': " + reason + "\n");
        Assert.Equal(before, await FileType(path));
        Assert.Equal(entries, Directory.GetFileSystemEntries(_dir.Path));
    }

    [Fact]
    public async Task A_directory_another_user_cannot_write_is_permission_denied_without_the_temporary_name()
    {
        // As root, run strata as nobody in a directory only root may write; as another user, make the directory read-only.
        var wrapper = Environment.IsPrivilegedProcess ? new[] { "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups" } : [];
        var locked = Directory.CreateDirectory(_dir.File("locked")).FullName;
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        if (!Environment.IsPrivilegedProcess)
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        var target = Path.Combine(locked, "out.yaml");
        var result = await StrataProcess.Run(wrapper, "/", null, TimeSpan.FromSeconds(30), [.. s_resolve, "-o", target]);
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("strata: error: cannot write '" + target + "': permission denied\n", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(locked));
    }

    public static TheoryData<string, string, int> Interruptions => new()
    {
        { "TERM", "resolve", 143 },
        { "INT", "resolve", 130 },
        { "TERM", "convert", 143 },
        { "TERM", "sweep", 143 },
    };

    /// <summary>
    /// Strata.Fuzz hold-output runs the strata host with the engine's write seam set to stop half-way (the temporary file
    /// exists and holds half the document); the test then sends the signal. <c>convert</c> is a verb of the program's own,
    /// which keeps System.CommandLine's termination handler: the file must go there too. <c>sweep --force</c> builds a
    /// directory aside (its first file is held): the temporary directory must go, and the old directory stay as it was.
    /// </summary>
    [Theory]
    [MemberData(nameof(Interruptions))]
    public async Task A_termination_signal_during_a_write_removes_the_temporary_file_and_exits_with_the_signal_code(string signal, string verb, int code)
    {
        var output = Directory.CreateDirectory(_dir.File("out")).FullName;
        var runs = Path.Combine(output, "runs");
        var target = verb == "sweep" ? Path.Combine(Directory.CreateDirectory(runs).FullName, "old.yaml") : Path.Combine(output, verb == "resolve" ? "out.yaml" : "metadata.yaml");
        File.WriteAllText(target, Old);
        string[] args = verb switch
        {
            "resolve" => [.. s_resolve, "-o", target],
            "sweep" => ["sweep", "gpt-trainer", "training.train_iters=1,2", "-o", runs, "--force"],
            _ => ["convert", "--input", Path.Combine(StrataProcess.RepositoryRoot, "examples", "checkpoints", "tiny-llama"), "--input-format", "llama", "--output", output, "--output-format", "fast_llm"],
        };
        var start = new ProcessStartInfo(SignalWrapper(signal) ?? HoldOutputExecutable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in (SignalWrapper(signal) is null ? [] : new[] { "--default-signal=" + signal, HoldOutputExecutable }).Concat(["hold-output", .. args]))
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        try
        {
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            var line = await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
            Assert.True(line is not null && line.StartsWith("holding ", StringComparison.Ordinal), "no 'holding' line: " + line);
            var temporary = line["holding ".Length..];
            Assert.True(File.Exists(temporary));
            var building = verb == "sweep" ? Path.GetDirectoryName(Path.GetDirectoryName(temporary)) : null; // DIR/.runs.RANDOM.tmp/000/.config.yaml.RANDOM.tmp
            Assert.Equal(output, Path.GetDirectoryName(building ?? temporary));

            using (var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
            {
                await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
            }

            await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
            Assert.Equal(code, process.ExitCode);
            Assert.False(File.Exists(temporary), "the temporary file is left behind");
            Assert.Equal(Old, File.ReadAllText(target));
            Assert.Equal([target], Directory.GetFiles(building is null ? output : runs));
            if (building is not null)
            {
                Assert.Equal([runs], Directory.GetFileSystemEntries(output)); // the temporary directory is gone
            }

            Expect.NoStackTrace(await error);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    private static string HoldOutputExecutable
    {
        get
        {
            var tfm = new DirectoryInfo(AppContext.BaseDirectory).Name;
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
            var exe = Path.Combine(StrataProcess.RepositoryRoot, "fuzz", "Strata.Fuzz", "bin", configuration, tfm, "Strata.Fuzz");
            Assert.True(File.Exists(exe), exe + " is not built");
            return exe;
        }
    }

    /// <summary>
    /// A process started in the background of a non-interactive shell ignores SIGINT, and so do its children (as a
    /// shell's background jobs should): then the child is started through <c>env --default-signal=INT</c>.
    /// </summary>
    private static string? SignalWrapper(string signal)
    {
        if (signal != "INT")
        {
            return null;
        }

        var ignored = File.ReadLines("/proc/self/status").FirstOrDefault(static l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        var mask = ignored is null ? 0 : ulong.Parse(ignored["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return (mask & 0b10) == 0 ? null : "env";
    }

    /// <summary>The type letter of <c>stat -c %F</c>'s first word: <c>r</c>egular, <c>d</c>irectory, <c>p</c> (FIFO), <c>c</c>haracter device, <c>s</c>ocket, <c>l</c>ink.</summary>
    private static async Task<string> FileType(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%F", path]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        var text = (await stat.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken)).Trim();
        await stat.WaitForExitAsync(TestContext.Current.CancellationToken);
        return text switch
        {
            "regular file" or "regular empty file" => "r",
            "directory" => "d",
            "fifo" => "p",
            "character special file" => "c",
            "socket" => "s",
            "symbolic link" => "l",
            _ => text,
        };
    }
}
