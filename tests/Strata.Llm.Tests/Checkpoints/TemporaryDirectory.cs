namespace Strata.Llm.Tests.Checkpoints;

/// <summary>A fresh directory under the temporary folder, deleted on dispose.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "strata-ckpt-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes a file of a checkpoint directory below this one and returns the checkpoint directory.</summary>
    public string Write(string checkpoint, string fileName, string text)
    {
        var directory = System.IO.Path.Combine(Path, checkpoint);
        Directory.CreateDirectory(directory);
        File.WriteAllText(System.IO.Path.Combine(directory, fileName), text);
        return directory;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
