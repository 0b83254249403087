using Strata.Hosting;
using Strata.Robustness.Tests.Infrastructure;
using Strata.Robustness.Tests.Model;

namespace Strata.Robustness.Tests;

/// <summary>
/// Rule R14 on every output path: a secret field's value never appears in a document (YAML, JSON, annotated, written
/// with <c>-o</c>), in <c>explain</c> (text and JSON), in <c>diff</c>, in <c>docs</c>, in a diagnostic (a wrong type, a
/// broken rule, an override that cannot be parsed, an environment value) or in an exception message, unless the
/// caller asks for secrets.
/// </summary>
public sealed class SecretTests : IDisposable
{
    /// <summary>Every secret value of these tests holds this marker; no output may.</summary>
    private const string Marker = "S3CR3T";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static ConfigHost Host(IReadOnlyDictionary<string, string?>? environment = null) =>
        new ConfigHost("vault", "Secret tests.") { Environment = environment ?? new Dictionary<string, string?>() }
            .AddKind<VaultConfig>("vault", "A vault client.", (_, _) => 0);

    private static Task<CliResult> Run(params string[] args) => StrataCli.Run(Host(), StrataCli.DefaultTimeout, args);

    private string ValidFile() => _dir.Write("vault.yaml", """
        name: prod
        api_key: key-S3CR3T-1
        pin: 4242
        realm: alpha
        keys: [k1-S3CR3T, k2-S3CR3T]
        password: pw-S3CR3T
        endpoint:
          client_secret: client-S3CR3T
        """);

