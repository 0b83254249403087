using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Xml.Linq;
using Strata.Packaging.Tests.Infrastructure;

namespace Strata.Packaging.Tests.Packages;

/// <summary>
/// The tool as users install it: the three packages that <c>scripts/pack-tool.sh</c> made (the pointer, the NativeAOT
/// linux-x64 one and the framework-dependent <c>any</c> one) in the folder named by <c>STRATA_TOOL_PACKAGES</c>;
/// <c>dotnet tool install</c> reads only that folder (a nuget.config that clears every other source, a package cache of
/// its own) and the installed <c>strata</c> resolves the example as the built tool does. On linux-x64 it is the native
/// binary; where the pointer package names no package for the machine's RID, it is the <c>any</c> fallback.
/// The packing is not done here: it builds the tool for other RIDs beside the outputs that the other test projects run
/// at the same time. <c>.ci/run</c> packs after the test suite (reusing its NativeAOT publish) and then runs this test;
/// without the variable it is skipped.
/// </summary>
[Trait("Category", "Slow")]
[Collection(PackingCollection.Name)]
public sealed class InstalledToolTests : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(20);
    private const string Example = "examples/from-scratch.yaml";
    private readonly string _work = Directory.CreateTempSubdirectory("strata-tool-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void The_installed_tool_is_the_native_strata_on_linux_x64_and_the_framework_dependent_one_elsewhere()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            Assert.Skip("the NativeAOT package is made on linux-x64 only");
        }

        if (Environment.GetEnvironmentVariable("STRATA_TOOL_PACKAGES") is not { Length: > 0 } packages)
        {
            Assert.Skip("STRATA_TOOL_PACKAGES names no folder of tool packages (made by scripts/pack-tool.sh; .ci/run sets it)");
            return;
        }

        var feed = Path.GetFullPath(packages, Repository.Root);
        AssertPackages(feed);

        // The built tool's assembly, run by dotnet: packing the pointer package rebuilds the project without an apphost,
        // so the Strata.Cli launcher beside it is gone after scripts/pack-tool.sh.
        var expected = ProcessRunner.Run(
            ProcessRunner.Dotnet,
            [Repository.PathOf("src/Strata.Cli/bin/" + Repository.Configuration + "/net10.0/Strata.Cli.dll"), "resolve", "gpt-trainer", "-c", Example],
            Repository.Root,
            s_timeout);
        Assert.Equal(0, expected.ExitCode);

        // linux-x64: the native binary, named strata, with no assembly beside it.
        var native = Install(feed, "native");
        var entry = Path.Combine(native, "strata");
        var binary = new FileInfo(entry).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? entry;
        Assert.Equal("strata", Path.GetFileName(binary));
        Assert.True(IsElf(binary), binary + " is not an ELF binary");
        Assert.Empty(Directory.GetFiles(native, "*.dll", SearchOption.AllDirectories));
        var run = ProcessRunner.Run(entry, ["resolve", "gpt-trainer", "-c", Example], Repository.Root, s_timeout);
        Assert.True(run.ExitCode == 0, "the installed strata failed:\n" + run.Output);
        Assert.Equal(expected.Output, run.Output);

        // Another RID: a pointer package that names a native package for osx-arm64 only (as the real one names none for
        // linux-arm64 or win-x64), with the same any package beside it. The CLI installs the any package (the
        // framework-dependent assembly and a launcher named strata), which resolves the example the same.
        var other = Path.Combine(_work, "other-feed");
        var pointer = ProcessRunner.Run(
            ProcessRunner.Dotnet,
            ["pack", Repository.PathOf("src/Strata.Cli/Strata.Cli.csproj"), "--no-build", "-c", Repository.Configuration, "-o", other, "-p:IncludeSymbols=false", "-p:ToolPackageRuntimeIdentifiers=\"osx-arm64;any\"", "-nodeReuse:false"],
            Repository.Root,
            s_timeout);
        Assert.True(pointer.ExitCode == 0, "dotnet pack of the other pointer failed:\n" + pointer.Output);
        var any = Assert.Single(Directory.GetFiles(feed, "Strata.Cli.any.*.nupkg"));
        File.Copy(any, Path.Combine(other, Path.GetFileName(any)));
        var fallback = Install(other, "fallback");
        var assembly = Assert.Single(Directory.GetFiles(fallback, "Strata.Cli.dll", SearchOption.AllDirectories));
        Assert.Contains(Path.DirectorySeparatorChar + "strata.cli.any" + Path.DirectorySeparatorChar, assembly, StringComparison.Ordinal);
        var portable = ProcessRunner.Run(Path.Combine(fallback, "strata"), ["resolve", "gpt-trainer", "-c", Example], Repository.Root, s_timeout);
        Assert.True(portable.ExitCode == 0, "the framework-dependent strata failed:\n" + portable.Output);
        Assert.Equal(expected.Output, portable.Output);
    }

    /// <summary>Installs Strata.Cli from the local folder only, into a tool path of its own.</summary>
    private string Install(string feed, string name)
    {
        var directory = Path.Combine(_work, name);
        Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="strata-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var tools = Path.Combine(directory, "tools");
        var install = ProcessRunner.Run(
            ProcessRunner.Dotnet,
            ["tool", "install", "Strata.Cli", "--tool-path", tools, "--configfile", config, "--add-source", feed],
            directory,
            s_timeout,
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(directory, "packages") });
        Assert.True(install.ExitCode == 0, "dotnet tool install failed:\n" + install.Output);
        return tools;
    }

    private static void AssertPackages(string feed)
    {
        var pointer = Assert.Single(Directory.GetFiles(feed, "Strata.Cli.*.nupkg"), f => char.IsAsciiDigit(Path.GetFileName(f)["Strata.Cli.".Length]));
        using (var archive = ZipFile.OpenRead(pointer))
        {
            var settings = archive.Entries.Single(e => e.FullName.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal));
            using var stream = settings.Open();
            var rids = XDocument.Load(stream).Descendants("RuntimeIdentifierPackage").Select(e => (string?)e.Attribute("RuntimeIdentifier")).ToArray();
            Assert.Equal(["linux-x64", "any"], rids);
            Assert.DoesNotContain(archive.Entries, e => e.FullName.EndsWith(".dll", StringComparison.Ordinal));
        }

        using (var archive = ZipFile.OpenRead(Assert.Single(Directory.GetFiles(feed, "Strata.Cli.linux-x64.*.nupkg"))))
        {
            var tools = archive.Entries.Where(e => e.FullName.StartsWith("tools/", StringComparison.Ordinal)).Select(e => e.FullName).Order(StringComparer.Ordinal);
            Assert.Equal(["tools/any/linux-x64/DotnetToolSettings.xml", "tools/any/linux-x64/strata"], tools);
        }

        using (var archive = ZipFile.OpenRead(Assert.Single(Directory.GetFiles(feed, "Strata.Cli.any.*.nupkg"))))
        {
            Assert.Contains(archive.Entries, e => e.FullName == "tools/net10.0/any/Strata.Cli.dll");
            Assert.DoesNotContain(archive.Entries, e => e.FullName.StartsWith("tools/", StringComparison.Ordinal)
                && (e.FullName.EndsWith(".pdb", StringComparison.Ordinal) || (e.FullName.EndsWith(".xml", StringComparison.Ordinal) && !e.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal))));
        }
    }

    private static bool IsElf(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.Read(magic) == 4 && magic.SequenceEqual((ReadOnlySpan<byte>)[0x7F, (byte)'E', (byte)'L', (byte)'F']);
    }
}
