using System.Diagnostics;
using System.Globalization;

namespace Strata.Tests.Infrastructure;

/// <summary>
/// The CPU time the calling thread has used (Linux <c>/proc/thread-self/stat</c>, in clock ticks of 10 ms), or the wall
/// time where that file does not exist. Tests that bound the work of a computation (not its speed) use it: unlike wall
/// time, it does not grow while other processes hold the machine's cores.
/// </summary>
internal sealed class ThreadCpuClock
{
    private const string StatPath = "/proc/thread-self/stat";
    private const double TicksPerSecond = 100;

    private readonly Stopwatch? _wall;
    private readonly double _start;

    private ThreadCpuClock(Stopwatch? wall, double start)
    {
        _wall = wall;
        _start = start;
    }

    /// <summary>The time used since <see cref="StartNew"/>.</summary>
    public TimeSpan Elapsed => _wall?.Elapsed ?? TimeSpan.FromSeconds(Seconds() - _start);

    /// <summary>Starts measuring the calling thread (a test must stay on it: no await between start and read).</summary>
    public static ThreadCpuClock StartNew() =>
        File.Exists(StatPath) ? new ThreadCpuClock(null, Seconds()) : new ThreadCpuClock(Stopwatch.StartNew(), 0);

    private static double Seconds()
    {
        // Fields 14 and 15 are utime and stime; the command name (field 2) is in parentheses and may hold spaces.
        var stat = File.ReadAllText(StatPath);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }
}
