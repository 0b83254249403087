using System.Text;
using Strata.Sources;
using Strata.Tree;
using static Strata.Tests.Sources.TreeAssert;

namespace Strata.Tests.Sources;

public sealed class DocumentReaderTests
{
    private static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "Sources", name);

    [Fact]
    public void A_realistic_trainer_file_loads_with_places_anchors_and_merge_keys()
    {
        var path = TestData("trainer.yaml");

        var document = DocumentReader.Load(path);

        Assert.True(document.Success, string.Join("\n", document.Diagnostics));
        var root = document.Root!;
        Plain(At(root, "model", "base_model", "transformer", "init_method_std"), "1e-2");
        Plain(At(root, "model", "base_model", "tie_word_embeddings"), "off");
        Plain(At(root, "reference_models", "teacher", "optimizer", "weight_decay"), "0.0");
        Plain(At(root, "reference_models", "teacher", "optimizer", "learning_rate", "base"), "3e-4");
        Quoted(At(root, "data", "datasets", "training", "datasets", 0, "path"), "/data/a.yaml");
        Plain(At(root, "data", "datasets", "training", "datasets", 1, "path"), "/data/b.yaml");
        Quoted(At(root, "run", "experiment_name"), "007");
        Null(At(root, "run", "tensorboard"));
        var numLayers = At(root, "model", "base_model", "transformer", "num_layers").Origin;
        Assert.Equal((path, 5, 19), (numLayers.Source, numLayers.Line, numLayers.Column));
    }

    [Fact]
    public void A_json_file_is_chosen_by_its_extension()
    {
        var document = DocumentReader.Load(TestData("hf-config.json"), checkpoint: true);

        Assert.True(document.Success, string.Join("\n", document.Diagnostics));
        Plain(At(document.Root!, "rms_norm_eps"), "1e-05");
        Plain(At(document.Root!, "rope_theta"), "500000.0");
        Quoted(At(document.Root!, "architectures", 0), "LlamaForCausalLM");
        Assert.Equal(OriginKind.Checkpoint, At(document.Root!, "hidden_size").Origin.Kind);
        Position(At(document.Root!, "hidden_size").Origin, 3, 18);
    }

    [Theory]
    [InlineData("config.JSON", true)]
    [InlineData("config.Json", true)]
    [InlineData("config.yaml", false)]
    [InlineData("config.yml", false)]
    [InlineData("config", false)]
    [InlineData("config.json.yaml", false)]
    public void The_extension_decides_the_format_ignoring_case(string name, bool json)
    {
        using var temp = new TempDirectory();

        // Valid JSON is valid YAML, so a YAML-only construct tells which reader ran.
        var path = temp.Write(name, "a: 1\n");
        var document = DocumentReader.Load(path);

        Assert.Equal(!json, document.Success);
    }

    [Fact]
    public void A_missing_file_is_unreadable_with_the_path_as_origin()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "missing.yaml");

        var document = DocumentReader.Load(path);

        var error = SingleError(document, DiagnosticCodes.Unreadable);
        Assert.Null(document.Root);
        Assert.Equal((path, 0, 0), (error.Origin!.Source, error.Origin.Line, error.Origin.Column));
        Assert.Equal(path + ": error STR0007: file not found", error.ToString());
    }

    [Fact]
    public void A_file_in_a_missing_directory_is_not_found()
    {
        var error = SingleError(DocumentReader.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "x.json")), DiagnosticCodes.Unreadable);

        Assert.Equal("file not found", error.Message);
    }

    [Fact]
    public void A_directory_is_unreadable()
    {
        using var temp = new TempDirectory();

        var error = SingleError(DocumentReader.Load(temp.Path), DiagnosticCodes.Unreadable);

        Assert.Contains("is a directory", error.Message, StringComparison.Ordinal);
        Assert.Equal(temp.Path, error.Origin!.Source);
    }

    [Theory]
    [InlineData("big.yaml")]
    [InlineData("big.json")]
    public void A_file_larger_than_the_limit_is_refused_before_it_is_read(string name)
    {
        using var temp = new TempDirectory();
        var path = temp.Write(name, "{\"a\": \"" + new string('x', 100) + "\"}");

        var document = DocumentReader.Load(path, limits: new SourceLimits { MaxFileBytes = 64 });

        var error = SingleError(document, DiagnosticCodes.FileTooLarge);
        Assert.Contains("64 bytes", error.Message, StringComparison.Ordinal);
        Assert.True(DocumentReader.Load(path, limits: new SourceLimits { MaxFileBytes = 109 }).Success);
    }

    [Theory]
    [InlineData("bad.yaml")]
    [InlineData("bad.json")]
    public void Invalid_utf8_is_an_encoding_error_at_the_first_bad_byte(string name)
    {
        using var temp = new TempDirectory();
        byte[] bytes = [.. "{\"a\": 1,\n \"bé\": \""u8, 0xC3, 0x28, .. "\"}\n"u8];
        var path = temp.WriteBytes(name, bytes);

        var document = DocumentReader.Load(path);

        var error = SingleError(document, DiagnosticCodes.Encoding);
        Position(error.Origin!, 2, 9);
        Assert.Contains("0xC3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_utf8_sequence_at_the_end_is_an_encoding_error()
    {
        using var temp = new TempDirectory();
        var path = temp.WriteBytes("cut.yaml", [.. "a: x"u8, 0xE2, 0x82]);

        var error = SingleError(DocumentReader.Load(path), DiagnosticCodes.Encoding);

        Position(error.Origin!, 1, 5);
    }

    [Theory]
    [InlineData("ok.yaml", "a: 1\r\nb:\r\n  c: 2\r\n")]
    [InlineData("ok.json", "{\"a\": 1,\r\n\"b\":\r\n  {\"c\": 2}}\r\n")]
    public void A_byte_order_mark_and_crlf_line_endings_are_accepted(string name, string text)
    {
        using var temp = new TempDirectory();
        var path = temp.WriteBytes(name, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]);

        var document = DocumentReader.Load(path);

        Assert.True(document.Success, string.Join("\n", document.Diagnostics));
        Assert.Equal(["a", "b"], ((ConfigMap)document.Root!).Entries.Select(e => e.Key));
        Assert.Equal(3, At(document.Root!, "b", "c").Origin.Line);
    }

    [Fact]
    public void An_empty_yaml_file_is_a_valid_empty_map()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("empty.yaml", string.Empty);

        var document = DocumentReader.Load(path);

        Assert.True(document.Success);
        Assert.Equal(0, Assert.IsType<ConfigMap>(document.Root).Count);
    }

    [Fact]
    public void Syntax_errors_in_a_loaded_file_name_the_file()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("broken.yaml", "a:\n\tb: 1\n");

        var error = SingleError(YamlDocumentReader.Load(path, checkpoint: true), DiagnosticCodes.Syntax);

        Assert.Equal((OriginKind.Checkpoint, path, 2, 1), (error.Origin!.Kind, error.Origin.Source, error.Origin.Line, error.Origin.Column));
    }
}
