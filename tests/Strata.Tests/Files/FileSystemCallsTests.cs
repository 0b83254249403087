using TempDirectory = Strata.Tests.Sources.TempDirectory;

namespace Strata.Tests.Files;

/// <summary>
/// <see cref="FileSystemCalls"/>: the C library's calls on directories that <see cref="OutputDirectory"/> uses (one sync
/// of a whole directory, the sync of a directory's names, an atomic swap of two directories), found and answering on Linux.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FileSystemCallsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string MakeDirectory(string name, string file)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_dir.Path, name)).FullName;
        File.WriteAllText(Path.Combine(directory, file), name);
        return directory;
    }

    [Fact]
    public void Two_directories_are_swapped_in_one_step_on_a_file_system_that_can()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "renameat2 with RENAME_EXCHANGE is a Linux call (elsewhere the swap falls back to two renames)");
        var old = MakeDirectory("old", "old.txt");
        var built = MakeDirectory("new", "new.txt");

        Assert.True(FileSystemCalls.TryExchange(built, old));

        Assert.Equal("new", File.ReadAllText(Path.Combine(old, "new.txt")));
        Assert.Equal("old", File.ReadAllText(Path.Combine(built, "old.txt")));
        Assert.False(File.Exists(Path.Combine(old, "old.txt")));
    }

    [Fact]
    public void A_swap_with_a_missing_directory_changes_nothing_and_says_why()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "renameat2 with RENAME_EXCHANGE is a Linux call (elsewhere the swap falls back to two renames)");
        var built = MakeDirectory("new", "new.txt");

        var error = Assert.Throws<IOException>(() => FileSystemCalls.TryExchange(built, Path.Combine(_dir.Path, "missing")));

        Assert.Contains("No such file or directory", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(built, "new.txt")));
    }

    [Fact]
    public void A_directory_and_its_files_are_put_on_disk_and_a_missing_one_is_an_error_in_the_systems_words()
    {
        var directory = MakeDirectory("runs", "config.yaml");
        Directory.CreateDirectory(Path.Combine(directory, "000"));

        FileSystemCalls.SyncTree(directory);
        FileSystemCalls.SyncDirectory(_dir.Path);

        var missing = Path.Combine(_dir.Path, "missing");
        Assert.Contains("No such file or directory", Assert.ThrowsAny<IOException>(() => FileSystemCalls.SyncTree(missing)).Message, StringComparison.Ordinal);
        Assert.Contains("No such file or directory", Assert.ThrowsAny<IOException>(() => FileSystemCalls.SyncDirectory(missing)).Message, StringComparison.Ordinal);
    }
}
