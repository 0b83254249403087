using Strata.Sources;
using TempDirectory = Strata.Tests.Sources.TempDirectory;

namespace Strata.Tests.Files;

/// <summary>
/// <see cref="OutputFile"/> as a library: what it replaces, what it writes through, what it refuses, how it tells two
/// names of one file apart, and that its messages name the caller's path only, bounded. FIFOs, hard links and
/// permissions are Unix's.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class OutputFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string PathOf(string name) => Path.Combine(_dir.Path, name);

    private static void Run(string command, params string[] arguments)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(command, arguments) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public void A_new_file_is_created_whole_and_no_temporary_file_is_left()
    {
        var target = PathOf("new.yaml");

        OutputFile.WriteAllText(target, "a: 1\n");

        Assert.Equal("a: 1\n", File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFileSystemEntries(_dir.Path));
    }

    [Fact]
    public void A_replaced_file_keeps_its_permissions()
    {
        var target = _dir.Write("kept.yaml", "old\n");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        OutputFile.WriteAllText(target, "new\n");

        Assert.Equal("new\n", File.ReadAllText(target));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
    }

    [Fact]
    public void The_dash_is_standard_output_and_no_file_is_made()
    {
        var output = new StringWriter();

        OutputFile.WriteAllText(OutputFile.StandardOutput, "a: 1\n", [], output);

        Assert.Equal("a: 1\n", output.ToString());
        Assert.Empty(Directory.GetFileSystemEntries(_dir.Path));
    }

    [Fact]
    public void An_empty_path_is_an_argument_error()
    {
        Assert.Throws<ArgumentException>(() => OutputFile.WriteAllText(string.Empty, "a: 1\n"));
    }

    [Fact]
    public void A_path_with_a_nul_character_is_refused_rather_than_cut_short()
    {
        var prefix = PathOf("x");

        var error = Assert.Throws<OutputFileException>(() => OutputFile.WriteAllText(prefix + "\0.yaml", "a: 1\n"));

        Assert.EndsWith(": it is not a valid file path", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_dir.Path));
    }

    [Fact]
    public void A_missing_directory_is_named_as_the_caller_wrote_it_and_never_created()
    {
        var error = Assert.Throws<OutputFileException>(() => OutputFile.WriteAllText(Path.Combine(_dir.Path, "a", "b", "out.yaml"), "x\n"));

        Assert.Equal("cannot write '" + Path.Combine(_dir.Path, "a", "b", "out.yaml") + "': the directory '" + Path.Combine(_dir.Path, "a", "b") + "' does not exist", error.Message);
        Assert.False(error.IsAnInput);
        Assert.Empty(Directory.GetFileSystemEntries(_dir.Path));
    }

    [Fact]
    public void A_long_path_is_shown_cut_in_the_middle()
    {
        var deep = _dir.Path + "/" + new string('d', 250) + "/" + new string('e', 250) + "/out.yaml";

        var error = Assert.Throws<OutputFileException>(() => OutputFile.WriteAllText(deep, "x\n"));

        Assert.True(error.Message.Length < 500, error.Message);
        Assert.Contains("…", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("cannot write '" + deep[..99] + "…" + deep[^100..] + "': ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fifo_is_written_through_and_stays_a_fifo()
    {
        var fifo = PathOf("fifo");
        Run("mkfifo", fifo);
        var reader = Task.Run(() => File.ReadAllText(fifo), TestContext.Current.CancellationToken);

        OutputFile.WriteAllText(fifo, "through the pipe\n");

        Assert.Equal("through the pipe\n", await reader.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        Assert.Equal([fifo], Directory.GetFileSystemEntries(_dir.Path));
        Assert.Equal(0, new FileInfo(fifo).Length);
    }

    [Fact]
    public void A_fifo_without_a_reader_is_given_up_after_the_read_time_limit()
    {
        var fifo = PathOf("fifo");
        Run("mkfifo", fifo);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = Assert.Throws<OutputFileException>(() => OutputFile.WriteAllText(fifo, "nobody reads\n"));

        Assert.Equal("cannot write '" + fifo + "': nothing opened the FIFO for reading within 5 s", error.Message);
        Assert.True(clock.Elapsed >= SourceLimits.Default.MaxReadTime - TimeSpan.FromMilliseconds(100));
        Assert.Equal([fifo], Directory.GetFileSystemEntries(_dir.Path));
        using (File.OpenRead(fifo))
        {
            // A reader lets the abandoned open finish (its stream is then closed): no thread stays blocked.
        }
    }

    [Fact]
    public void Two_names_of_one_file_are_the_same_file_and_two_files_are_not()
    {
        var file = _dir.Write("a.yaml", "a\n");
        _dir.Write("b.yaml", "a\n");
        Run("ln", file, PathOf("hard.yaml"));
        Directory.CreateSymbolicLink(PathOf("here"), _dir.Path);
        File.CreateSymbolicLink(PathOf("link.yaml"), file);

        Assert.True(OutputFile.IsSameFile(file, PathOf("hard.yaml")));
        Assert.True(OutputFile.IsSameFile(file, Path.Combine(PathOf("here"), "a.yaml")));
        Assert.True(OutputFile.IsSameFile(file, PathOf("link.yaml")));
        Assert.True(OutputFile.IsSameFile(file, Path.Combine(_dir.Path, "here", "..", "a.yaml")));
        Assert.True(OutputFile.IsSameFile(_dir.Path, PathOf("here")));
        Assert.False(OutputFile.IsSameFile(file, PathOf("b.yaml")));
        Assert.False(OutputFile.IsSameFile(file, PathOf("missing.yaml")));
        Assert.False(OutputFile.IsSameFile(file, string.Empty));
    }

    [Fact]
    public void An_output_that_is_an_input_is_refused_and_the_input_kept()
    {
        var input = _dir.Write("in.yaml", "kept\n");
        Run("ln", input, PathOf("other-name.yaml"));

        var error = Assert.Throws<OutputFileException>(() => OutputFile.WriteAllText(PathOf("other-name.yaml"), "lost\n", [PathOf("unrelated.yaml"), input]));

        Assert.True(error.IsAnInput);
        Assert.Equal("refusing to write the output to '" + PathOf("other-name.yaml") + "', which is one of the inputs ('" + input + "')", error.Message);
        Assert.Equal("kept\n", File.ReadAllText(input));
    }

    [Fact]
    public void A_directory_is_created_with_its_parents_and_a_file_in_the_way_is_named()
    {
        var file = _dir.Write("file", "x\n");

        OutputFile.CreateDirectory(Path.Combine(_dir.Path, "a", "b"));
        var error = Assert.Throws<OutputFileException>(() => OutputFile.CreateDirectory(file));

        Assert.True(Directory.Exists(Path.Combine(_dir.Path, "a", "b")));
        Assert.Equal("cannot create the directory '" + file + "': it is a file", error.Message);
    }

    [Fact]
    public async Task Concurrent_writes_each_replace_their_own_file_and_leave_no_temporary_file()
    {
        var targets = Enumerable.Range(0, 16).Select(i => _dir.Write("out" + i + ".yaml", "old\n")).ToArray();

        await Task.WhenAll(targets.Select(t => Task.Run(() => OutputFile.WriteAllText(t, "new " + Path.GetFileName(t) + "\n"), TestContext.Current.CancellationToken)));

        Assert.All(targets, t => Assert.Equal("new " + Path.GetFileName(t) + "\n", File.ReadAllText(t)));
        Assert.Equal(targets.Order(StringComparer.Ordinal), Directory.GetFileSystemEntries(_dir.Path).Order(StringComparer.Ordinal));
    }
}
