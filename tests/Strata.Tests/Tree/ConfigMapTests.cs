using Strata.Tree;

namespace Strata.Tests.Tree;

public sealed class ConfigMapTests
{
    [Fact]
    public void Lookup_finds_keys_in_small_and_large_maps()
    {
        foreach (var count in new[] { 3, 40 })
        {
            var entries = Enumerable.Range(0, count)
                .Select(i => new ConfigMapEntry("k" + i, Origin.Code, ConfigScalar.Plain(i.ToString(), Origin.Code)))
                .ToArray();
            var map = new ConfigMap(entries, Origin.Code);
            Assert.True(map.TryGetValue("k" + (count - 1), out var value));
            Assert.Equal((count - 1).ToString(), ((ConfigScalar)value).Value);
            Assert.False(map.TryGetValue("missing", out _));
        }
    }

    [Fact]
    public void Duplicate_keys_are_rejected()
    {
        var entry = new ConfigMapEntry("a", Origin.Code, ConfigScalar.Plain("1", Origin.Code));
        Assert.Throws<ArgumentException>(() => new ConfigMap([entry, entry], Origin.Code));
    }
}
