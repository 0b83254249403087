using System.Text.Json;
using Strata.Cli.Tests.Convert;
using Strata.Cli.Tests.Hosting;

namespace Strata.Cli.Tests.Schema;

/// <summary>
/// The JSON Schema of <c>strata schema</c> checked with a real validator (JsonSchema.Net, draft 2020-12): every example
/// and benchmark config validates, as written (the editor's view, YAML typed by the core schema) and as resolved at
/// several verbosities; invalid documents are rejected, each for the reason the engine rejects it too.
/// </summary>
public sealed class SchemaValidationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public static TheoryData<string, string> Examples => [.. GptSchemas.Examples()];

    public static TheoryData<string, string, string> ExamplesAtLevels =>
        [.. GptSchemas.Examples().SelectMany(static e => new[] { "explicit", "optional", "all" }.Select(level => (e.Folder, e.File, level)))];

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_examples_and_the_benchmark_configs_are_all_there()
    {
        var examples = GptSchemas.Examples().ToList();
        Assert.Contains(("examples", "from-scratch.yaml"), examples);
        Assert.Contains(("examples", "finetune-hf.yaml"), examples);
        Assert.SkipUnless(Directory.Exists(GptSchemas.Bench), "the shared benchmark folder is not next to the repository");
        Assert.Contains(("bench", "trainer.yaml"), examples);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void An_example_as_written_validates(string folder, string file)
    {
        var json = YamlAsJson.Convert(GptSchemas.PathOf(folder, file));

        Assert.Empty(GptSchemas.Errors("gpt-trainer", json));
    }

    [Theory]
    [MemberData(nameof(ExamplesAtLevels))]
    public async Task An_example_as_resolved_validates(string folder, string file, string level)
    {
        var result = await StrataHost.RunIn(GptSchemas.Folder(folder), "resolve", "gpt-trainer", "-c", GptSchemas.PathOf(folder, file), "--format", "json", "--show", level);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(GptSchemas.Errors("gpt-trainer", result.Output));
    }

    [Theory]
    [InlineData("explicit")]
    [InlineData("all")]
    public async Task A_model_resolved_from_a_checkpoint_validates_against_the_model_schema(string level)
    {
        var result = await StrataHost.Run("resolve", "gpt-model", "pretrained.path=examples/checkpoints/tiny-llama", "pretrained.format=auto", "--format", "json", "--show", level);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(GptSchemas.Errors("gpt-model", result.Output));
    }

    [Theory]
    [InlineData("wrong type", "{\"model\": {\"base_model\": {\"transformer\": {\"num_layers\": \"four\"}}}}", "/model/base_model/transformer/num_layers")]
    [InlineData("integer as a float", "{\"model\": {\"base_model\": {\"transformer\": {\"num_layers\": 4.5}}}}", "/model/base_model/transformer/num_layers")]
    [InlineData("unknown key", "{\"training\": {\"trian_iters\": 3}}", "/training/trian_iters")]
    [InlineData("out of range", "{\"model\": {\"base_model\": {\"transformer\": {\"num_layers\": -1}}}}", "/model/base_model/transformer/num_layers")]
    [InlineData("exclusive minimum", "{\"optimizer\": {\"weight_decay\": -0.1}}", "/optimizer/weight_decay")]
    [InlineData("unknown enum value", "{\"model\": {\"distributed\": {\"training_dtype\": \"fp17\"}}}", "/model/distributed/training_dtype")]
    [InlineData("unknown dataset type", "{\"data\": {\"datasets\": {\"training\": {\"type\": \"bogus\"}}}}", "/data/datasets/training/type")]
    [InlineData("dataset without a type", "{\"data\": {\"datasets\": {\"training\": {\"path\": \"data/x\"}}}}", "/data/datasets/training")]
    [InlineData("key of another dataset type", "{\"data\": {\"datasets\": {\"training\": {\"type\": \"memmap\", \"name\": \"x\"}}}}", "/data/datasets/training")]
    [InlineData("nested dataset without a type", "{\"data\": {\"datasets\": {\"training\": {\"type\": \"blended\", \"datasets\": [{\"type\": \"random\"}, {\"path\": \"x\"}], \"weights\": [1, 1]}}}}", "/data/datasets/training/datasets/1")]
    [InlineData("unknown checkpoint format", "{\"pretrained\": {\"format\": \"gguf\"}}", "/pretrained/format")]
    [InlineData("null without a derived default", "{\"model\": {\"base_model\": {\"transformer\": {\"num_layers\": null}}}}", "/model/base_model/transformer/num_layers")]
    public async Task An_invalid_document_is_rejected_by_the_validator_and_by_the_engine(string what, string json, string location)
    {
        var errors = GptSchemas.Errors("gpt-trainer", json);
        var file = _dir.Write(what.Replace(' ', '-') + ".json", json);
        var engine = await StrataHost.Run("validate", "gpt-trainer", "-c", file);

        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.StartsWith(location + ":", StringComparison.Ordinal) || e.StartsWith(location + "/", StringComparison.Ordinal));
        Assert.Equal(1, engine.ExitCode);
    }

    [Theory]
    [InlineData("{\"batch\": {\"sequence_length\": null}}")]
    [InlineData("{\"batch\": {\"micro_batch_size\": null, \"batch_size\": 8}}")]
    [InlineData("{\"model\": {\"base_model\": {\"use_position_embeddings\": null}}}")]
    public async Task An_explicit_null_on_a_field_with_a_derived_default_validates_as_the_engine_derives_it(string json)
    {
        var errors = GptSchemas.Errors("gpt-trainer", json);
        var file = _dir.Write("null.json", json);
        var engine = await StrataHost.Run("validate", "gpt-trainer", "-c", file);

        Assert.Empty(errors);
        Assert.Equal(0, engine.ExitCode);
    }

    [Theory]
    [InlineData("gpt-trainer", 20)]
    [InlineData("gpt-model", 10)]
    public void Every_field_with_a_derived_default_allows_null(string kind, int atLeast)
    {
        using var schema = JsonDocument.Parse(GptSchemas.Text(kind));
        var derived = 0;
        foreach (var definition in schema.RootElement.GetProperty("$defs").EnumerateObject())
        {
            foreach (var field in definition.Value.GetProperty("properties").EnumerateObject())
            {
                if (field.Value.TryGetProperty("description", out var description) && description.GetString()!.Contains("Derived when unset:", StringComparison.Ordinal))
                {
                    derived++;
                    Assert.True(
                        field.Value.TryGetProperty("anyOf", out var anyOf) && anyOf.EnumerateArray().Any(static a => a.TryGetProperty("type", out var t) && t.GetString() == "null"),
                        definition.Name + "." + field.Name + " does not allow null: " + field.Value);
                }
            }
        }

        Assert.True(derived >= atLeast, derived + " fields with a derived default");
    }

    [Fact]
    public void The_alias_of_an_enum_value_is_accepted_as_the_engine_accepts_it()
    {
        Assert.Empty(GptSchemas.Errors("gpt-trainer", "{\"model\": {\"distributed\": {\"training_dtype\": \"bf16\"}}}"));
        Assert.Empty(GptSchemas.Errors("gpt-trainer", "{\"model\": {\"distributed\": {\"training_dtype\": \"torch.bfloat16\"}}}"));
    }

    [Fact]
    public void A_dataset_of_each_type_is_discriminated_by_its_type()
    {
        Assert.Empty(GptSchemas.Errors("gpt-trainer", "{\"data\": {\"datasets\": {\"training\": {\"type\": \"random\", \"name\": \"x\"}}}}"));
        Assert.Empty(GptSchemas.Errors("gpt-trainer", "{\"data\": {\"datasets\": {\"training\": {\"type\": \"memmap\", \"path\": \"data/x\"}}}}"));

        // The wrong type's keys are named as unknown, rather than a failed match against every alternative.
        var errors = GptSchemas.Errors("gpt-trainer", "{\"data\": {\"datasets\": {\"training\": {\"type\": \"memmap\", \"name\": \"x\"}}}}");
        Assert.Equal(["/data/datasets/training/name: All values fail against the false schema"], errors);
    }

    /// <summary>
    /// Every polymorphic slot is a discriminated choice (R7): a <c>type</c> enum of the registered names, one
    /// <c>if type == name then that class</c> per name, <c>type</c> required when the slot's class is abstract — never a
    /// bare choice among classes that a document without <c>type</c> (or with another class's keys) could slip through.
    /// </summary>
    [Theory]
    [InlineData("gpt-trainer", 6)]
    [InlineData("gpt-model", 0)]
    public void Every_polymorphic_slot_is_a_discriminated_choice(string kind, int atLeast)
    {
        using var schema = JsonDocument.Parse(GptSchemas.Text(kind));
        var definitions = schema.RootElement.GetProperty("$defs");
        var typeNames = definitions.EnumerateObject()
            .Where(static d => d.Value.GetProperty("properties").TryGetProperty("type", out var t) && t.TryGetProperty("const", out _))
            .ToDictionary(static d => "#/$defs/" + d.Name, static d => d.Value.GetProperty("properties").GetProperty("type").GetProperty("const").GetString()!);
        var choices = 0;

        foreach (var node in Walk(schema.RootElement))
        {
            if (node.TryGetProperty("anyOf", out var anyOf) || node.TryGetProperty("oneOf", out anyOf))
            {
                Assert.True(anyOf.EnumerateArray().Count(static a => a.TryGetProperty("$ref", out _)) <= 1, "an undiscriminated choice of classes: " + node);
            }

            if (!node.TryGetProperty("allOf", out var allOf) || !allOf.EnumerateArray().Any(static a => a.TryGetProperty("if", out _)))
            {
                continue;
            }

            choices++;
            var names = node.GetProperty("properties").GetProperty("type").GetProperty("enum").EnumerateArray().Select(static n => n.GetString()!).ToList();
            var branches = allOf.EnumerateArray().Where(static a => a.GetProperty("if").TryGetProperty("properties", out _)).ToList();
            Assert.Equal(names, branches.Select(static b => b.GetProperty("if").GetProperty("properties").GetProperty("type").GetProperty("const").GetString()!));
            foreach (var branch in branches)
            {
                var name = branch.GetProperty("if").GetProperty("properties").GetProperty("type").GetProperty("const").GetString();
                Assert.Equal(["type"], branch.GetProperty("if").GetProperty("required").EnumerateArray().Select(static r => r.GetString()));
                Assert.Equal(name, typeNames[branch.GetProperty("then").GetProperty("$ref").GetString()!]);
            }

            var requiresType = node.TryGetProperty("required", out var required) && required.EnumerateArray().Any(static r => r.GetString() == "type");
            var hasDefault = allOf.EnumerateArray().Any(static a => a.GetProperty("if").TryGetProperty("not", out _));
            Assert.True(requiresType ^ hasDefault, "a choice must either require type (abstract class) or default to its class: " + node);
        }

        Assert.True(choices >= atLeast, "expected the dataset slots to be choices, found " + choices);
    }

    [Fact]
    public void The_schema_of_each_kind_is_valid_draft_2020_12()
    {
        foreach (var kind in new[] { "gpt-trainer", "gpt-model" })
        {
            using var schema = JsonDocument.Parse(GptSchemas.Text(kind));
            Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());

            // The validator resolves every reference of an empty config, whose sections all take their defaults.
            Assert.Empty(GptSchemas.Errors(kind, "{}"));
        }
    }

    private static IEnumerable<JsonElement> Walk(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            yield return element;
            foreach (var property in element.EnumerateObject())
            {
                foreach (var child in Walk(property.Value))
                {
                    yield return child;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var child in Walk(item))
                {
                    yield return child;
                }
            }
        }
    }
}
