using System.Text.RegularExpressions;

namespace Strata.Cli.Tests.Process;

/// <summary>The README shows real output: every console block that runs one <c>strata</c> command still prints it.</summary>
public sealed partial class ReadmeTests
{
    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var (command, _) in Blocks())
        {
            data.Add(command);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task The_readme_shows_what_the_command_prints(string command)
    {
        var expected = Blocks().Single(b => b.Command == command).Output;

        var result = await StrataProcess.Run(Split(command));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, result.Output);
    }

    /// <summary>Console blocks whose only command is <c>$ strata ...</c> (with <c>\</c> continuations), and what follows it.</summary>
    private static IEnumerable<(string Command, string Output)> Blocks()
    {
        var readme = File.ReadAllText(Path.Combine(StrataProcess.RepositoryRoot, "README.md")).ReplaceLineEndings("\n");
        foreach (Match block in ConsoleBlock().Matches(readme))
        {
            var lines = block.Groups[1].Value.Split('\n');
            if (!lines[0].StartsWith("$ strata ", StringComparison.Ordinal) || lines.Skip(1).Any(static l => l.StartsWith("$ ", StringComparison.Ordinal)))
            {
                continue;
            }

            var i = 0;
            var command = lines[0][2..];
            while (command.EndsWith('\\'))
            {
                command = command[..^1].TrimEnd() + " " + lines[++i].Trim();
            }

            yield return (command, string.Join('\n', lines.Skip(i + 1)) + "\n");
        }
    }

    private static string[] Split(string command) => command.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];

    [GeneratedRegex("```console\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex ConsoleBlock();
}
