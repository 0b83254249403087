namespace Strata;

/// <summary>What a path names, as far as writing to it is concerned.</summary>
internal enum FileKind
{
    /// <summary>Nothing: the path does not exist (or, when links are not followed, names nothing at all).</summary>
    Missing,
    Regular,
    Directory,

    /// <summary>A symbolic link (only when links are not followed).</summary>
    SymbolicLink,

    /// <summary>A character device, such as <c>/dev/null</c> or a terminal.</summary>
    CharacterDevice,

    /// <summary>A FIFO (named pipe), or the pipe behind <c>/dev/stdout</c>.</summary>
    Fifo,
    BlockDevice,
    Socket,

    /// <summary>The status could not be read (see <see cref="FileStatus.Error"/>).</summary>
    Unknown,
}
