using System.Runtime.InteropServices;

namespace Strata;

/// <summary>
/// An output that <see cref="OutputFile"/> did not write: the path is one of the inputs, is not something a document
/// can be written to (a directory, a socket), or the file system refused. The message names the path as the caller gave
/// it (cut when very long), never the temporary file; whatever existed at the path is as it was.
/// </summary>
public sealed class OutputFileException : IOException
{
    /// <summary>Creates an exception with a default message.</summary>
    public OutputFileException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public OutputFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public OutputFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal OutputFileException(string message, bool isAnInput, PosixSignal? interruptedBy, Exception? innerException)
        : base(message, innerException)
    {
        IsAnInput = isAnInput;
        InterruptedBy = interruptedBy;
    }

    /// <summary>
    /// Whether the output was refused because it is one of the inputs (another name of a config, response or checkpoint
    /// file that was read): a mistake in the request rather than a failure of the file system.
    /// </summary>
    public bool IsAnInput { get; }

    /// <summary>The termination signal that interrupted the write (the temporary file is removed), if one did.</summary>
    internal PosixSignal? InterruptedBy { get; }
}
