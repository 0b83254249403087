using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Strata.Reporting;
using Strata.Tests.Resolution;

namespace Strata.Tests.Reporting;

/// <summary>
/// The HTML page of a resolved config (<see cref="Resolved.ToHtml"/>), read as a document: what the browser tests
/// (tests/Strata.Browser.Tests) cannot see without a browser, and what they take for granted.
/// </summary>
public sealed partial class HtmlReportTests
{
    [GeneratedRegex("<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();

    [GeneratedRegex("script-src 'sha256-([A-Za-z0-9+/=]+)'")]
    private static partial Regex ScriptHash();

    [GeneratedRegex("<script type=\"application/json\" id=\"strata-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataElement();

    [Fact]
    public void The_page_loads_nothing_from_elsewhere()
    {
        var html = Resolve.Yaml("name: run\n").ToHtml();
        Assert.DoesNotContain(" src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_content_security_policy_allows_exactly_the_page_own_script_by_its_hash()
    {
        var html = Resolve.Yaml("name: run\n").ToHtml();
        var scripts = InlineScript().Matches(html);
        var script = Assert.Single(scripts).Groups[1].Value;
        var expected = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        Assert.Equal(expected, ScriptHash().Match(html).Groups[1].Value);
    }

    [Fact]
    public void Markup_in_a_value_cannot_close_the_data_element_and_reads_back_as_written()
    {
        const string hostile = "</script><script>alert(1)</script><!-- & ]]>";
        var html = Resolve.Yaml("name: '" + hostile + "'\n").ToHtml();
        var data = DataElement().Match(html).Groups[1].Value;
        Assert.DoesNotContain("<", data, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(data);
        var leaves = document.RootElement.GetProperty("sides")[0].GetProperty("leaves");
        var name = leaves.EnumerateArray().Single(static l => l.GetProperty("path").GetString() == "name");
        Assert.Equal(hostile, name.GetProperty("value").GetString());
    }

    [Fact]
    public void A_secret_is_redacted_in_the_page_as_in_explain()
    {
        var html = Resolve.Yaml("api_key: hunter2\n").ToHtml();
        Assert.DoesNotContain("hunter2", html, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"***\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_title_is_the_config_class_unless_one_is_given_and_is_escaped()
    {
        Assert.Contains("<title>Strata explain: RunConfig</title>", Resolve.Yaml("{}\n").ToHtml(), StringComparison.Ordinal);
        Assert.Contains("<title>Strata explain: a &lt;b&gt; &amp; c</title>", Resolve.Yaml("{}\n").ToHtml("a <b> & c"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_data_holds_every_leaf_with_its_origin_and_history_and_the_fingerprint()
    {
        var resolved = Resolve.Yaml("name: run\n", "iterations=5");
        using var document = JsonDocument.Parse(DataElement().Match(resolved.ToHtml()).Groups[1].Value);
        var side = document.RootElement.GetProperty("sides")[0];
        Assert.Equal(resolved.Fingerprint, side.GetProperty("fingerprint").GetString());
        var leaves = side.GetProperty("leaves").EnumerateArray().ToList();
        Assert.Equal(resolved.Explain().Select(static e => e.Path), leaves.Select(static l => l.GetProperty("path").GetString()));
        var iterations = leaves.Single(static l => l.GetProperty("path").GetString() == "iterations");
        Assert.Equal("cli", iterations.GetProperty("kind").GetString());
        Assert.Equal(["default", "cli"], iterations.GetProperty("history").EnumerateArray().Select(static h => h.GetProperty("kind").GetString()));
        Assert.Equal(["file", "cli"], side.GetProperty("layers").EnumerateArray().Select(static l => l.GetProperty("kind").GetString()));
    }

    [Theory]
    [InlineData("a", new[] { "a" })]
    [InlineData("model.layers[2].bias", new[] { "model", "layers", "[2]", "bias" })]
    [InlineData("a[0][1]", new[] { "a", "[0]", "[1]" })]
    public void A_path_is_split_into_the_steps_of_the_tree(string path, string[] steps) =>
        Assert.Equal(steps, HtmlReport.Steps(path));
}
