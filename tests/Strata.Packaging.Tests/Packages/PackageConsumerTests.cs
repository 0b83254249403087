using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using Strata.Packaging.Tests.Infrastructure;

namespace Strata.Packaging.Tests.Packages;

/// <summary>
/// The packages as a user gets them: Strata, Strata.Llm and Strata.Extensions are packed from this build into a local
/// folder, and a fresh net10.0 project that references the packages (not the projects) declares its own
/// <c>[Config]</c> class, resolves a YAML file and runs. This proves that the generator ships in the Strata package and
/// works from there. Slow (one pack per package, one restore and build): about a minute.
/// </summary>
[Trait("Category", "Slow")]
[Collection(PackingCollection.Name)]
public sealed class PackageConsumerTests : IDisposable
{
    private static readonly TimeSpan s_commandTimeout = TimeSpan.FromMinutes(4);
    private static readonly string[] s_packages = ["Strata", "Strata.Llm", "Strata.Extensions"];

    // Packed and checked with the libraries, not referenced by the consumer: a .NET tool is installed, not referenced.
    private const string Tool = "Strata.Cli";

    private readonly string _work = Directory.CreateTempSubdirectory("strata-packages-").FullName;

    // A version no other build uses, so that no package cache can answer in place of the packages just packed.
    private readonly string _version = "0.0.0-packaging." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void A_fresh_project_referencing_the_packages_generates_its_own_configs_and_resolves_a_file()
    {
        var feed = Pack();
        AssertPackageContents(feed);

        var consumer = Path.Combine(_work, "consumer");
        Directory.CreateDirectory(consumer);
        WriteConsumer(consumer, feed);

        var build = ProcessRunner.Run(ProcessRunner.Dotnet, ["build", "-c", "Release", "-nodeReuse:false", "-p:UseSharedCompilation=false"], consumer, s_commandTimeout);
        Assert.True(build.ExitCode == 0, "The consumer did not build:\n" + build.Output);

        var run = ProcessRunner.Run(ProcessRunner.Dotnet, [Path.Combine(consumer, "bin", "Release", "net10.0", "Consumer.dll"), "train.yaml"], consumer, s_commandTimeout);
        Assert.True(run.ExitCode == 0, "The consumer failed:\n" + run.Output);
        Assert.Equal(
            """
            fields: name, steps, learning_rate, layers, warmup_steps
            name: smoke (consumer/train.yaml:1:7)
            steps: 30 (provider MemoryConfigurationProvider App:Steps)
            warmup_steps: 3 (derived)
            saved:
            name: smoke
            steps: 30
            layers:
            - 64
            - 32
            gpt ffn_hidden_size: 2048
            bad.yaml:1:8: error STR0103: steps: must be >= 1, got 0

            """.Replace("consumer/train.yaml", Path.Combine(consumer, "train.yaml"), StringComparison.Ordinal),
            run.Output.ReplaceLineEndings("\n"));
    }

    private string Pack()
    {
        var feed = Path.Combine(_work, "feed");
        foreach (var package in s_packages.Append(Tool))
        {
            // The projects were built in this configuration before the tests ran (they are references of this project).
            // The tool is packed as the docs pack it, symbols setting left as it is: a plain `dotnet pack` of the pointer
            // package once failed (NU5017: its symbol package would hold nothing).
            var pack = ProcessRunner.Run(
                ProcessRunner.Dotnet,
                ["pack", Repository.PathOf("src/" + package + "/" + package + ".csproj"), "--no-build", "-c", Repository.Configuration, "-o", feed, "-p:Version=" + _version, .. package == Tool ? Array.Empty<string>() : ["-p:IncludeSymbols=false"], "-nodeReuse:false"],
                Repository.Root,
                s_commandTimeout);
            Assert.True(pack.ExitCode == 0, "dotnet pack " + package + " failed:\n" + pack.Output);
        }

        return feed;
    }

    private void AssertPackageContents(string feed)
    {
        using (var strata = ZipFile.OpenRead(Path.Combine(feed, "Strata." + _version + ".nupkg")))
        {
            var files = strata.Entries.Select(e => e.FullName).ToHashSet();
            Assert.Contains("analyzers/dotnet/cs/Strata.Generators.dll", files);
            Assert.Contains("lib/net10.0/Strata.dll", files);
            Assert.Contains("lib/net10.0/Strata.xml", files);
            Assert.Contains("README.md", files);
            Assert.DoesNotContain(files, f => f.StartsWith("lib/", StringComparison.Ordinal) && f.Contains("Generators", StringComparison.Ordinal));
            var metadata = Nuspec(strata);
            Assert.Equal("MIT", Element(metadata, "license"));
            Assert.Equal("README.md", Element(metadata, "readme"));

            // Source Link: the package names the commit it was built from (and the repository URL, given a remote).
            var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
            Assert.Equal("git", (string?)repository.Attribute("type"));
            Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit") ?? string.Empty);
            Assert.DoesNotContain(Dependencies(metadata), d => d.Id.StartsWith("Strata", StringComparison.Ordinal));
        }

        using (var tool = ZipFile.OpenRead(Path.Combine(feed, Tool + "." + _version + ".nupkg")))
        {
            Assert.Contains("README.md", tool.Entries.Select(e => e.FullName));
            var metadata = Nuspec(tool);
            Assert.Equal("MIT", Element(metadata, "license"));
            Assert.Equal("README.md", Element(metadata, "readme"));
            Assert.Contains(metadata.Descendants(), e => e.Name.LocalName == "packageType" && (string?)e.Attribute("name") == "DotnetTool");
        }

        foreach (var package in s_packages.Skip(1))
        {
            using var archive = ZipFile.OpenRead(Path.Combine(feed, package + "." + _version + ".nupkg"));
            Assert.Contains("README.md", archive.Entries.Select(e => e.FullName));
            var metadata = Nuspec(archive);
            Assert.Equal("MIT", Element(metadata, "license"));

            // Strata comes with its analyzers (the generator), so a consumer of this package can write configs too.
            var strata = Assert.Single(Dependencies(metadata), d => d.Id == "Strata");
            Assert.Equal(_version, strata.Version);
            Assert.DoesNotContain("Analyzers", strata.Exclude ?? string.Empty, StringComparison.OrdinalIgnoreCase);
        }
    }

