using Strata.Sources;
using Strata.Tests.Model;

namespace Strata.Tests.Diagnostics;

public sealed class SecretRedactionTests
{
    [Theory]
    [InlineData("runs.r.api_key", true)]
    [InlineData("runs.r.teacher.num_layers", false)]
    [InlineData("runs.a.b.api_key", true)]
    [InlineData("runs.api_key.name", false)]
    [InlineData("runs.r.name", false)]
    public void A_secret_field_of_a_config_held_in_a_dictionary_is_a_secret_path_whatever_the_entry_is_named(string path, bool secret) =>
        Assert.Equal(secret, SecretRedaction.IsSecretPath(RunsHolderConfig.TypeInfo, path));

    [Fact]
    public void A_dictionary_key_of_more_dots_than_the_check_reads_is_redacted_rather_than_read_every_way()
    {
        // 5 000 steps where the entry's config may start: past 1 000 the check stops and redacts.
        var path = "runs." + string.Join('.', Enumerable.Repeat("a", 5_000)) + ".name";

        Assert.True(SecretRedaction.IsSecretPath(RunsHolderConfig.TypeInfo, path));
        Assert.False(SecretRedaction.IsSecretPath(RunsHolderConfig.TypeInfo, "runs.a.a.a.name"));
    }

    [Theory]
    [InlineData("runs.r.api_key=hunter2", true)]
    [InlineData("runs.\"a.b\".api_key=hunter2", true)]
    [InlineData("runs={r: {api_key: hunter2}}", true)]
    [InlineData("runs.r={api_key: hunter2}", true)]
    [InlineData("runs.r.name=x", false)]
    public void An_override_that_sets_a_secret_field_of_a_config_held_in_a_dictionary_sets_a_secret(string argument, bool secret)
    {
        Assert.True(OverrideParser.TryParse(argument, 1, out var change, out var error), error?.ToString());

        Assert.Equal(secret, SecretRedaction.SetsSecret(RunsHolderConfig.TypeInfo, change!));
    }
}
