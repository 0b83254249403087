using System.Diagnostics;
using Strata.Cli.Tests.Hosting;

namespace Strata.Cli.Tests.Process;

/// <summary>
/// The scripts of <c>strata completion SHELL</c> in the real shells, with the built tool on PATH as <c>strata</c>. bash:
/// sourced, registered for <c>strata</c>, and its function called as bash's programmable completion calls it
/// (COMP_LINE, COMP_POINT, COMP_WORDS split at bash's word breaks, COMP_CWORD). zsh: sourced without compinit, its
/// function called with BUFFER and CURSOR set as the line editor sets them, <c>compadd</c>, <c>_files</c> and
/// <c>compdef</c> standing in for the completion system's (compadd keeps a candidate that starts with the word, as zsh's
/// default matching does). fish: sourced, and the line completed by fish itself (<c>complete -C</c>). pwsh: loaded, and
/// the line completed by PowerShell itself (<c>TabExpansion2</c>). A shell that is not installed is a skip that says so.
/// </summary>
public sealed class CompletionScriptTests
{
    private static Task<string> Bash(string body) =>
        Shell("bash", ["--norc", "--noprofile", "-c", "set -o emacs\nsource <(strata completion bash)\n" + body]);

    /// <summary>Runs <paramref name="shell"/> (found in /bin or /usr/bin) with the arguments; its standard output.</summary>
    private static async Task<string> Shell(string shell, string[] arguments)
    {
        var path = new[] { "/bin/" + shell, "/usr/bin/" + shell }.FirstOrDefault(File.Exists);
        if (OperatingSystem.IsWindows() || path is null)
        {
            Assert.Skip("no " + shell + " on this machine: its completion script is not run (install it to run this test)");
        }

        using var bin = new TempDirectory();
        File.CreateSymbolicLink(Path.Combine(bin.Path, "strata"), StrataProcess.Executable);
        var start = new ProcessStartInfo(path)
        {
            WorkingDirectory = StrataProcess.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = bin.Path + System.IO.Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["HOME"] = bin.Path;
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, shell + " failed: " + await error);
        return await output;
    }

    /// <summary>zsh: the script's function called for each of <paramref name="lines"/>, the cursor at its end; what compadd and _files were given, then <c>--</c>.</summary>
    private static Task<string> Zsh(params string[] lines)
    {
        var body = new System.Text.StringBuilder("""
            compdef() { print -r -- "compdef $*" }
            compadd() {
              local nospace=
              [[ $1 == -S && $2 == '' ]] && nospace=' (no space)'
              local word="${${BUFFER[1,CURSOR]}##* }"
              [[ "${@[-1]}" == "$word"* ]] || return 1
              print -r -- "${@[-1]}$nospace"
            }
            _files() { print -r -- '(files)' }
            source <(strata completion zsh)

            """);
        foreach (var line in lines)
        {
            body.Append("BUFFER='").Append(line).Append("'; CURSOR=${#BUFFER}; _strata_complete; print -r -- '--'\n");
        }

        return Shell("zsh", ["-f", "-c", body.ToString()]);
    }

    /// <summary>fish: each line completed by fish with the script loaded; the candidates, then <c>--</c>.</summary>
    private static Task<string> Fish(params string[] lines) =>
        Shell("fish", ["--no-config", "-c", "strata completion fish | source\n" + string.Concat(lines.Select(static l => "complete -C '" + l + "'; printf '%s\\n' --\n"))]);

    [Fact]
    public async Task The_zsh_script_registers_its_function_and_completes_keys_verbs_values_and_files()
    {
        var output = await Zsh(
            "strata resolve gpt-trainer model.base_model.trans",
            "strata res",
            "strata resolve gpt-trainer model.base_model.transformer.activation_type=s",
            "strata resolve gpt-trainer -c exam");

        Assert.Equal(
            "compdef _strata_complete strata\n"
            + "model.base_model.transformer. (no space)\n--\n"
            + "resolve\n--\n"
            + "model.base_model.transformer.activation_type=silu\nmodel.base_model.transformer.activation_type=squared_relu\n--\n"
            + "(files)\n--\n",
            output);
    }

    [Fact]
    public async Task The_fish_script_completes_keys_verbs_values_options_and_file_names_in_fish()
    {
        var output = await Fish(
            "strata resolve gpt-trainer model.base_model.trans",
            "strata res",
            "strata resolve gpt-trainer model.base_model.transformer.activation_type=s",
            "strata resolve gpt-trainer --sho",
            "strata resolve gpt-trainer -c examples/from-scr");

        Assert.Equal(
            "model.base_model.transformer.\n--\n"
            + "resolve\n--\n"
            + "model.base_model.transformer.activation_type=silu\nmodel.base_model.transformer.activation_type=squared_relu\n--\n"
            + "--show\n--show-layers\n--\n"
            + "examples/from-scratch.yaml\n--\n",
            output);
    }

    [Fact]
    public async Task The_pwsh_script_completes_a_key_in_powershell()
    {
        var output = await Shell("pwsh", [
            "-NoProfile", "-NonInteractive", "-Command",
            "strata completion pwsh | Out-String | Invoke-Expression; $line = 'strata resolve gpt-trainer model.base_model.trans'; (TabExpansion2 $line $line.Length).CompletionMatches | ForEach-Object { $_.CompletionText }",
        ]);

        Assert.Equal("model.base_model.transformer.\n", output.ReplaceLineEndings("\n"));
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
