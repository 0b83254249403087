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
/// the line completed by PowerShell itself (<c>TabExpansion2</c>, what Tab calls), then the completed line run as Enter
/// runs it. A shell is found at the path <c>STRATA_SHELL</c> names (<c>STRATA_PWSH</c>: CI installs PowerShell as a .NET
/// tool under artifacts/), else in /bin or /usr/bin; a shell that is not installed is a skip that says so.
/// </summary>
public sealed class CompletionScriptTests
{
    private static Task<string> Bash(string body) =>
        Shell("bash", ["--norc", "--noprofile", "-c", "set -o emacs\nsource <(strata completion bash)\n" + body]);

    /// <summary>Runs <paramref name="shell"/> (named by STRATA_SHELL, else found in /bin or /usr/bin) with the arguments; its standard output.</summary>
    private static async Task<string> Shell(string shell, string[] arguments)
    {
        var variable = "STRATA_" + shell.ToUpperInvariant();
        var path = Environment.GetEnvironmentVariable(variable) is { Length: > 0 } named
            ? Path.GetFullPath(named)
            : new[] { "/bin/" + shell, "/usr/bin/" + shell }.FirstOrDefault(File.Exists);
        if (OperatingSystem.IsWindows() || path is null)
        {
            Assert.Skip("no " + shell + " on this machine: its completion script is not run (install it, or set " + variable + " to its executable, to run this test)");
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

    /// <summary>
    /// pwsh: the script loaded as docs/cli.md says, then each line completed by PowerShell (<c>TabExpansion2</c>, what Tab
    /// calls, the cursor at the end); the completion texts, then <c>--</c>. The lines go through a file, not through
    /// PowerShell's quoting. <paramref name="before"/> and <paramref name="after"/> are PowerShell run before and after the
    /// completions (<c>$completed</c>: each line with its completion put in, as Tab leaves it).
    /// </summary>
    private static async Task<string> Pwsh(string[] lines, string before = "", string after = "")
    {
        using var directory = new TempDirectory();
        var file = directory.Write("lines.txt", string.Join('\n', lines));
        var output = await Shell("pwsh", [
            "-NoProfile", "-NonInteractive", "-Command",
            before
            + "strata completion pwsh | Out-String | Invoke-Expression\n"
            + "$completed = @()\n"
            + "foreach ($line in [System.IO.File]::ReadAllLines('" + file + "')) {\n"
            + "  $result = TabExpansion2 $line $line.Length\n"
            + "  foreach ($match in $result.CompletionMatches) {\n"
            + "    $match.CompletionText\n"
            + "    $completed += $line.Remove($result.ReplacementIndex, $result.ReplacementLength).Insert($result.ReplacementIndex, $match.CompletionText)\n"
            + "  }\n"
            + "  '--'\n"
            + "}\n"
            + after,
        ]);
        return output.ReplaceLineEndings("\n");
    }

    [Fact]
    public async Task The_pwsh_script_completes_verbs_kinds_keys_values_options_and_file_names_in_powershell()
    {
        var output = await Pwsh([
            "strata resolve gpt-trainer model.base_model.trans",
            "strata res",
            "strata resolve gp",
            "strata resolve gpt-trainer model.base_model.transformer.activation_type=s",
            "strata resolve gpt-trainer --sho",
            "strata resolve gpt-trainer -o out.yaml model.base_model.trans",
            "strata resolve gpt-trainer training.train_iters=3 model.ba",
            "strata resolve gpt-trainer 'model.base_model.trans",
            "strata resolve gpt-trainer -c examples/from-scr",
        ]);

        // A single-quoted word is completed by its value and written back bare; after -c the program offers nothing and
        // PowerShell completes the file name itself.
        Assert.Equal(
            "model.base_model.transformer.\n--\n"
            + "resolve\n--\n"
            + "gpt-model\ngpt-trainer\n--\n"
            + "model.base_model.transformer.activation_type=silu\nmodel.base_model.transformer.activation_type=squared_relu\n--\n"
            + "--show\n--show-layers\n--\n"
            + "model.base_model.transformer.\n--\n"
            + "model.base_model.\n--\n"
            + "model.base_model.transformer.\n--\n"
            + "./examples/from-scratch.yaml\n--\n",
            output);
    }

    [Fact]
    public async Task In_powershell_a_word_with_quotes_backticks_or_a_subexpression_is_completed_as_data_and_the_completed_line_runs_nothing()
    {
        // Dictionary keys (data.datasets.KEY, reference_models.KEY) come back in the candidates as typed. Each completed
        // line is then run as Enter runs it, with strata a function that prints the word it got, and Pwned a function
        // that leaves a file: neither Tab nor Enter may call it, and the word must arrive as the program offered it.
        var output = await Pwsh(
            [
                "strata resolve gpt-trainer 'data.datasets.a$(Pwned).",
                "strata resolve gpt-trainer data.datasets.a`$`(Pwned`).",
                "strata resolve gpt-trainer \"data.datasets.a`$(Pwned).",
                "strata resolve gpt-trainer 'reference_models.x;Pwned;''`#@,{}|&<>.mo",
                "strata resolve gpt-trainer data.datasets.a$(Pwned).",
                "strata resolve gpt-trainer 'data.datasets.a\"$(Pwned).",
            ],
            "function Pwned { New-Item -ItemType File -Path (Join-Path $HOME 'pwned') | Out-Null }\n",
            "function strata { 'ran: ' + $args[-1] }\n"
            + "$completed | ForEach-Object { Invoke-Expression $_ }\n"
            + "'pwned: ' + (Test-Path (Join-Path $HOME 'pwned'))\n");

        // The word PowerShell would expand ($(...) live on the line) gets no candidate: its value is known only when the
        // line runs. A double quote in a word is refused by the program's completion (its line splitter reads quotes).
        Assert.Equal(
            "data.datasets.a`$`(Pwned`).type=\n--\n"
            + "data.datasets.a`$`(Pwned`).type=\n--\n"
            + "data.datasets.a`$`(Pwned`).type=\n--\n"
            + "reference_models.x`;Pwned`;`'```#`@`,`{`}`|`&`<`>.model.\n--\n"
            + "--\n"
            + "--\n"
            + "ran: data.datasets.a$(Pwned).type=\n"
            + "ran: data.datasets.a$(Pwned).type=\n"
            + "ran: data.datasets.a$(Pwned).type=\n"
            + "ran: reference_models.x;Pwned;'`#@,{}|&<>.model.\n"
            + "pwned: False\n",
            output);
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
