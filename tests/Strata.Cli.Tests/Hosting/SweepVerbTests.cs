using System.Text.Json;
using Strata.Cli.Tests.Model;
using Strata.Hosting.Verbs;

namespace Strata.Cli.Tests.Hosting;

public sealed class SweepVerbTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Runs => Path.Combine(_dir.Path, "runs");

    /// <summary>The entries of the test directory other than the given ones: a sweep leaves no temporary sibling.</summary>
    private string[] Others(params string[] expected) =>
        [.. Directory.EnumerateFileSystemEntries(_dir.Path).Select(Path.GetFileName).Where(n => !expected.Contains(n)).Order(StringComparer.Ordinal)!];

    private static JsonElement[] Manifest(string directory) =>
        [.. File.ReadAllLines(Path.Combine(directory, "manifest.jsonl")).Select(static line => JsonDocument.Parse(line).RootElement)];

    [Fact]
    public async Task A_sweep_writes_each_points_explicit_config_and_a_manifest_line_per_point_in_order()
    {
        var file = _dir.Write("job.yaml", "steps: 10\n");

        var result = await TestHost.Run("sweep", "job", "-c", file, "learning_rate=1e-3,0.01", "network.layers=range(2,5)", "name=a", "-o", Runs);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal("wrote 6 points to '" + Runs + "'\n", result.Error);
        Assert.Equal(["000", "001", "002", "003", "004", "005", "manifest.jsonl"], Directory.EnumerateFileSystemEntries(Runs).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("network:\n  layers: 3\nsteps: 10\nlearning_rate: 0.001\nname: a\n", File.ReadAllText(Path.Combine(Runs, "001", "config.yaml")));
        var manifest = Manifest(Runs);
        Assert.Equal(6, manifest.Length);
        Assert.Equal(
            """{"index":4,"values":{"learning_rate":0.01,"network.layers":3},"fingerprint":"FP","path":"004/config.yaml"}""",
            File.ReadAllLines(Path.Combine(Runs, "manifest.jsonl"))[4].Replace(manifest[4].GetProperty("fingerprint").GetString()!, "FP", StringComparison.Ordinal));
        Assert.Equal(["job.yaml", "runs"], Others());
    }

    [Fact]
    public async Task Every_written_point_resolves_back_to_the_fingerprint_of_its_manifest_line()
    {
        var result = await TestHost.Run("sweep", "job", "steps=range(1,4)", "network.hidden=32,64", "name=x,'y,z'", "-o", Runs);

        Assert.Equal(0, result.ExitCode);
        var manifest = Manifest(Runs);
        Assert.Equal(12, manifest.Length);
        foreach (var line in manifest)
        {
            var config = Path.Combine(Runs, line.GetProperty("path").GetString()!);
            var again = await TestHost.Run("resolve", "job", "-c", config);
            Assert.Equal(0, again.ExitCode);
            Assert.Equal(File.ReadAllText(config), again.Output);
            var resolved = new ConfigResolver<JobConfig>(new ResolveOptions { Environment = new Dictionary<string, string?>() }).AddFile(config).Resolve();
            Assert.Equal(line.GetProperty("fingerprint").GetString(), resolved.Fingerprint);
        }

        Assert.Equal("y,z", manifest[11].GetProperty("values").GetProperty("name").GetString());
        Assert.Equal(64, manifest[11].GetProperty("values").GetProperty("network.hidden").GetInt32());
    }

    [Fact]
    public async Task An_invalid_point_writes_nothing_and_each_error_names_its_point_and_values()
    {
        var result = await TestHost.Run("sweep", "job", "steps=1,0,2,-1", "name=a,b", "-o", Runs);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "point 2 (steps=0, name=a): cli arg #1: error STR0103: steps: must be >= 1, got 0\n"
            + "point 3 (steps=0, name=b): cli arg #1: error STR0103: steps: must be >= 1, got 0\n"
            + "point 6 (steps=-1, name=a): cli arg #1: error STR0103: steps: must be >= 1, got -1\n"
            + "point 7 (steps=-1, name=b): cli arg #1: error STR0103: steps: must be >= 1, got -1\n"
            + "jobs: error: 4 of 8 points are invalid; nothing was written\n"
            + "4 errors, 0 warnings\n",
            result.Error);
        Assert.Empty(Others());
    }

    [Fact]
    public async Task The_diagnostics_of_a_large_invalid_sweep_are_bounded_and_counted()
    {
        var result = await TestHost.Run("sweep", "job", "steps=range(-100,0)", "-o", Runs);

        Assert.Equal(1, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(22, lines.Length);
        Assert.Equal("jobs: error: 100 of 100 points are invalid; nothing was written", lines[^2]);
        Assert.Equal("100 errors, 0 warnings (80 more not shown)", lines[^1]);
        Assert.Empty(Others());
    }

    [Fact]
    public async Task Points_with_the_same_fingerprint_are_reported_in_groups()
    {
        var result = await TestHost.Run("sweep", "job", "steps=5,5,6", "network.layers=2,02", "-o", Runs);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "warning: 2 groups of points resolve to the same config (same fingerprint): points 0, 1, 2, 3; points 4, 5\nwrote 6 points to '" + Runs + "'\n",
            result.Error);
        Assert.Single(Manifest(Runs).Select(static l => l.GetProperty("fingerprint").GetString()).Take(4).Distinct());
    }

    [Fact]
    public async Task An_existing_non_empty_directory_is_refused_without_force_and_replaced_with_it()
    {
        Directory.CreateDirectory(Runs);
        File.WriteAllText(Path.Combine(Runs, "old.txt"), "old");

        var refused = await TestHost.Run("sweep", "job", "steps=1,2", "-o", Runs);
        Assert.Equal(2, refused.ExitCode);
        Assert.StartsWith("jobs: error: the directory '" + Runs + "' is not empty; give --force to replace it, or another -o\n", refused.Error, StringComparison.Ordinal);
        Assert.Equal("old", File.ReadAllText(Path.Combine(Runs, "old.txt")));

        var forced = await TestHost.Run("sweep", "job", "steps=1,2", "-o", Runs, "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(["000", "001", "manifest.jsonl"], Directory.EnumerateFileSystemEntries(Runs).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["runs"], Others());
    }

    [Fact]
    public async Task Groups_of_points_that_differ_only_in_a_secret_are_named_apart_with_the_axis_and_its_place()
    {
        var result = await TestHost.Run("sweep", "job", "steps=5,6", "token=hunter2,swordfish", "-o", Runs);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "warning: 2 groups of points differ only in the secret token (cli arg #2), which a written config never holds, so the files of each are identical: points 0, 1; points 2, 3\n"
            + "wrote 4 points to '" + Runs + "'\n",
            result.Error);
        Assert.Equal(File.ReadAllText(Path.Combine(Runs, "000", "config.yaml")), File.ReadAllText(Path.Combine(Runs, "001", "config.yaml")));
    }

    [Fact]
    public async Task A_group_whose_points_differ_in_a_secret_and_in_another_axis_is_reported_as_the_same_config()
    {
        var result = await TestHost.Run("sweep", "job", "network.layers=2,02", "token=a,b", "-o", Runs);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("warning: 1 group of points resolves to the same config (same fingerprint): points 0, 1, 2, 3\nwrote 4 points to '" + Runs + "'\n", result.Error);
    }

    [Fact]
    public async Task A_write_that_fails_half_way_keeps_the_old_directory_and_leaves_no_temporary()
    {
        Directory.CreateDirectory(Runs);
        File.WriteAllText(Path.Combine(Runs, "old.txt"), "old");
        OutputFile.FaultAfterPartialWrite = static _ => throw new IOException("No space left on device (injected)");
        HostResult result;
        try
        {
            result = await TestHost.Run("sweep", "job", "steps=1,2", "-o", Runs, "--force");
        }
        finally
        {
            OutputFile.FaultAfterPartialWrite = null;
        }

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("jobs: error: cannot write '" + Path.Combine(Runs, "000", "config.yaml") + "': No space left on device (injected)\n", result.Error);
        Assert.Equal(["old.txt"], Directory.EnumerateFileSystemEntries(Runs).Select(Path.GetFileName));
        Assert.Equal(["runs"], Others());
    }

    [Fact]
    public async Task An_existing_empty_directory_is_filled_without_force()
    {
        Directory.CreateDirectory(Runs);

        var result = await TestHost.Run("sweep", "job", "steps=1,2", "-o", Runs);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, Manifest(Runs).Length);
    }

    [Fact]
    public async Task A_directory_that_holds_an_input_is_never_replaced_even_with_force()
    {
        Directory.CreateDirectory(Runs);
        var file = _dir.Write("runs/job.yaml", "steps: 3\n");

        var result = await TestHost.Run("sweep", "job", "-c", file, "name=a,b", "-o", Runs, "--force");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("jobs: error: refusing to replace the directory '" + Runs + "', which holds one of the inputs ('" + file + "')\n", result.Error, StringComparison.Ordinal);
        Assert.Equal("steps: 3\n", File.ReadAllText(file));
        Assert.Equal(["runs"], Others());
    }

    [Fact]
    public async Task A_directory_that_holds_a_file_an_input_includes_is_never_replaced()
    {
        Directory.CreateDirectory(Runs);
        var included = _dir.Write("runs/base.yaml", "steps: 3\n");
        var file = _dir.Write("job.yaml", "include: [runs/base.yaml]\n");

        var result = await TestHost.Run("sweep", "job", "-c", file, "name=a,b", "-o", Runs, "--force");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("which holds one of the inputs", result.Error, StringComparison.Ordinal);
        Assert.Equal("steps: 3\n", File.ReadAllText(included));
        Assert.Equal(["job.yaml", "runs"], Others());
    }

    [Fact]
    public async Task A_directory_that_holds_the_target_of_a_linked_input_is_never_replaced()
    {
        Directory.CreateDirectory(Runs);
        var target = _dir.Write("runs/job.yaml", "steps: 3\n");
        var link = Path.Combine(_dir.Path, "link.yaml");
        File.CreateSymbolicLink(link, target);

        var result = await TestHost.Run("sweep", "job", "-c", link, "name=a,b", "-o", Runs, "--force");

        Assert.Equal(2, result.ExitCode);
        Assert.True(File.Exists(target));
    }

    [Fact]
    public async Task A_directory_that_holds_the_working_directory_is_never_replaced()
    {
        var work = Directory.CreateDirectory(Path.Combine(_dir.Path, "work")).FullName;
        File.WriteAllText(Path.Combine(work, "keep.txt"), "keep");

        var result = await Strata.Cli.Tests.Process.StrataProcess.RunIn(work, "sweep", "gpt-trainer", "training.train_iters=1,2", "-o", _dir.Path, "--force");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("strata: error: refusing to replace the directory '" + _dir.Path + "', which holds the working directory\n", result.Error, StringComparison.Ordinal);
        Assert.Equal("keep", File.ReadAllText(Path.Combine(work, "keep.txt")));
    }

    [Fact]
    public async Task Dry_run_writes_a_format_character_of_a_value_as_an_escape()
    {
        var result = await TestHost.Run("sweep", "job", "name=a\u202eb,c", "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("0 name=a\\u202eb\n1 name=c\n", result.Output);
    }

    [Fact]
    public async Task Dry_run_lists_the_points_and_writes_nothing()
    {
        var text = await TestHost.Run("sweep", "job", "steps=range(1,3)", "name='x,y',z", "--dry-run", "-o", Runs);
        var json = await TestHost.Run("sweep", "job", "--zip", "steps=range(1,3)", "name='x,y',z", "--dry-run", "--format", "json");

        Assert.Equal(0, text.ExitCode);
        Assert.Equal("0 steps=1 name='x,y'\n1 steps=1 name=z\n2 steps=2 name='x,y'\n3 steps=2 name=z\n", text.Output);
        Assert.Equal("{\"index\":0,\"values\":{\"steps\":\"1\",\"name\":\"'x,y'\"}}\n{\"index\":1,\"values\":{\"steps\":\"2\",\"name\":\"z\"}}\n", json.Output);
        Assert.Empty(Others());
    }

    [Fact]
    public async Task Zip_of_axes_of_different_lengths_is_a_usage_error_naming_the_lengths()
    {
        var result = await TestHost.Run("sweep", "job", "--zip", "steps=1,2", "name=a,b,c", "-o", Runs);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("jobs: error: --zip pairs the values of the axes by position, so every axis needs as many values; steps has 2, name has 3\n", result.Error, StringComparison.Ordinal);
        Assert.Empty(Others());
    }

    [Fact]
    public async Task A_malformed_axis_is_an_error_at_its_override_and_nothing_is_resolved()
    {
        var result = await TestHost.Run("sweep", "job", "steps=range(1,4,0)", "name=range(a,b)", "-o", Runs);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "cli arg #1: error STR0010: steps: the step of a range cannot be 0\n"
            + "cli arg #2: error STR0010: name: the arguments of a range are integers (list decimal values instead: a=0.1,0.2), got 'a'\n"
            + "2 errors, 0 warnings\n",
            result.Error);
        Assert.Empty(Others());
    }

    [Theory]
    [InlineData("a sweep writes a directory: give it with -o DIR (or list the points with --dry-run)")]
    [InlineData("-o needs a directory (a sweep writes one file per point, not a document on standard output)", "-o", "-")]
    public async Task A_sweep_without_a_directory_is_a_usage_error(string message, params string[] output)
    {
        var result = await TestHost.Run(["sweep", "job", "steps=1,2", .. output]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("jobs: error: " + message + "\n", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_output_that_is_a_file_or_under_a_missing_directory_is_refused()
    {
        var file = _dir.Write("file.txt", "keep");

        var onFile = await TestHost.Run("sweep", "job", "steps=1,2", "-o", file);
        var missing = await TestHost.Run("sweep", "job", "steps=1,2", "-o", Path.Combine(_dir.Path, "no", "runs"));

        Assert.Equal(1, onFile.ExitCode);
        Assert.Equal("jobs: error: cannot write '" + file + "': it exists and is not a directory\n", onFile.Error);
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal("jobs: error: cannot write '" + Path.Combine(_dir.Path, "no", "runs") + "': the directory '" + Path.Combine(_dir.Path, "no") + "' does not exist\n", missing.Error);
        Assert.Equal("keep", File.ReadAllText(file));
        Assert.Equal(["file.txt"], Others());
    }

    [Fact]
    public async Task An_output_whose_status_cannot_be_read_is_refused_with_the_reason()
    {
        var file = _dir.Write("file.txt", "keep");
        var underFile = Path.Combine(file, "runs");
        var tooLong = Path.Combine(_dir.Path, new string('a', 300));

        var notADirectory = await TestHost.Run("sweep", "job", "steps=1,2", "-o", underFile);
        var nameTooLong = await TestHost.Run("sweep", "job", "steps=1,2", "-o", tooLong);

        Assert.Equal(1, notADirectory.ExitCode);
        Assert.Equal("jobs: error: cannot write '" + underFile + "': a part of the path is not a directory\n", notADirectory.Error);
        Assert.Equal(1, nameTooLong.ExitCode);
        Assert.EndsWith("': the path is too long\n", nameTooLong.Error, StringComparison.Ordinal);
        Assert.Equal(["file.txt"], Others());
    }

    [Fact]
    public async Task The_line_that_names_the_written_directory_writes_a_control_character_as_an_escape()
    {
        var runs = Path.Combine(_dir.Path, "r\u001b[31m");

        var result = await TestHost.Run("sweep", "job", "steps=1,2", "-o", runs);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("wrote 2 points to '" + runs.Replace("\u001b", "\\u001b", StringComparison.Ordinal) + "'\n", result.Error);
        Assert.True(Directory.Exists(runs));
    }

    [Fact]
    public async Task A_swept_secret_is_not_written_to_the_manifest()
    {
        var result = await TestHost.Run("sweep", "job", "token=hunter2,swordfish", "-o", Runs);

        Assert.Equal(0, result.ExitCode);
        var text = File.ReadAllText(Path.Combine(Runs, "manifest.jsonl"));
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, Manifest(Runs)[0].GetProperty("values").GetProperty("token").ValueKind);
    }

    [Fact]
    public async Task A_swept_secret_is_shown_as_stars_in_the_dry_run_and_in_the_label_of_a_points_errors()
    {
        var text = await TestHost.Run("sweep", "job", "token=hunter2,swordfish", "steps=0", "--dry-run");
        var json = await TestHost.Run("sweep", "job", "token=hunter2,swordfish", "--dry-run", "--format", "json");
        var invalid = await TestHost.Run("sweep", "job", "token=hunter2,swordfish", "steps=0", "-o", Runs);

        Assert.Equal("0 token=***\n1 token=***\n", text.Output);
        Assert.Equal("{\"index\":0,\"values\":{\"token\":\"***\"}}\n{\"index\":1,\"values\":{\"token\":\"***\"}}\n", json.Output);
        Assert.Equal(1, invalid.ExitCode);
        Assert.StartsWith("point 0 (token=***): cli arg #2: error STR0103: steps: must be >= 1, got 0\n", invalid.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", invalid.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("swordfish", invalid.Error, StringComparison.Ordinal);
        Assert.Empty(Others());
    }

    [Fact]
    public async Task The_manifest_holds_the_effective_value_of_an_interpolated_axis_not_its_expression()
    {
        var result = await TestHost.Run("sweep", "job", "steps=3", "name=run${steps},plain", "-o", Runs);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("run3", Manifest(Runs)[0].GetProperty("values").GetProperty("name").GetString());
        Assert.Equal("steps: 3\nname: run${steps}\n", File.ReadAllText(Path.Combine(Runs, "000", "config.yaml")));
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(1000, 3)]
    [InlineData(1001, 4)]
    [InlineData(1_000_000, 6)]
    public void The_directory_names_have_the_digits_of_the_last_index_and_at_least_three(int count, int width) =>
        Assert.Equal(width, SweepVerb.IndexWidth(count));
}
