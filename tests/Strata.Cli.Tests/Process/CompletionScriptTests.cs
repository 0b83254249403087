using System.Diagnostics;
using Strata.Cli.Tests.Hosting;

namespace Strata.Cli.Tests.Process;

/// <summary>
/// The bash script of <c>strata completion bash</c> in a real bash: sourced, registered for <c>strata</c>, and its
/// function called as bash's programmable completion calls it (COMP_LINE, COMP_POINT, COMP_WORDS split at bash's word
/// breaks, COMP_CWORD), with the built tool on PATH as <c>strata</c>.
/// </summary>
public sealed class CompletionScriptTests
{
    private static async Task<string> Bash(string body)
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/bin/bash"))
        {
            Assert.Skip("no bash on this machine");
        }

        using var bin = new TempDirectory();
        File.CreateSymbolicLink(Path.Combine(bin.Path, "strata"), StrataProcess.Executable);
        var start = new ProcessStartInfo("/bin/bash")
        {
            WorkingDirectory = StrataProcess.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--norc", "--noprofile", "-c", "set -o emacs\nsource <(strata completion bash)\n" + body })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = bin.Path + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, "bash failed: " + await error);
        return await output;
    }

    /// <summary>Sets what bash sets for a completion at the end of <paramref name="line"/>, calls the function, prints COMPREPLY.</summary>
    private static string Complete(string line, params string[] words) =>
        "COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(" + string.Join(' ', words.Select(w => "'" + w + "'")) + "); "
        + "COMP_CWORD=" + (words.Length - 1) + "; COMPREPLY=(); _strata_complete strata \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"; "
        + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";

    [Fact]
    public async Task The_sourced_script_registers_its_function_for_strata()
    {
        Assert.Equal("complete -o default -F _strata_complete strata\n", await Bash("complete -p strata\n"));
    }

    [Fact]
    public async Task A_key_completes_to_its_section_with_the_trailing_dot()
    {
        var output = await Bash(Complete("strata resolve gpt-trainer model.base_model.trans", "strata", "resolve", "gpt-trainer", "model.base_model.trans"));
        Assert.Equal("model.base_model.transformer.\n", output);
    }

    [Fact]
    public async Task After_an_equals_sign_bash_gets_the_values_alone_since_it_split_the_word_there()
    {
        var output = await Bash(Complete(
            "strata resolve gpt-trainer model.base_model.transformer.activation_type=s",
            "strata", "resolve", "gpt-trainer", "model.base_model.transformer.activation_type", "=", "s"));
        Assert.Equal("silu\nsquared_relu\n", output);
    }

    [Fact]
    public async Task Verbs_and_options_complete_by_prefix()
    {
        Assert.Equal("resolve\n", await Bash(Complete("strata res", "strata", "res")));
        Assert.Equal("--show\n--show-layers\n", await Bash(Complete("strata resolve gpt-trainer --sho", "strata", "resolve", "gpt-trainer", "--sho")));
    }

    [Fact]
    public async Task A_file_option_gets_no_candidate_so_bash_completes_file_names()
    {
        Assert.Equal("\n", await Bash(Complete("strata resolve gpt-trainer -c exam", "strata", "resolve", "gpt-trainer", "-c", "exam")));
    }
}
