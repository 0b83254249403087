using System.Runtime.InteropServices;

namespace Strata.Hosting.CommandLine;

/// <summary>The exit codes of a host (DESIGN §5).</summary>
internal static class ExitCodes
{
    /// <summary>The config is valid and the verb did its work.</summary>
    public const int Success = 0;

    /// <summary>The config or an input is invalid.</summary>
    public const int Invalid = 1;

    /// <summary>The command line itself is wrong: unknown verb, kind or option.</summary>
    public const int Usage = 2;

    /// <summary>The code of a process ended by a signal, as shells report it: 128 + the signal's number (130 for SIGINT, 143 for SIGTERM).</summary>
    public static int Interrupted(PosixSignal signal) => 128 + signal switch
    {
        PosixSignal.SIGHUP => 1,
        PosixSignal.SIGINT => 2,
        PosixSignal.SIGQUIT => 3,
        _ => 15,
    };
}
