using System.Runtime.InteropServices;

namespace Strata.Benchmarks;

/// <summary>
/// The CPU time of the calling thread (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>, nanoseconds): unlike wall
/// time, it does not grow while other processes hold the cores, which makes it the steadier figure on a shared
/// machine. Zero where the clock is not available.
/// </summary>
internal static partial class ThreadClock
{
    private const int ThreadCpuTimeClock = 3;

    /// <summary>Whether the clock works here.</summary>
    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && Now() > 0;

    /// <summary>The thread's CPU time so far, in microseconds.</summary>
    public static double Now()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        return ClockGetTime(ThreadCpuTimeClock, out var time) == 0 ? (time.Seconds * 1e6) + (time.Nanoseconds / 1e3) : 0;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out Timespec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