    private static void NoSecret(CliResult result)
    {
        Assert.DoesNotContain(Marker, result.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Marker, result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("4242", result.Output + result.Error, StringComparison.Ordinal);
    }

    public static TheoryData<string[]> DocumentOutputs => new(
        ["resolve", "vault"],
        ["resolve", "vault", "--show", "all"],
        ["resolve", "vault", "--show", "all", "--format", "json"],
        ["resolve", "vault", "--show", "all", "--sources"],
        ["explain", "vault"],
        ["explain", "vault", "--format", "json"],
        ["explain", "vault", "api_key", "endpoint", "keys", "pin"],
        ["validate", "vault"],
        ["run", "vault"]);

    [Theory]
    [MemberData(nameof(DocumentOutputs))]
    public async Task Documents_explain_and_validation_never_show_a_secret(string[] args)
    {
        var result = await Run([.. args, "-c", ValidFile(), "realm=beta", "api_key=cli-S3CR3T"]);

        Assert.Equal(0, result.ExitCode);
        NoSecret(result);
    }

    [Fact]
    public async Task Explain_shows_secrets_as_stars_with_their_origin()
    {
        var result = await Run("explain", "vault", "-c", ValidFile(), "api_key=cli-S3CR3T", "api_key", "endpoint.client_secret");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("***", result.Output, StringComparison.Ordinal);
        Assert.Contains("cli arg #1 (api_key=…)", result.Output, StringComparison.Ordinal);
        NoSecret(result);
    }

    [Fact]
    public async Task A_written_output_file_holds_no_secret()
    {
        var target = _dir.File("out.yaml");

        var result = await Run("resolve", "vault", "-c", ValidFile(), "--show", "all", "-o", target);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(Marker, File.ReadAllText(target), StringComparison.Ordinal);
        Assert.Contains("name: prod", File.ReadAllText(target), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_of_two_configs_that_differ_in_secrets_shows_no_secret()
    {
        var left = _dir.Write("a.yaml", "api_key: a-S3CR3T\npin: 4242\nendpoint: {client_secret: c-S3CR3T}\n");
        var right = _dir.Write("b.yaml", "api_key: b-S3CR3T\npin: 5353\nname: other\n");

        var text = await Run("diff", "vault", left, right);
        var json = await Run("diff", "vault", left, right, "--format", "json");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("name", text.Output, StringComparison.Ordinal);
        NoSecret(text);
        NoSecret(json);
        Assert.DoesNotContain("5353", text.Output + json.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docs_and_the_json_schema_do_not_show_the_default_of_a_secret()
    {
        var docs = await Run("docs", "vault");
        var schema = await Run("schema", "vault");

        Assert.Equal(0, docs.ExitCode);
        Assert.Equal(0, schema.ExitCode);
        Assert.DoesNotContain("DEFAULTSECRET", docs.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("DEFAULTSECRET", schema.Output, StringComparison.Ordinal);
        Assert.Contains("Secret", docs.Output, StringComparison.Ordinal);
        Assert.Contains("\"password\"", schema.Output, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> InvalidSecretOverrides => new()
    {
        { "pin=not-a-number-S3CR3T", "STR0102" },
        { "pin=-98765", "STR0103" },
        { "pin=99999999999999999999", "STR0104" },
        { "realm=gamma-S3CR3T", "STR0103" },
        { "api_key=[S3CR3T", "STR0010" },
        { "api_key={S3CR3T: 1", "STR0010" },
        { "api_key=!S3CR3T", "STR0003" },
        { "api_key=*S3CR3T", "STR0010" },
        { "api_key=#S3CR3T", "STR0010" },
        { "api_key=[a, S3CR3T]", "STR0102" },
        { "keys=[S3CR3T, {a: 1}]", "STR0102" },
        { "keys[5]=S3CR3T", "STR0010" },
        { "endpoint.client_secret=[S3CR3T", "STR0010" },
        { "endpoint.client_secret={x: S3CR3T}", "STR0102" },
    };

    [Theory]
    [MemberData(nameof(InvalidSecretOverrides))]
    public async Task A_diagnostic_about_an_invalid_secret_override_does_not_echo_it(string argument, string code)
    {
        var result = await Run("validate", "vault", argument);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error " + code, result.Error, StringComparison.Ordinal);
        Assert.Contains("cli arg #1", result.Error, StringComparison.Ordinal);
        NoSecret(result);
        Assert.DoesNotContain("98765", result.Error, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> InvalidSecretFiles => new()
    {
        { "pin: S3CR3T-pin\n", "STR0102" },
        { "pin: 12\n", "STR0103" },
        { "realm: S3CR3T\n", "STR0103" },
        { "api_key: !!python/object/apply:os.system S3CR3T\n", "STR0003" },
        { "api_key: *S3CR3T\n", "STR0001" },
        { "api_key: {k: S3CR3T}\n", "STR0102" },
        { "endpoint:\n  client_secret: [S3CR3T]\n", "STR0102" },
    };

    [Theory]
    [MemberData(nameof(InvalidSecretFiles))]
    public async Task A_diagnostic_about_an_invalid_secret_in_a_file_does_not_echo_it(string yaml, string code)
    {
        var file = _dir.Write("bad.yaml", yaml);

        var result = await Run("validate", "vault", "-c", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(file + ":", result.Error, StringComparison.Ordinal);
        Assert.Contains("error " + code, result.Error, StringComparison.Ordinal);
        NoSecret(result);
        Assert.DoesNotContain(": 12", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_diagnostic_about_an_invalid_secret_in_the_environment_does_not_echo_it()
    {
        var host = Host(new Dictionary<string, string?> { ["VAULT_TOKEN_NUMBER"] = "env-S3CR3T" });

        var result = await StrataCli.Run(host, StrataCli.DefaultTimeout, "validate", "vault");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("env VAULT_TOKEN_NUMBER", result.Error, StringComparison.Ordinal);
        NoSecret(result);
    }

    [Fact]
    public void Exceptions_of_the_library_do_not_carry_a_secret()
    {
        var options = new ResolveOptions { Environment = new Dictionary<string, string?>() };
        var fromFile = new ConfigResolver<VaultConfig>(options).AddYaml("pin: S3CR3T-pin\nrealm: S3CR3T\nkeys: [S3CR3T, [S3CR3T]]\n", "vault.yaml");
        var fromOverride = new ConfigResolver<VaultConfig>(options).AddOverride("api_key=[S3CR3T");

        foreach (var resolver in new[] { fromFile, fromOverride })
        {
            var exception = Assert.Throws<ConfigException>(() => resolver.Resolve());

            Assert.NotEmpty(exception.Diagnostics);
            Assert.DoesNotContain(Marker, exception.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Marker, exception.ToString(), StringComparison.Ordinal);
            Assert.All(exception.Diagnostics, d => Assert.DoesNotContain(Marker, d.ToString(), StringComparison.Ordinal));
        }

        Assert.Equal(3, Assert.Throws<ConfigException>(() => fromFile.Resolve()).Diagnostics.Count);
    }

    [Fact]
    public void Library_outputs_leave_secrets_out_unless_asked_for()
    {
        var resolved = new ConfigResolver<VaultConfig>(new ResolveOptions { Environment = new Dictionary<string, string?>() })
            .AddYaml("api_key: key-S3CR3T\nendpoint: {client_secret: c-S3CR3T}\npin: 4242\n")
            .Resolve();

        foreach (var verbosity in Enum.GetValues<Verbosity>())
        {
            Assert.DoesNotContain(Marker, resolved.ToYaml(verbosity), StringComparison.Ordinal);
            Assert.DoesNotContain(Marker, resolved.ToJson(verbosity), StringComparison.Ordinal);
            Assert.DoesNotContain(Marker, resolved.ToYaml(verbosity, SecretHandling.Redact), StringComparison.Ordinal);
        }

        Assert.All(resolved.Explain(), p => Assert.DoesNotContain(Marker, p.Value, StringComparison.Ordinal));
        Assert.DoesNotContain(Marker, resolved.Config.ToString() ?? string.Empty, StringComparison.Ordinal);

        // Asked for: the caller gets them, and the saved text resolves back to the same secrets.
        var included = resolved.ToYaml(Verbosity.Explicit, SecretHandling.Include);
        Assert.Contains("key-S3CR3T", included, StringComparison.Ordinal);
        Assert.Contains("c-S3CR3T", included, StringComparison.Ordinal);
        var again = new ConfigResolver<VaultConfig>(new ResolveOptions { Environment = new Dictionary<string, string?>() }).AddYaml(included).Resolve();
        Assert.Equal("key-S3CR3T", again.Config.ApiKey);
        Assert.Equal(4242, again.Config.Pin);
    }
}
