using System.Runtime.InteropServices;

namespace Strata;

/// <summary>
/// The kind of a path and, on Linux, the identity of the file it names (device and inode), read with one
/// <c>statx(2)</c> call. .NET has no API for either: it tells directories from files, not a FIFO or a device from a
/// regular file, and it cannot say that two names are one file (a hard link, <c>/proc/self/cwd/...</c>). Elsewhere, or
/// where <c>statx</c> is missing (glibc before 2.28, kernels before 4.11), the kind comes from .NET and there is no
/// identity: callers then compare resolved paths.
/// <para>
/// <c>statx</c> is looked up among the symbols the process already has (<see cref="NativeLibrary.GetMainProgramHandle"/>),
/// where the C library that .NET itself uses provides it: a <c>[LibraryImport("libc")]</c> would first probe some 80
/// names and paths (<c>libc.so</c>, <c>liblibc.so</c>, in every library directory) on each process's first call, and a
/// direct P/Invoke in the NativeAOT binary would stop it from starting where <c>statx</c> is missing.
/// </para>
/// </summary>
/// <param name="Kind">What the path names.</param>
/// <param name="Device">The device of the file (major and minor in one number), when <see cref="HasIdentity"/>.</param>
/// <param name="Inode">The inode of the file, when <see cref="HasIdentity"/>.</param>
/// <param name="HasIdentity">Whether <see cref="Device"/> and <see cref="Inode"/> identify the file.</param>
/// <param name="Error">The <c>errno</c> of a failed status call (<see cref="FileKind.Unknown"/>), 0 otherwise.</param>
internal readonly record struct FileStatus(FileKind Kind, ulong Device, ulong Inode, bool HasIdentity, int Error)
{
    /// <summary>ENOENT, ENOTDIR, EACCES, ELOOP, ENAMETOOLONG and ENOSYS as Linux numbers them (the only place they are read).</summary>
    internal const int NoEntry = 2, NotADirectory = 20, AccessDenied = 13, TooManyLinks = 40, NameTooLong = 36, NotImplemented = 38;

    private const int CurrentDirectory = -100;            // AT_FDCWD
    private const int NoFollow = 0x100;                   // AT_SYMLINK_NOFOLLOW
    private const int NoAutomount = 0x800;                // AT_NO_AUTOMOUNT: a status call never mounts anything
    private const int EmptyPath = 0x1000;                 // AT_EMPTY_PATH: the status of the descriptor itself
    private const uint TypeAndInode = 0x1 | 0x100;        // STATX_TYPE | STATX_INO

    /// <summary><c>int statx(int dirfd, const char *path, int flags, unsigned int mask, struct statx *buffer)</c>, or null.</summary>
    private static readonly unsafe delegate* unmanaged<int, byte*, int, uint, StatxBuffer*, int> s_statx = FindStatx();

    private static volatile bool s_statxMissing;

    /// <summary>Reads the status of <paramref name="path"/>, following symbolic links or not.</summary>
    public static FileStatus Of(string path, bool followLinks)
    {
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            return new FileStatus(FileKind.Unknown, 0, 0, false, 0); // the native call would read a shorter path
        }

        if (OperatingSystem.IsLinux() && !s_statxMissing && TryStatx(CurrentDirectory, path, followLinks ? 0 : NoFollow, out var status))
        {
            return status;
        }

        return Portable(path, followLinks);
    }

    /// <summary>The status of an open file descriptor (0, 1 and 2 are the standard streams); no identity where <c>statx</c> is missing.</summary>
    public static FileStatus OfDescriptor(int descriptor)
    {
        if (OperatingSystem.IsLinux() && !s_statxMissing && TryStatx(descriptor, string.Empty, EmptyPath, out var status))
        {
            return status;
        }

        return new FileStatus(FileKind.Unknown, 0, 0, false, 0);
    }

    /// <summary>Whether both statuses identify one file.</summary>
    public bool IsSameFileAs(FileStatus other) => HasIdentity && other.HasIdentity && Device == other.Device && Inode == other.Inode;

    private static unsafe delegate* unmanaged<int, byte*, int, uint, StatxBuffer*, int> FindStatx() =>
        OperatingSystem.IsLinux() && NativeLibrary.TryGetExport(NativeLibrary.GetMainProgramHandle(), "statx", out var address)
            ? (delegate* unmanaged<int, byte*, int, uint, StatxBuffer*, int>)address
            : null;

    private static unsafe bool TryStatx(int directory, string path, int flags, out FileStatus status)
    {
        status = default;
        var statx = s_statx;
        if (statx == null)
        {
            s_statxMissing = true;
            return false;
        }

        // A C string: UTF-8, NUL-terminated (Of refuses paths holding NUL, which would end it early).
        var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(path) + 1];
        System.Text.Encoding.UTF8.GetBytes(path, bytes);
        StatxBuffer buffer;
        int result;
        int errno;
        fixed (byte* text = bytes)
        {
            // As a LibraryImport with SetLastError does: errno is read right after the call, before anything can change it.
            Marshal.SetLastSystemError(0);
            result = statx(directory, text, NoAutomount | flags, TypeAndInode, &buffer);
            errno = Marshal.GetLastSystemError();
        }

        if (result != 0)
        {
            if (errno == NotImplemented)
            {
                s_statxMissing = true;
                return false;
            }

            status = new FileStatus(errno == NoEntry ? FileKind.Missing : FileKind.Unknown, 0, 0, false, errno == NoEntry ? 0 : errno);
            return true;
        }

        // Major and minor in one number: any combination that keeps them apart identifies the device.
        var device = ((ulong)buffer.DeviceMajor << 32) | buffer.DeviceMinor;
        var hasInode = (buffer.Mask & 0x100) != 0;
        status = new FileStatus(KindOfMode(buffer.Mode), device, buffer.Inode, hasInode, 0);
        return true;
    }

    private static FileKind KindOfMode(ushort mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0xA000 => FileKind.SymbolicLink,
        0x2000 => FileKind.CharacterDevice,
        0x1000 => FileKind.Fifo,
        0x6000 => FileKind.BlockDevice,
        0xC000 => FileKind.Socket,
        _ => FileKind.Unknown,
    };

    /// <summary>What .NET can tell: a directory, a file (a FIFO or a device looks like one), a link, or nothing.</summary>
    private static FileStatus Portable(string path, bool followLinks)
    {
        try
        {
            var info = new FileInfo(path);
            if (!followLinks && info.LinkTarget is not null)
            {
                return new FileStatus(FileKind.SymbolicLink, 0, 0, false, 0);
            }

            var kind = info.Exists ? FileKind.Regular : Directory.Exists(path) ? FileKind.Directory : FileKind.Missing;
            return new FileStatus(kind, 0, 0, false, 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new FileStatus(FileKind.Unknown, 0, 0, false, 0);
        }
    }

    /// <summary>
    /// <c>struct statx</c>: 256 bytes, the same layout on every Linux architecture (fixed-width fields, explicit padding).
    /// Only the fields read are declared.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(0)]
        public uint Mask;

        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(32)]
        public ulong Inode;

        [FieldOffset(136)]
        public uint DeviceMajor;

        [FieldOffset(140)]
        public uint DeviceMinor;
    }
}
