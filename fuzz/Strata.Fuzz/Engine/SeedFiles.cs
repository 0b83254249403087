namespace Strata.Fuzz.Engine;

/// <summary>Finds the seed inputs of a target: files whose extension fits it, in the given directories (recursively).</summary>
internal static class SeedFiles
{
    /// <summary>The extensions of each target's inputs.</summary>
    public static IReadOnlyList<string> Extensions(FuzzTarget target) => target switch
    {
        FuzzTarget.Yaml => [".yaml", ".yml"],
        FuzzTarget.Json => [".json"],
        FuzzTarget.Override => [".args", ".txt"],
        FuzzTarget.Safetensors => [".safetensors"],
        FuzzTarget.ResponseFile => [".rsp"],
        FuzzTarget.Environment => [".env"],
        FuzzTarget.Sweep => [".sweep"],
        FuzzTarget.Completion => [".line"],
        _ => [".json"],
    };

    /// <summary>Loads the seeds of <paramref name="target"/>, in a stable order, at most 64 KiB each.</summary>
    public static List<byte[]> Load(FuzzTarget target, IEnumerable<string> directories)
    {
        var extensions = Extensions(target);
        return directories
            .Where(Directory.Exists)
            .SelectMany(static d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Where(static f => new FileInfo(f).Length <= 64 * 1024)
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)
            .ToList();
    }
}
