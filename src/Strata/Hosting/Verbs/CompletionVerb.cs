using System.CommandLine;
using Strata.Hosting.CommandLine;

namespace Strata.Hosting.Verbs;

/// <summary>
/// <c>completion bash|zsh|fish|pwsh</c>: prints a script to source that completes the program's command line in that
/// shell. Each script sends the line up to the cursor to the program as <c>NAME "[suggest:N]" "LINE"</c> (the request
/// dotnet-suggest makes), prints the candidates back one a line, and leaves file names (after <c>-c</c> and <c>-o</c>,
/// and wherever the program offers nothing) to the shell's own completion.
/// </summary>
internal static class CompletionVerb
{
    private static readonly string[] s_shells = ["bash", "zsh", "fish", "pwsh"];

    public static Command Create(HostContext context)
    {
        var shell = new Argument<string>("shell") { Description = "The shell: bash, zsh, fish or pwsh.", HelpName = "bash|zsh|fish|pwsh" };
        shell.AcceptOnlyFromAmong(s_shells);
        var command = new Command("completion", "Print a shell script that completes commands, options and config keys.") { shell };
        HostCommandLine.SetAction(command, context, parse =>
        {
            var name = context.Host.Name;
            foreach (var c in name)
            {
                // The name is written into shell code: only characters that need no quoting in any of the four shells.
                if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
                {
                    throw new UsageException("cannot write a completion script for a program named " + MessageText.Quoted(name) + " (letters, digits, '-', '_' and '.' only)");
                }
            }

            var function = "_" + name.Replace('-', '_').Replace('.', '_') + "_complete";
            var script = parse.GetValue(shell) switch
            {
                "zsh" => Zsh,
                "fish" => Fish,
                "pwsh" => Pwsh,
                _ => Bash,
            };
            context.Console.Output.Write(script.Replace("NAME", name, StringComparison.Ordinal).Replace("FUNCTION", function, StringComparison.Ordinal));
            return ExitCodes.Success;
        });
        return command;
    }

    // bash splits a word at the characters of COMP_WORDBREAKS (= and : among them): the candidates are whole
    // arguments, so the part of the argument before bash's word is taken off each of them.
    private const string Bash = """
        # bash completion for NAME. Load it with: source <(NAME completion bash)
        FUNCTION()
        {
            local line="${COMP_LINE:0:COMP_POINT}"
            local rest="${line#*[[:space:]]}"
            [[ "$rest" == "$line" ]] && rest=""
            local word="${line##*[[:space:]]}"
            local i start=0
            for (( i = ${#word} - 1; i >= 0; i-- )); do
                if [[ -n "${COMP_WORDBREAKS:-}" && "$COMP_WORDBREAKS" == *"${word:i:1}"* ]]; then
                    start=$((i + 1))
                    break
                fi
            done
            local candidates candidate
            mapfile -t candidates < <(NAME "[suggest:${#rest}]" "$rest" 2>/dev/null)
            COMPREPLY=()
            for candidate in "${candidates[@]}"; do
                if [[ "$candidate" == "$word"* ]]; then
                    COMPREPLY+=("${candidate:start}")
                fi
            done
            if [[ ${#COMPREPLY[@]} -eq 1 && "${COMPREPLY[0]}" == *[.=] ]]; then
                compopt -o nospace 2>/dev/null
            fi
        }
        complete -o default -F FUNCTION NAME

        """;

    private const string Zsh = """
        #compdef NAME
        # zsh completion for NAME. Load it with: source <(NAME completion zsh)
        FUNCTION() {
          local line="${BUFFER[1,CURSOR]}"
          local rest="${line#*[[:space:]]}"
          [[ "$rest" == "$line" ]] && rest=""
          local -a candidates
          candidates=("${(@f)$(NAME "[suggest:${#rest}]" "$rest" 2>/dev/null)}")
          local candidate added=1
          for candidate in "${candidates[@]}"; do
            [[ -z "$candidate" ]] && continue
            if [[ "$candidate" == *[.=] ]]; then
              compadd -S '' -- "$candidate" && added=0
            else
              compadd -- "$candidate" && added=0
            fi
          done
          (( added == 0 )) || _files
        }
        compdef FUNCTION NAME

        """;

    private const string Fish = """
        # fish completion for NAME. Load it with: NAME completion fish | source
        function FUNCTION
            set -l line (commandline -cp)
            set -l rest (string replace -r '^\S*\s' '' -- $line)
            NAME "[suggest:"(string length -- "$rest")"]" "$rest" 2>/dev/null
        end
        complete -c NAME -f -a '(FUNCTION)'
        complete -c NAME -s c -l config -r -F
        complete -c NAME -s o -l output -r -F

        """;

    // PowerShell hands the completer the parsed line: each word goes to the program by its value (quotes and escapes
    // taken off), and each candidate comes back as a bare word with PowerShell's special characters escaped, so that
    // the completed line gives the program the candidate as it is and runs nothing ($(...), `, ;, quotes). A word that
    // PowerShell would expand ($x, $(...)) or that holds a space gets no candidate (its value is known only when the
    // line runs); PowerShell then completes file names. The script is run by CompletionScriptTests in a real pwsh.
    private const string Pwsh = """
        # PowerShell completion for NAME. Load it with: NAME completion pwsh | Out-String | Invoke-Expression
        Register-ArgumentCompleter -Native -CommandName 'NAME' -ScriptBlock {
            param($wordToComplete, $commandAst, $cursorPosition)
            $PSNativeCommandArgumentPassing = 'Standard'
            $words = @()
            $word = ''
            foreach ($element in $commandAst.CommandElements | Select-Object -Skip 1) {
                $extent = $element.Extent
                if ($extent.StartOffset -ge $cursorPosition) { break }
                $constant = $element -is [System.Management.Automation.Language.StringConstantExpressionAst]
                $value = if ($constant) { $element.Value } else { $extent.Text }
                if ($extent.EndOffset -lt $cursorPosition) {
                    $words += if ($value -match '\s') { '"' + $value + '"' } else { $value }
                    continue
                }
                if (-not ($constant -or $element -is [System.Management.Automation.Language.CommandParameterAst])) { return }
                if ($extent.EndOffset -gt $cursorPosition) { $value = $extent.Text.Substring(0, $cursorPosition - $extent.StartOffset) }
                if ($value -match '[\s"]') { return }
                $word = $value
            }
            $line = (@($words) + $word) -join ' '
            & 'NAME' "[suggest:$($line.Length)]" $line 2>$null | ForEach-Object {
                if ($_.StartsWith($word, [System.StringComparison]::Ordinal)) {
                    $text = $_ -replace '[\s`$''"\u2018-\u201E#@;,(){}|&<>]', '`$0'
                    [System.Management.Automation.CompletionResult]::new($text, $_, 'ParameterValue', $_)
                }
            }
        }

        """;
}
