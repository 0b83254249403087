namespace Strata.Cli.Verbs;

/// <summary>The exit codes of the tool's own verbs, the same as the config verbs' (DESIGN §5).</summary>
internal static class CliExitCodes
{
    /// <summary>The verb did its work.</summary>
    public const int Success = 0;

    /// <summary>An input is invalid or an output cannot be written.</summary>
    public const int Invalid = 1;

    /// <summary>The command line itself is wrong.</summary>
    public const int Usage = 2;
}
