using System.Runtime.CompilerServices;

namespace Strata.Cli.Tests.Process;

/// <summary>
/// Compares text with an approved file in Snapshots/, exactly. On a difference the new text is written beside it as
/// <c>NAME.received.txt</c>, to review and rename.
/// </summary>
internal static class Snapshot
{
    public static void Match(string name, string actual)
    {
        var directory = Path.Combine(SourceDirectory(), "..", "Snapshots");
        var approvedPath = Path.Combine(directory, name);
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        actual = actual.ReplaceLineEndings("\n");
        if (approved != actual)
        {
            File.WriteAllText(Path.Combine(directory, Path.GetFileNameWithoutExtension(name) + ".received.txt"), actual);
        }

        Assert.Equal(approved, actual);
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
