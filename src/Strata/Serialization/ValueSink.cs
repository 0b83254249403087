namespace Strata.Serialization;

/// <summary>
/// Where a written value goes, event by event: YAML text, JSON text, one-line flow text or a tree. Value types and the
/// <see cref="ConfigWriter"/> write to a sink once; each sink decides its own layout and quoting. An abstract class
/// rather than an interface: the writer's calls are virtual calls, not interface dispatch, which costs more per event
/// once a call site has seen two sinks (the YAML text and the tree of the same process).
/// </summary>
internal abstract class ValueSink
{
    public abstract void StartMap();

    /// <summary>The key of the next value of the mapping being written.</summary>
    public abstract void Key(string key);

    public abstract void EndMap();

    public abstract void StartList();

    public abstract void EndList();

    /// <summary>A number or a boolean, as its value type formats it (written as is wherever the format can hold it).</summary>
    public abstract void Plain(ReadOnlySpan<char> text);

    /// <summary>A string (quoted wherever the format needs it).</summary>
    public abstract void String(string text);

    public abstract void Null();
}