    private void WriteConsumer(string directory, string feed)
    {
        // No <clear/>: the machine's own package sources stay, the local folder is added.
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="strata-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);

        // The packages just packed go to a cache of their own; everything else is found in the machine's cache first.
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <RestorePackagesPath>{Path.Combine(_work, "packages")}</RestorePackagesPath>
                <RestoreAdditionalProjectFallbackFolders>{GlobalPackagesFolder()}</RestoreAdditionalProjectFallbackFolders>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Strata" Version="{_version}" />
                <PackageReference Include="Strata.Llm" Version="{_version}" />
                <PackageReference Include="Strata.Extensions" Version="{_version}" />
                <PackageReference Include="Microsoft.Extensions.Configuration" Version="10.0.0" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "train.yaml"), "name: smoke\nsteps: 10\nlayers: [64, 32]\n");
        File.WriteAllText(Path.Combine(directory, "RunConfig.cs"), """
            using Strata;

            namespace Consumer;

            /// <summary>A training run, declared by the consumer.</summary>
            [Config]
            public sealed partial class RunConfig
            {
                /// <summary>The run name.</summary>
                [Field(FieldHint.Core)]
                public partial string Name { get; set; } = "run";

                /// <summary>The number of steps.</summary>
                [Field(FieldHint.Core), Min(1)]
                public partial int Steps { get; set; } = 100;

                /// <summary>The learning rate.</summary>
                [Field(FieldHint.Core), GreaterThan(0)]
                public partial double LearningRate { get; set; } = 1e-3;

                /// <summary>The layer widths.</summary>
                [Field(FieldHint.Architecture)]
                public partial IList<int> Layers { get; set; } = new List<int>();

                /// <summary>The warm-up steps: a tenth of the steps unless set.</summary>
                [Field(FieldHint.Optional), DerivedDefault("steps / 10")]
                public partial int WarmupSteps { get; set; }

                partial void Derive(DeriveContext context)
                {
                    if (!IsSet(nameof(WarmupSteps)))
                    {
                        WarmupSteps = Steps / 10;
                    }
                }
            }
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), """
            using Consumer;
            using Microsoft.Extensions.Configuration;
            using Strata;
            using Strata.Llm;

            var settings = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["App:Steps"] = "30" })
                .Build();
            var resolved = new ConfigResolver<RunConfig>()
                .AddFile(Path.GetFullPath(args[0]))
                .AddConfiguration(settings, "App")
                .Resolve();

            Console.WriteLine("fields: " + string.Join(", ", RunConfig.TypeInfo.Fields.Select(f => f.Key)));
            var explained = resolved.Explain().ToDictionary(p => p.Path);
            foreach (var path in new[] { "name", "steps", "warmup_steps" })
            {
                Console.WriteLine(path + ": " + explained[path].Value + " (" + explained[path].Origin + ")");
            }

            Console.WriteLine("saved:");
            Console.Write(resolved.ToYaml());

            var model = new ConfigResolver<PretrainedGPTModelConfig>()
                .AddOverride("model.base_model.transformer.hidden_size=512")
                .Resolve();
            Console.WriteLine("gpt ffn_hidden_size: " + model.Config.Model.BaseModel.Transformer.FfnHiddenSize);

            try
            {
                new ConfigResolver<RunConfig>().AddYaml("steps: 0\n", "bad.yaml").Resolve();
            }
            catch (ConfigException e)
            {
                Console.WriteLine(string.Join(Environment.NewLine, e.Diagnostics));
            }
            """);
    }

    private static string GlobalPackagesFolder()
    {
        var result = ProcessRunner.Run(ProcessRunner.Dotnet, ["nuget", "locals", "global-packages", "--list"], Path.GetTempPath(), s_commandTimeout);
        Assert.Equal(0, result.ExitCode);

        // "global-packages: /root/.nuget/packages/"
        var line = result.Output.Split('\n').Single(l => l.StartsWith("global-packages:", StringComparison.Ordinal));
        return line["global-packages:".Length..].Trim();
    }

    private static XElement Nuspec(ZipArchive archive)
    {
        var entry = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = entry.Open();
        var root = XDocument.Load(stream).Root ?? throw new InvalidOperationException("An empty nuspec.");
        return root.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string? Element(XElement metadata, string name) =>
        metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

    private static IEnumerable<(string Id, string? Version, string? Exclude)> Dependencies(XElement metadata) =>
        metadata.Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => ((string?)e.Attribute("id") ?? string.Empty, (string?)e.Attribute("version"), (string?)e.Attribute("exclude")));
}
