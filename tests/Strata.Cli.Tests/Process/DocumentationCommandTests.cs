using System.Text.RegularExpressions;

namespace Strata.Cli.Tests.Process;

/// <summary>
/// The README and every <c>docs/*.md</c> show real output: each <c>```console</c> block is a transcript that is run.
/// A transcript holds <c>$ strata ...</c> commands (with <c>\</c> continuations), each followed by what it prints
/// (standard output, then standard error; a line <c>…</c> stands for any lines), and <c>$ cat FILE</c> commands,
/// followed by the content of a file that the next commands read. The commands run in a scratch directory holding a
/// copy of <c>examples/</c>; the exit code must be 1 when the output shown ends with a count of errors, 0 otherwise.
/// Commands that cannot run here (builds, installs, other programs) are marked so explicitly: they go in a
/// <c>```sh</c> block, which is not run; any other command in a <c>```console</c> block fails the test.
/// </summary>
public sealed partial class DocumentationCommandTests
{
    public static TheoryData<string, int> Transcripts()
    {
        var data = new TheoryData<string, int>();
        foreach (var document in Documents())
        {
            var count = ConsoleBlock().Count(Read(document));
            for (var i = 0; i < count; i++)
            {
                data.Add(document, i);
            }
        }

        return data;
    }

    [Fact]
    public void The_readme_and_the_docs_show_commands_with_their_output()
    {
        var documents = Documents().Where(d => ConsoleBlock().IsMatch(Read(d))).ToList();
        Assert.Contains("README.md", documents);
        Assert.Contains("docs/checkpoints.md", documents);
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public async Task A_console_block_of_the_documentation_shows_what_its_commands_print(string document, int block)
    {
        var text = ConsoleBlock().Matches(Read(document))[block].Groups[1].Value;
        var directory = Directory.CreateTempSubdirectory("strata-doc-commands-").FullName;
        try
        {
            CopyDirectory(Path.Combine(StrataProcess.RepositoryRoot, "examples"), Path.Combine(directory, "examples"));
            foreach (var step in Steps(document, text))
            {
                if (step.File is { } file)
                {
                    File.WriteAllText(Path.Combine(directory, file), step.Expected);
                    continue;
                }

                var result = await StrataProcess.RunIn(directory, Split(step.Command));
                var printed = result.Output + result.Error;
                Assert.True(
                    Matches(step.Expected, printed),
                    document + ": `" + step.Command + "` printed:\n" + printed + "\nThe document shows:\n" + step.Expected);
                Assert.True(
                    ShowsErrors(step.Expected) == (result.ExitCode == 1) && result.ExitCode is 0 or 1,
                    document + ": `" + step.Command + "` exited with " + result.ExitCode);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static IEnumerable<string> Documents()
    {
        yield return "README.md";
        foreach (var path in Directory.GetFiles(Path.Combine(StrataProcess.RepositoryRoot, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            yield return "docs/" + Path.GetFileName(path);
        }
    }

    private static string Read(string document) =>
        File.ReadAllText(Path.Combine(StrataProcess.RepositoryRoot, document)).ReplaceLineEndings("\n");

    /// <summary>The steps of a transcript: a <c>strata</c> command and its output, or a file and its content.</summary>
    private static List<(string Command, string? File, string Expected)> Steps(string document, string block)
    {
        var lines = block.Split('\n');
        Assert.True(lines[0].StartsWith("$ ", StringComparison.Ordinal), document + ": a console block starts with a `$ ` command:\n" + block);
        var steps = new List<(string, string?, string)>();
        var i = 0;
        while (i < lines.Length)
        {
            var command = lines[i][2..];
            while (command.EndsWith('\\'))
            {
                command = command[..^1].TrimEnd() + " " + lines[++i].Trim();
            }

            var start = ++i;
            while (i < lines.Length && !lines[i].StartsWith("$ ", StringComparison.Ordinal))
            {
                i++;
            }

            var output = string.Concat(lines[start..i].Select(static l => l + "\n"));
            if (command.StartsWith("cat ", StringComparison.Ordinal) && !command[4..].Contains(' ', StringComparison.Ordinal) && !command.Contains('/', StringComparison.Ordinal))
            {
                steps.Add((command, command[4..], output));
            }
            else
            {
                Assert.True(
                    command.StartsWith("strata ", StringComparison.Ordinal),
                    document + ": `" + command + "` cannot be run by this test: show it in a ```sh block (not run) instead of ```console");
                steps.Add((command, null, output));
            }
        }

        return steps;
    }

    /// <summary>Whether <paramref name="printed"/> is <paramref name="expected"/>, where a line <c>…</c> stands for any lines.</summary>
    private static bool Matches(string expected, string printed)
    {
        var pattern = "^" + string.Join("(?:.*\n)*", expected.Split("…\n").Select(Regex.Escape)) + "$";
        return Regex.IsMatch(printed, pattern, RegexOptions.None, TimeSpan.FromSeconds(10));
    }

    private static bool ShowsErrors(string expected) => ErrorCount().IsMatch(expected);

    private static string[] Split(string command) => command.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(source))
        {
            CopyDirectory(directory, Path.Combine(target, Path.GetFileName(directory)));
        }
    }

    [GeneratedRegex("```console\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex ConsoleBlock();

    [GeneratedRegex(@"^[1-9][0-9]* errors?,", RegexOptions.Multiline)]
    private static partial Regex ErrorCount();
}
