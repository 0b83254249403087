using System.Globalization;
using System.Text;

namespace Strata.Hosting.CommandLine;

/// <summary>
/// Writes diagnostics to the error stream like a compiler, one line each (<see cref="Diagnostic.ToString"/>), at most
/// <see cref="MaxShownLines"/> of them, then a one-line count of all such as <c>1 error, 2 warnings</c> (with
/// <c>(N more not shown)</c> past the bound). Coloured only when the console says so.
/// </summary>
internal sealed class DiagnosticPrinter(HostConsole console)
{
    /// <summary>
    /// The most diagnostic lines written for one command: a file of 100 000 duplicate or unknown keys is 100 000 problems,
    /// but a screenful names the pattern, and printing every one made tens of megabytes of text from 16 MiB of input.
    /// The count line still counts them all, the errors are kept first, and each kept line is the same as before.
    /// </summary>
    public const int MaxShownLines = 100;

    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Red = "\u001b[1;31m";
    private const string Yellow = "\u001b[1;33m";
    private const string Cyan = "\u001b[1;36m";

    /// <summary>Writes every diagnostic and the count line (nothing at all when there is none and <paramref name="always"/> is false).</summary>
    public void Write(IReadOnlyList<Diagnostic> diagnostics, bool always = false)
    {
        // Past the bound the errors are kept before the rest (a resolution's diagnostics come in the order of their
        // places, so 100 warnings above an error would hide the one problem that fails the command); the lines kept
        // are written in the order given.
        var errors = 0;
        if (diagnostics.Count > MaxShownLines)
        {
            foreach (var d in diagnostics)
            {
                errors += d.Severity == DiagnosticSeverity.Error ? 1 : 0;
            }
        }

        var others = MaxShownLines - Math.Min(errors, MaxShownLines);
        var shown = 0;
        for (var i = 0; i < diagnostics.Count && shown < MaxShownLines; i++)
        {
            var d = diagnostics[i];
            if (d.Severity != DiagnosticSeverity.Error)
            {
                if (others == 0)
                {
                    continue;
                }

                others--;
            }

            WriteOne(d);
            shown++;
        }

        if (diagnostics.Count > 0 || always)
        {
            console.Error.Write(Count(diagnostics));
            console.Error.Write(shown < diagnostics.Count ? " (" + (diagnostics.Count - shown).ToString(CultureInfo.InvariantCulture) + " more not shown)\n" : "\n");
        }
    }

    /// <summary>Writes a message that is not about the config (a usage error, an output file that cannot be written).</summary>
    public void WriteError(string program, string message)
    {
        var error = console.UseColor ? Red + "error" + Reset : "error";
        console.Error.Write(program + ": " + error + ": " + MessageText.Printable(MessageText.Capped(message)) + "\n");
    }

    /// <summary>Formats the count line: <c>1 error, 2 warnings</c>, with <c>, 1 remark</c> when there are remarks.</summary>
    public static string Count(IReadOnlyList<Diagnostic> diagnostics)
    {
        int errors = 0, warnings = 0, remarks = 0;
        foreach (var d in diagnostics)
        {
            switch (d.Severity)
            {
                case DiagnosticSeverity.Error:
                    errors++;
                    break;
                case DiagnosticSeverity.Warning:
                    warnings++;
                    break;
                default:
                    remarks++;
                    break;
            }
        }

        var text = Plural(errors, "error") + ", " + Plural(warnings, "warning");
        return remarks > 0 ? text + ", " + Plural(remarks, "remark") : text;
    }

    private static string Plural(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    private void WriteOne(Diagnostic diagnostic)
    {
        var text = MessageText.Printable(diagnostic.ToString());
        var severity = diagnostic.SeverityName;
        var at = text.IndexOf(severity + " " + diagnostic.Code, StringComparison.Ordinal);
        if (!console.UseColor || at < 0)
        {
            console.Error.Write(text);
            console.Error.Write('\n');
            return;
        }

        // The plain text is "<location>: <severity> <code>: ..."; colour the location bold and the severity by level.
        var colour = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => Red,
            DiagnosticSeverity.Warning => Yellow,
            _ => Cyan,
        };
        var sb = new StringBuilder();
        if (at > 0)
        {
            sb.Append(Bold).Append(text, 0, at).Append(Reset);
        }

        sb.Append(colour).Append(severity).Append(Reset).Append(text, at + severity.Length, text.Length - at - severity.Length).Append('\n');
        console.Error.Write(sb.ToString());
    }
}
