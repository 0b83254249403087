using Strata.Cli;
using Strata.Llm.Checkpoints;

namespace Strata.Browser.Tests.Infrastructure;

/// <summary>Pages made by the real <c>strata</c> host, run in process, written into a fresh directory.</summary>
public sealed class Reports : IDisposable
{
    private static readonly IReadOnlyDictionary<string, string?> s_noEnvironment = new Dictionary<string, string?>();

    public Reports()
    {
        Directory = Path.Combine(Path.GetTempPath(), "strata-browser-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>The directory the pages and the test's config files are written to.</summary>
    public string Directory { get; }

    /// <summary>The repository's root: the examples are relative to it.</summary>
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Strata.slnx")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("the repository root (Strata.slnx) is not above the test's directory");
        }
    }

    public static string Example(string name) => Path.Combine(Root, "examples", name);

    public string Write(string name, string text)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Runs <c>strata</c> with <paramref name="args"/> and <c>-o</c> a new page; the page's path.</summary>
    public async Task<string> PageAsync(string name, params string[] args)
    {
        var path = Path.Combine(Directory, name);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var host = Program.CreateHost(s_noEnvironment, new ReaderServices(new CheckpointConfigReader { BaseDirectory = Root }));
        var code = await host.RunAsync([.. args, "-o", path], output, error, TestContext.Current.CancellationToken);
        Assert.True(code == 0, "strata " + string.Join(' ', args) + " exited with " + code + ":\n" + error);
        return path;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class ReaderServices(ICheckpointConfigReader reader) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(ICheckpointConfigReader) ? reader : null;
    }
}
