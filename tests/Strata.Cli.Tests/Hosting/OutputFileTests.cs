namespace Strata.Cli.Tests.Hosting;

public sealed class OutputFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Output_option_writes_the_document_to_the_file_and_nothing_to_the_output()
    {
        var target = Path.Combine(_dir.Path, "resolved.yaml");

        var result = await TestHost.Run("resolve", "job", "steps=3", "-o", target);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal("steps: 3\n", File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public async Task Output_option_replaces_an_existing_file()
    {
        var target = _dir.Write("resolved.yaml", "old\n");

        var result = await TestHost.Run("resolve", "job", "steps=3", "--output", target);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("steps: 3\n", File.ReadAllText(target));
    }

    [Fact]
    public async Task Output_option_refuses_to_overwrite_a_config_file_of_the_command()
    {
        var input = _dir.Write("job.yaml", "steps: 10\n");

        var result = await TestHost.Run("resolve", "job", "-c", input, "--show", "all", "-o", input);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("refusing to write the output to", result.Error, StringComparison.Ordinal);
        Assert.Equal("steps: 10\n", File.ReadAllText(input));
    }

    [Fact]
    public async Task Output_option_refuses_another_spelling_of_an_input_path()
    {
        var input = _dir.Write("job.yaml", "steps: 10\n");
        var other = Path.Combine(_dir.Path, ".", "sub", "..", "job.yaml");
        Directory.CreateDirectory(Path.Combine(_dir.Path, "sub"));

        var result = await TestHost.Run("resolve", "job", "-c", input, "-o", other);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("steps: 10\n", File.ReadAllText(input));
    }

    [Fact]
    public async Task Output_option_refuses_to_overwrite_a_response_file()
    {
        var args = _dir.Write("args.txt", "steps=4\n");

        var result = await TestHost.Run("resolve", "job", "@" + args, "-o", args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("steps=4\n", File.ReadAllText(args));
    }

    [Fact]
    public async Task An_invalid_config_leaves_the_output_file_alone()
    {
        var target = _dir.Write("resolved.yaml", "old\n");

        var result = await TestHost.Run("resolve", "job", "steps=0", "-o", target);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("old\n", File.ReadAllText(target));
    }

    [Fact]
    public async Task An_output_in_a_missing_directory_is_an_error_without_a_stack_trace()
    {
        var target = Path.Combine(_dir.Path, "missing", "resolved.yaml");

        var result = await TestHost.Run("resolve", "job", "steps=3", "-o", target);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("jobs: error: cannot write '" + target + "'", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
