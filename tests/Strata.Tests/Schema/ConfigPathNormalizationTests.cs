using Strata.Tests.Resolution;

namespace Strata.Tests.Schema;

/// <summary>A path is normalized lexically as Python's <c>pathlib.PurePosixPath</c> does (R5), wherever it comes from.</summary>
public sealed class ConfigPathNormalizationTests
{
    [Theory]
    [InlineData("./exp//a/", "exp/a")]
    [InlineData("a/./b", "a/b")]
    [InlineData("a/../b", "a/../b")]
    [InlineData("../a/", "../a")]
    [InlineData("a/.", "a")]
    [InlineData("./", ".")]
    [InlineData(".", ".")]
    [InlineData("", ".")]
    [InlineData("/", "/")]
    [InlineData("/.", "/")]
    [InlineData("//", "//")]
    [InlineData("//a", "//a")]
    [InlineData("//a//b/", "//a/b")]
    [InlineData("///a", "/a")]
    [InlineData("////a/./", "/a")]
    [InlineData("/data/x.bin", "/data/x.bin")]
    [InlineData("exp/a", "exp/a")]
    [InlineData(".hidden/./x", ".hidden/x")]
    [InlineData("a/.../b", "a/.../b")]
    public void A_path_is_normalized_as_pathlib_does(string text, string expected) => Assert.Equal(expected, new ConfigPath(text).Value);

    [Fact]
    public void A_normal_path_is_kept_as_the_same_string()
    {
        const string Text = "/data/exp/a";
        Assert.Same(Text, new ConfigPath(Text).Value);
    }

    [Fact]
    public void A_path_of_a_hundred_thousand_dot_segments_is_the_current_directory()
    {
        Assert.Equal(".", new ConfigPath(string.Concat(Enumerable.Repeat("./", 100_000))).Value);
    }

    [Fact]
    public void The_effective_value_the_saved_config_and_the_fingerprint_agree_on_the_normal_form()
    {
        var written = Resolve.Yaml("output_dir: ./exp//a/\n");
        var normal = Resolve.Yaml("output_dir: exp/a\n");
        var overridden = Resolve.Yaml("{}\n", "output_dir=exp/./a");

        Assert.Equal("exp/a", written.Config.OutputDir?.Value);
        Assert.Contains("output_dir: exp/a\n", written.ToYaml().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(normal.Fingerprint, written.Fingerprint);
        Assert.Equal(normal.Fingerprint, overridden.Fingerprint);
    }
}
