namespace Strata.Robustness.Tests.Infrastructure;

/// <summary>One line of Corpus/manifest.tsv: an input, the arguments it runs with and what must come out.</summary>
public sealed record CorpusCase(string Name, string Input, string Arguments, int ExitCode, string Code, string Place, bool AsProcess)
{
    public static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static IReadOnlyList<CorpusCase> All { get; } = Load();

    public override string ToString() => Name;

    /// <summary>The prefix of an argument that is an environment variable of the run: <c>env:WORLD_SIZE=0x8</c>.</summary>
    private const string EnvironmentPrefix = "env:";

    /// <summary>
    /// The environment of the run when the arguments name variables (<c>env:NAME=VALUE</c>): those variables and no
    /// others, so that the machine's own cannot change the outcome; <see langword="null"/> (the process environment) otherwise.
    /// </summary>
    public IReadOnlyDictionary<string, string?>? Environment
    {
        get
        {
            var variables = Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Where(static a => a.StartsWith(EnvironmentPrefix, StringComparison.Ordinal))
                .Select(static a => a[EnvironmentPrefix.Length..].Split('=', 2))
                .ToDictionary(static v => v[0], static v => (string?)v[1], StringComparer.Ordinal);
            return variables.Count == 0 ? null : variables;
        }
    }

    /// <summary>
    /// The arguments with <c>{input}</c>, <c>{corpus}</c> and <c>{tmp}</c> replaced, without the environment variables;
    /// <c>{empty}</c> is an empty argument.
    /// </summary>
    public string[] Expand(string? inputPath, string temporary)
    {
        var text = Arguments switch
        {
            "-" => "validate gpt-trainer -c {input}",
            "(none)" => string.Empty,
            _ => Arguments,
        };
        return text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(static a => !a.StartsWith(EnvironmentPrefix, StringComparison.Ordinal))
            .Select(a => a.Replace("{input}", inputPath ?? string.Empty, StringComparison.Ordinal)
                .Replace("{corpus}", CorpusDirectory, StringComparison.Ordinal)
                .Replace("{tmp}", temporary, StringComparison.Ordinal)
                .Replace("{empty}", string.Empty, StringComparison.Ordinal))
            .ToArray();
    }

    /// <summary>The start of the diagnostic line that must appear on standard error.</summary>
    public string? ExpectedLine(string? inputPath) => (Code, Place) switch
    {
        ("-", _) => null,
        ("usage", "file") => "strata: error: " + inputPath + ": ",
        ("usage", ['@', .. var number]) => "strata: error: argument #" + number + ": ",
        ("usage", not "-") => "strata: error: " + inputPath + ":" + Place + ": ",
        ("usage" or "message", _) => "strata: error: ",
        (_, "-") => "error " + Code + ": ",
        (_, "file") => inputPath + ": error " + Code + ": ",
        (_, ['/', ..]) => inputPath + Place + ": error " + Code + ": ",
        (_, ['#', ..]) => "cli arg " + Place + ": error " + Code + ": ",
        (_, ['e', 'n', 'v', ' ', ..] or ['c', 'l', 'i', ' ', 'p', 'a', 't', 'h', ' ', ..]) => Place + ": error " + Code + ": ",
        _ => inputPath + ":" + Place + ": error " + Code + ": ",
    };

    private static List<CorpusCase> Load()
    {
        var cases = new List<CorpusCase>();
        foreach (var line in File.ReadAllLines(Path.Combine(CorpusDirectory, "manifest.tsv")))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var c = line.Split('\t');
            if (c.Length != 7)
            {
                throw new InvalidOperationException("manifest.tsv: expected 7 columns: " + line);
            }

            cases.Add(new CorpusCase(c[0], c[1], c[2], int.Parse(c[3], System.Globalization.CultureInfo.InvariantCulture), c[4], c[5], c[6] == "process"));
        }

        return cases;
    }
}
