using System.Text.RegularExpressions;

namespace Strata.Packaging.Tests.Infrastructure;

/// <summary>
/// The fenced blocks of a Markdown document. Conventions of Strata's docs: <c>```csharp</c> blocks are compiled
/// (statements of all blocks together form one program, in order; type declarations are their own files);
/// <c>```yaml NAME</c> blocks are files the program reads; <c>```text output</c> blocks are what the program prints.
/// </summary>
internal sealed partial class MarkdownSamples
{
    private MarkdownSamples(IReadOnlyList<FencedBlock> blocks)
    {
        Blocks = blocks;
    }

    public IReadOnlyList<FencedBlock> Blocks { get; }

    public IEnumerable<FencedBlock> CSharp => Blocks.Where(b => b.Language == "csharp");

    /// <summary>Files given to the program: <c>```yaml train.yaml</c>.</summary>
    public IEnumerable<(string Name, string Text)> Files =>
        Blocks.Where(b => b.Language is "yaml" or "json" && b.Label.Length > 0).Select(b => (b.Label, b.Text));

    /// <summary>What the program prints, in order: <c>```text output</c>.</summary>
    public IEnumerable<string> Outputs => Blocks.Where(b => b.Language == "text" && b.Label == "output").Select(b => b.Text);

    public static MarkdownSamples Read(string path)
    {
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var blocks = new List<FencedBlock>();
        foreach (Match match in FencePattern().Matches(text))
        {
            var line = text[..match.Index].Count(c => c == '\n') + 2;
            blocks.Add(new FencedBlock(match.Groups["language"].Value, match.Groups["label"].Value.Trim(), match.Groups["body"].Value, line));
        }

        return new MarkdownSamples(blocks);
    }

    [GeneratedRegex(@"^```(?<language>[a-z]+)(?<label>[^\n]*)\n(?<body>.*?)^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencePattern();
}

/// <summary>One fenced block: its language, the rest of its info string, its text and the line its text starts at.</summary>
internal sealed record FencedBlock(string Language, string Label, string Text, int Line);
