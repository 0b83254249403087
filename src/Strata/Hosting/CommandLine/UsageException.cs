namespace Strata.Hosting.CommandLine;

/// <summary>
/// Mistakes in the command line found by a verb after parsing; reported as usage errors (exit code 2), one line each
/// in the order of the command line (<see cref="Exception.Message"/> is the first).
/// </summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : this([message])
    {
    }

    public UsageException(IReadOnlyList<string> messages)
        : base(messages[0])
    {
        Messages = messages;
    }

    /// <summary>Every mistake, in the order of the command line.</summary>
    public IReadOnlyList<string> Messages { get; }
}
