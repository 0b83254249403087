namespace Strata.Hosting;

/// <summary>The exit codes of a host (DESIGN §5).</summary>
internal static class ExitCodes
{
    /// <summary>The config is valid and the verb did its work.</summary>
    public const int Success = 0;

    /// <summary>The config or an input is invalid.</summary>
    public const int Invalid = 1;

    /// <summary>The command line itself is wrong: unknown verb, kind or option.</summary>
    public const int Usage = 2;
}
