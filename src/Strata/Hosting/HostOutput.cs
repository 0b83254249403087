namespace Strata.Hosting;

/// <summary>
/// Where a verb's document goes: standard output, or <c>-o FILE</c> through <see cref="OutputFile"/> (the one writer),
/// never over one of the command's inputs.
/// </summary>
internal static class HostOutput
{
    /// <summary>
    /// Refuses an output that is one of the inputs known from the command line, before anything is resolved (the files
    /// the resolution reads are checked again when the document is written).
    /// </summary>
    /// <param name="context">The invocation.</param>
    /// <param name="path">The <c>-o</c> path, or <see langword="null"/> for standard output.</param>
    /// <param name="files">The config files (<c>-c</c>).</param>
    /// <exception cref="OutputFileException">The output is an input.</exception>
    public static void EnsureNotAnInput(HostContext context, string? path, IEnumerable<string> files)
    {
        if (path is not null)
        {
            OutputFile.EnsureNotAnInput(path, [.. files, .. ResponseFiles(context)]);
        }
    }

    /// <summary>Writes the document to standard output, or to <paramref name="path"/> when given.</summary>
    /// <param name="context">The invocation.</param>
    /// <param name="path">The <c>-o</c> path, or <see langword="null"/> for standard output.</param>
    /// <param name="text">The document.</param>
    /// <param name="inputs">The files the verb read (<see cref="ResolveOutcome.FilesRead"/>); response files are added here.</param>
    /// <exception cref="OutputFileException">Nothing was written.</exception>
    public static void Write(HostContext context, string? path, string text, IEnumerable<string> inputs)
    {
        if (path is null)
        {
            context.Console.Output.Write(text);
            return;
        }

        OutputFile.WriteAllText(path, text, [.. inputs, .. ResponseFiles(context)], context.Console.Output);
    }

    /// <summary>The response files of the command line (<c>@FILE</c>, nested ones included), which are inputs too.</summary>
    private static IReadOnlyList<string> ResponseFiles(HostContext context) => context.ResponseFiles;
}
