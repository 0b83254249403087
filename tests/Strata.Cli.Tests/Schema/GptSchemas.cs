using System.Text.Json;
using Json.Schema;
using Strata.Cli.Tests.Convert;

namespace Strata.Cli.Tests.Schema;

/// <summary>
/// The JSON Schemas that <c>strata schema</c> writes for the GPT kinds, loaded into a real validator (JsonSchema.Net,
/// draft 2020-12), and the documents to check with it.
/// </summary>
internal static class GptSchemas
{
    private static readonly Dictionary<string, (string Text, JsonSchema Schema)> s_schemas = [];
    private static readonly Lock s_lock = new();

    /// <summary>The example configs of the repository and of the shared benchmark folder, as (folder, file name).</summary>
    public static IEnumerable<(string Folder, string File)> Examples()
    {
        var examples = Path.Combine(StrataHost.Root, "examples");
        foreach (var file in Directory.GetFiles(examples, "*.yaml").Order(StringComparer.Ordinal))
        {
            yield return ("examples", Path.GetFileName(file));
        }

        var bench = Bench;
        if (Directory.Exists(bench))
        {
            foreach (var file in Directory.GetFiles(bench, "*.yaml").Order(StringComparer.Ordinal))
            {
                yield return ("bench", Path.GetFileName(file));
            }
        }
    }

    /// <summary>The shared benchmark folder next to the repository.</summary>
    public static string Bench => Path.GetFullPath(Path.Combine(StrataHost.Root, "..", "shared", "bench"));

    /// <summary>The directory of an example folder: relative paths in its files are relative to it.</summary>
    public static string Folder(string folder) => folder == "bench" ? Bench : StrataHost.Root;

    /// <summary>The path of an example.</summary>
    public static string PathOf(string folder, string file) => folder == "bench" ? Path.Combine(Bench, file) : Path.Combine(StrataHost.Root, "examples", file);

    /// <summary>The schema text of a kind, as <c>strata schema KIND</c> writes it.</summary>
    public static string Text(string kind) => Load(kind).Text;

    /// <summary>The errors of a JSON document against the schema of a kind: <c>/instance/path: message</c>, none when valid.</summary>
    public static List<string> Errors(string kind, string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = Load(kind).Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        // The failed conditions of if/then (the type names a document does not have) are not errors.
        var errors = (results.Details ?? [])
            .Where(static d => d.Errors is { Count: > 0 } && !d.EvaluationPath.ToString().Contains("/if", StringComparison.Ordinal))
            .SelectMany(static d => d.Errors!.Values.Select(m => d.InstanceLocation + ": " + m))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return errors.Count > 0 ? errors : ["(invalid without details)"];
    }

    private static (string Text, JsonSchema Schema) Load(string kind)
    {
        lock (s_lock)
        {
            if (!s_schemas.TryGetValue(kind, out var loaded))
            {
                var result = StrataHost.Run("schema", kind).GetAwaiter().GetResult();
                Assert.Equal(0, result.ExitCode);
                loaded = (result.Output, JsonSchema.FromText(result.Output));
                s_schemas[kind] = loaded;
            }

            return loaded;
        }
    }
}
