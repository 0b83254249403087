using System.Runtime.InteropServices;

namespace Strata;

/// <summary>
/// The temporary file of one atomic write, removed whatever ends the write: an exception (<see cref="Dispose"/>), the
/// end of the process (<see cref="AppDomain.ProcessExit"/>), or SIGINT, SIGTERM, SIGHUP or SIGQUIT. The signal handlers
/// are registered only while a temporary file exists: the first registration starts the runtime's signal thread, a
/// cost that a process writing to standard output never pays. A handler removes the files and leaves the signal's
/// default action alone, so the process still ends as the signal says (a shell sees 130 for SIGINT, 143 for SIGTERM),
/// and a program that handles the signal itself keeps running: its write then fails as interrupted, without renaming.
/// </summary>
internal sealed class TemporaryFile : IDisposable
{
    private static readonly PosixSignal[] s_signals = [PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT];

    /// <summary>Guards every file's state and the registrations: a handler never removes a file being renamed.</summary>
    private static readonly Lock s_gate = new();
    private static readonly HashSet<TemporaryFile> s_active = [];
    private static List<PosixSignalRegistration>? s_registrations;
    private static bool s_exitHooked;

    private readonly string _path;
    private bool _created;
    private bool _directory;
    private bool _finished;
    private PosixSignal? _interruptedBy;

    private TemporaryFile(string path) => _path = path;

    /// <summary>Starts watching for signals before the file exists, so that no moment of its life is unguarded.</summary>
    public static TemporaryFile Begin(string path)
    {
        var file = new TemporaryFile(path);
        lock (s_gate)
        {
            s_active.Add(file);
            if (s_registrations is null)
            {
                s_registrations = Register();
            }

            if (!s_exitHooked)
            {
                // A host whose own termination handler ends Main while a write is pending still removes the file.
                AppDomain.CurrentDomain.ProcessExit += static (_, _) => RemoveAll(null);
                s_exitHooked = true;
            }
        }

        return file;
    }

    /// <summary>Creates the file (it must not exist) and opens it for writing, unless a signal came first.</summary>
    /// <exception cref="OperationCanceledException">A termination signal arrived; see <see cref="InterruptedBy"/>.</exception>
    public FileStream Create(FileStreamOptions options)
    {
        lock (s_gate)
        {
            ThrowIfInterrupted();
            var stream = new FileStream(_path, options);
            _created = true;
            return stream;
        }
    }

    /// <summary>Creates the temporary as a directory (a verb whose output is a directory builds it there), unless a signal came first.</summary>
    /// <exception cref="OperationCanceledException">A termination signal arrived; see <see cref="InterruptedBy"/>.</exception>
    public void CreateDirectory()
    {
        lock (s_gate)
        {
            ThrowIfInterrupted();
            Directory.CreateDirectory(_path);
            _created = true;
            _directory = true;
        }
    }

    /// <summary>
    /// Renames the file over <paramref name="target"/>, unless a signal came first (then it is already gone); a
    /// directory is renamed to <paramref name="target"/>, which must not exist.
    /// </summary>
    /// <exception cref="OperationCanceledException">A termination signal arrived; see <see cref="InterruptedBy"/>.</exception>
    public void MoveTo(string target)
    {
        lock (s_gate)
        {
            ThrowIfInterrupted();
            if (_directory)
            {
                Directory.Move(_path, target);
            }
            else
            {
                File.Move(_path, target, overwrite: true);
            }

            _finished = true;
        }
    }

    /// <summary>
    /// Swaps the temporary directory with <paramref name="target"/> in one atomic step, unless a signal came first; the
    /// temporary's path then holds the old directory, which <see cref="Dispose"/> (or a signal) removes.
    /// </summary>
    /// <returns><see langword="false"/> when the system cannot swap (see <see cref="FileSystemCalls.TryExchange"/>): nothing changed.</returns>
    /// <exception cref="OperationCanceledException">A termination signal arrived; see <see cref="InterruptedBy"/>.</exception>
    public bool TryExchange(string target)
    {
        lock (s_gate)
        {
            ThrowIfInterrupted();
            return FileSystemCalls.TryExchange(_path, target);
        }
    }

    /// <summary>The signal that interrupted the write, if one did.</summary>
    public PosixSignal? InterruptedBy
    {
        get
        {
            lock (s_gate)
            {
                return _interruptedBy;
            }
        }
    }

    /// <summary>Removes the file unless it was renamed, and stops watching for signals when no other write is pending.</summary>
    public void Dispose()
    {
        lock (s_gate)
        {
            RemoveUnlocked();
            s_active.Remove(this);
            if (s_active.Count == 0 && s_registrations is { } registrations)
            {
                s_registrations = null;
                foreach (var registration in registrations)
                {
                    registration.Dispose();
                }
            }
        }
    }

    private static List<PosixSignalRegistration> Register()
    {
        var registrations = new List<PosixSignalRegistration>(s_signals.Length);
        foreach (var signal in s_signals)
        {
            try
            {
                registrations.Add(PosixSignalRegistration.Create(signal, static context => RemoveAll(context.Signal)));
            }
            catch (Exception e) when (e is PlatformNotSupportedException or IOException)
            {
                // A platform without this signal (or without signals at all): nothing can interrupt through it.
            }
        }

        return registrations;
    }

    /// <summary>Removes every pending temporary file; later renames of those writes are refused.</summary>
    private static void RemoveAll(PosixSignal? signal)
    {
        lock (s_gate)
        {
            foreach (var file in s_active)
            {
                file._interruptedBy ??= signal ?? PosixSignal.SIGTERM;
                file.RemoveUnlocked();
            }
        }
    }

    private void RemoveUnlocked()
    {
        if (!_created || _finished)
        {
            return;
        }

        _finished = true;
        try
        {
            if (_directory)
            {
                Directory.Delete(_path, recursive: true);
            }
            else
            {
                File.Delete(_path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The directory became unwritable meanwhile: nothing else can be done from here.
        }
    }

    private void ThrowIfInterrupted()
    {
        if (_interruptedBy is not null)
        {
            throw new OperationCanceledException("interrupted by " + _interruptedBy);
        }
    }
}
