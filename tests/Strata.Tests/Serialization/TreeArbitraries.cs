using FsCheck;
using FsCheck.Fluent;
using Strata.Serialization;
using Strata.Tree;

namespace Strata.Tests.Serialization;

/// <summary>A random tree whose plain scalars may hold any text but a YAML null word.</summary>
public sealed record YamlTree(ConfigMap Root)
{
    public override string ToString() => JsonEmitter.Emit(Root, indented: false);
}

/// <summary>A random tree whose plain scalars are JSON numbers and booleans, as the JSON reader produces them.</summary>
public sealed record JsonTree(ConfigMap Root)
{
    public override string ToString() => JsonEmitter.Emit(Root, indented: false);
}

/// <summary>Random YAML-ish text, for the readers' robustness.</summary>
public sealed record YamlishText(string Text)
{
    public override string ToString() => System.Text.Json.JsonSerializer.Serialize(Text);
}

/// <summary>FsCheck generators of trees with hostile strings: YAML words, indicators, controls, unicode.</summary>
public static class TreeArbitraries
{
    private static readonly string[] s_atoms =
    [
        "a", "b", "Z", "0", "1", "9", " ", " ", "\t", "\n", "\r", "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!",
        "|", ">", "'", "\"", "%", "@", "`", "\\", ".", "_", "~", "=", "<", "+", "/", "é", "日", "\u00A0", "\u0085", "\u2028",
        "\uFEFF", "\0", "\u0007", "\u007F", "\u009F", "\uFFFD", "😀", "true", "false", "yes", "No", "ON", "off", "y", "null",
        "Null", "~", "1e5", "1e-05", "0x1F", "1_000", ".inf", "-.inf", ".nan", "NaN", "12:30", "2001-12-14", "<<", "---",
        "...", "- ", ": ", " #", "a: b", "#x", " x", "x ", "\r\n", "&a ", "*a", "!!str ", "!foo ",
    ];

    private static readonly string[] s_numbers =
    [
        "0", "1", "-1", "-0", "42", "1e-05", "1E+10", "0.5", "-2.5e3", "500000.0", "12345678901234567890123456789", "true", "false",
    ];

    private static readonly string[] s_nullWords = ["", "~", "null", "Null", "NULL"];

    /// <summary>Any character but a lone surrogate (a string holding one cannot be written as UTF-8).</summary>
    private static Gen<string> AnyChar =>
        Gen.Choose(1, 0xFFFF).Where(c => c is < 0xD800 or > 0xDFFF).Select(c => ((char)c).ToString());

    /// <summary>Strings made of 0 to 6 atoms: YAML-significant pieces, whole YAML words and random characters.</summary>
    public static Gen<string> Strings =>
        Gen.Choose(0, 6).SelectMany(n => Gen.ListOf(Gen.Frequency((4, Gen.Elements(s_atoms)), (1, AnyChar)), n)).Select(string.Concat);

    public static Arbitrary<YamlTree> YamlTrees() =>
        Arb.From(Gen.Sized(size => Map(Math.Min(size, 30), YamlScalar)).Select(m => new YamlTree(m)));

    public static Arbitrary<JsonTree> JsonTrees() =>
        Arb.From(Gen.Sized(size => Map(Math.Min(size, 30), JsonScalar)).Select(m => new JsonTree(m)));

    public static Arbitrary<YamlishText> YamlishTexts() =>
        Arb.From(Gen.Choose(0, 40).SelectMany(n => Gen.ListOf(Gen.Elements(s_atoms), n)).Select(parts => new YamlishText(string.Concat(parts))));

    private static Gen<ConfigNode> YamlScalar => Gen.Frequency(
        (6, Strings.Select(s => (ConfigNode)ConfigScalar.Quoted(s, Origin.Code))),
        (2, Gen.Elements(s_numbers).Select(s => (ConfigNode)ConfigScalar.Plain(s, Origin.Code))),
        (1, Strings.Where(s => !s_nullWords.Contains(s)).Select(s => (ConfigNode)ConfigScalar.Plain(s, Origin.Code))),
        (1, Gen.Constant((ConfigNode)ConfigScalar.Null(Origin.Code))));

    private static Gen<ConfigNode> JsonScalar => Gen.Frequency(
        (6, Strings.Select(s => (ConfigNode)ConfigScalar.Quoted(s, Origin.Code))),
        (3, Gen.Elements(s_numbers).Select(s => (ConfigNode)ConfigScalar.Plain(s, Origin.Code))),
        (1, Gen.Constant((ConfigNode)ConfigScalar.Null(Origin.Code))));

    private static Gen<ConfigNode> Node(int size, Gen<ConfigNode> scalar) => size <= 1
        ? scalar
        : Gen.Frequency(
            (3, scalar),
            (1, Map(size / 2, scalar).Select(m => (ConfigNode)m)),
            (1, Sequence(size / 2, scalar)));

    private static Gen<ConfigMap> Map(int size, Gen<ConfigNode> scalar) =>
        Gen.Choose(0, 5).SelectMany(n => Gen.Zip(Gen.ListOf(Strings, n), Gen.ListOf(Node(size, scalar), n)))
            .Select(pair => new ConfigMap(
                pair.Item1.Zip(pair.Item2).DistinctBy(e => e.First).Select(e => new ConfigMapEntry(e.First, Origin.Code, e.Second)),
                Origin.Code));

    private static Gen<ConfigNode> Sequence(int size, Gen<ConfigNode> scalar) =>
        Gen.Choose(0, 5).SelectMany(n => Gen.ListOf(Node(size, scalar), n)).Select(items => (ConfigNode)new ConfigSequence(items, Origin.Code));
}
