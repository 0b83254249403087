namespace Strata.Hosting.CommandLine;

/// <summary>
/// Where a verb's document goes: standard output, or <c>-o FILE</c> through <see cref="OutputFile"/> (the one writer),
/// never over one of the command's inputs (the files given or read, and the response files).
/// </summary>
internal static class HostOutput
{
    /// <summary>
    /// Refuses an output that is one of the inputs known from the command line, before anything is resolved (the files
    /// the resolution reads are checked again when the document is written).
    /// </summary>
    /// <exception cref="OutputFileException">The output is an input.</exception>
    public static void EnsureNotAnInput(HostContext context, string? path, IEnumerable<string> files)
    {
        if (path is not null)
        {
            OutputFile.EnsureNotAnInput(path, [.. files, .. context.CommandLine.ResponseFiles]);
        }
    }

    /// <summary>Writes the document to standard output, or to <paramref name="path"/> when given.</summary>
    /// <exception cref="OutputFileException">Nothing was written.</exception>
    public static void Write(HostContext context, string? path, string text, IEnumerable<string> inputs)
    {
        if (path is null)
        {
            context.Console.Output.Write(text);
            return;
        }

        OutputFile.WriteAllText(path, text, [.. inputs, .. context.CommandLine.ResponseFiles], context.Console.Output);
    }
}
