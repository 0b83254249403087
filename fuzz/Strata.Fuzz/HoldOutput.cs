namespace Strata.Fuzz;

/// <summary>
/// <c>Strata.Fuzz hold-output ARGS...</c>: runs the <c>strata</c> command line with ARGS, but every output file stops
/// half-written: once its temporary file exists and holds half the document, the line <c>holding PATH</c> goes to
/// standard output and the write waits for ever. The robustness tests then send a signal and check that the temporary
/// file is gone, the target untouched and the exit code the signal's (tests/Strata.Robustness.Tests/OutputFileTests.cs).
/// </summary>
internal static class HoldOutput
{
    public static int Run(string[] args)
    {
        OutputFile.FaultAfterPartialWrite = static temporary =>
        {
            Console.Out.WriteLine("holding " + temporary);
            Console.Out.Flush();
            Thread.Sleep(Timeout.Infinite);
        };
        return Strata.Cli.Program.CreateHost().Run(args);
    }
}
