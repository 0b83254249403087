using System.Runtime.InteropServices;

namespace Strata;

/// <summary>
/// The calls on directories that .NET lacks, for <see cref="OutputDirectory"/>. It puts a directory built as a whole on
/// disk with one sync for all its files rather than one per file: on Linux, <c>syncfs(2)</c> writes back the file system
/// the directory is on, its files' data and every name made in it, in one journal commit, where an <c>fsync</c> per file
/// forces a commit each (a sweep of 10⁴ points spent 53 s of its 72 there); <c>fsync(2)</c> of a directory makes a rename
/// in it durable; <c>renameat2(RENAME_EXCHANGE)</c> swaps a new directory with the old one in one atomic step. .NET has
/// none of these and cannot open a directory, so the C library's functions are looked up among the process's symbols, as
/// <see cref="FileStatus"/> looks up <c>statx</c>. Elsewhere, or without <c>syncfs</c>, each file is flushed to disk in
/// one pass once all are written, a directory's own sync is left to the system (Windows has no such call), and no swap
/// is atomic.
/// </summary>
internal static unsafe class FileSystemCalls
{
    /// <summary><c>O_RDONLY | O_CLOEXEC</c>: the same numbers on every Linux architecture (a directory opens read-only).</summary>
    private const int OpenReadOnly = 0x80000;

    /// <summary><c>int open(const char *path, int flags, ...)</c>: the mode is read only with <c>O_CREAT</c>, so two arguments are the whole call.</summary>
    private static readonly delegate* unmanaged<byte*, int, int> s_open = (delegate* unmanaged<byte*, int, int>)Find("open");
    private static readonly delegate* unmanaged<int, int> s_close = (delegate* unmanaged<int, int>)Find("close");
    private static readonly delegate* unmanaged<int, int> s_fsync = (delegate* unmanaged<int, int>)Find("fsync");
    private static readonly delegate* unmanaged<int, int> s_syncfs = (delegate* unmanaged<int, int>)Find("syncfs");

    /// <summary><c>int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags)</c> (glibc 2.28).</summary>
    private static readonly delegate* unmanaged<int, byte*, int, byte*, uint, int> s_renameat2 = (delegate* unmanaged<int, byte*, int, byte*, uint, int>)Find("renameat2");

    /// <summary>Swaps two directories in one atomic step (<c>renameat2</c> with <c>RENAME_EXCHANGE</c>, Linux 3.15).</summary>
    /// <returns>
    /// <see langword="false"/> when the system cannot (the call is missing, or the file system refuses the flag, as NFS
    /// does): nothing was changed, and the caller renames in two steps.
    /// </returns>
    /// <exception cref="IOException">The swap failed for another reason; nothing was changed.</exception>
    public static bool TryExchange(string first, string second)
    {
        const int CurrentDirectory = -100, Exchange = 2, Invalid = 22, NotSupported = 95;
        if (s_renameat2 == null)
        {
            return false;
        }

        var a = CString(first);
        var b = CString(second);
        int result;
        int errno;
        fixed (byte* from = a, to = b)
        {
            Marshal.SetLastSystemError(0);
            result = s_renameat2(CurrentDirectory, from, CurrentDirectory, to, Exchange);
            errno = Marshal.GetLastSystemError();
        }

        if (result == 0)
        {
            return true;
        }

        return errno is Invalid or NotSupported or FileStatus.NotImplemented ? false : throw new IOException(Marshal.GetPInvokeErrorMessage(errno));
    }

    /// <summary>Puts every file and name under <paramref name="directory"/> on disk.</summary>
    /// <exception cref="IOException">The system reported an error writing back (the files may not be on disk).</exception>
    public static void SyncTree(string directory)
    {
        if (s_syncfs != null && s_open != null && s_close != null)
        {
            Call(directory, s_syncfs, "syncfs");
            return;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            stream.Flush(flushToDisk: true);
        }

        foreach (var child in Directory.EnumerateDirectories(directory, "*", SearchOption.AllDirectories))
        {
            SyncDirectory(child);
        }

        SyncDirectory(directory);
    }

    /// <summary>Puts the names of <paramref name="directory"/> on disk (a rename in it); nothing where the system has no call for it.</summary>
    /// <exception cref="IOException">The system reported an error.</exception>
    public static void SyncDirectory(string directory)
    {
        if (s_fsync != null && s_open != null && s_close != null)
        {
            Call(directory, s_fsync, "fsync");
        }
    }

    private static nint Find(string name) =>
        OperatingSystem.IsLinux() && NativeLibrary.TryGetExport(NativeLibrary.GetMainProgramHandle(), name, out var address) ? address : 0;

    /// <summary>Opens the directory, calls <paramref name="sync"/> on it and closes it; a failure is an <see cref="IOException"/> in the system's words.</summary>
    private static void Call(string directory, delegate* unmanaged<int, int> sync, string name)
    {
        var bytes = CString(directory);
        int descriptor;
        int result;
        int errno;
        fixed (byte* path = bytes)
        {
            // As a LibraryImport with SetLastError does: errno is read right after each call, before anything can change it.
            Marshal.SetLastSystemError(0);
            descriptor = s_open(path, OpenReadOnly);
            errno = Marshal.GetLastSystemError();
        }

        if (descriptor < 0)
        {
            throw new IOException("open: " + Marshal.GetPInvokeErrorMessage(errno));
        }

        Marshal.SetLastSystemError(0);
        result = sync(descriptor);
        errno = Marshal.GetLastSystemError();
        _ = s_close(descriptor);
        if (result != 0)
        {
            throw new IOException(name + ": " + Marshal.GetPInvokeErrorMessage(errno));
        }
    }

    /// <summary>A C string: UTF-8, NUL-terminated (the paths come from <see cref="OutputDirectory"/>, which refuses a NUL).</summary>
    private static byte[] CString(string path)
    {
        var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(path) + 1];
        System.Text.Encoding.UTF8.GetBytes(path, bytes);
        return bytes;
    }
}
