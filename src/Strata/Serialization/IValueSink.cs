namespace Strata.Serialization;

/// <summary>
/// Where a written value goes, event by event: YAML text, JSON text, one-line flow text or a tree. Value types and the
/// <see cref="ConfigWriter"/> write to a sink once; each sink decides its own layout and quoting.
/// </summary>
internal interface IValueSink
{
    void StartMap();

    /// <summary>The key of the next value of the mapping being written.</summary>
    void Key(string key);

    void EndMap();

    void StartList();

    void EndList();

    /// <summary>A number or a boolean, as its value type formats it (written as is wherever the format can hold it).</summary>
    void Plain(ReadOnlySpan<char> text);

    /// <summary>A string (quoted wherever the format needs it).</summary>
    void String(string text);

    void Null();
}
