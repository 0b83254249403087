using System.Text;
using Strata.Tree;

namespace Strata.Serialization;

/// <summary>
/// A sink that writes a value as one-line YAML flow text (<c>[1, 2]</c>, <c>{a: b}</c>), for tables and messages. Keys
/// and scalars are plain where the YAML output writes them plain, else double-quoted with its escapes: no control
/// character or line break of a value reaches a terminal as it is.
/// </summary>
internal sealed class FlowText : ValueSink
{
    private readonly StringBuilder _text = new();

    /// <summary>Whether each open collection has a member yet.</summary>
    private readonly List<bool> _open = [];
    private bool _afterKey;

    public static string Format(ConfigNode node)
    {
        var sink = new FlowText();
        TreeSink.Replay(node, sink);
        return sink.ToString();
    }

    public override void StartMap() => Open('{');

    public override void Key(string key)
    {
        StartValue();
        _text.Append(YamlEmitter.IsPlainSafeScalar(key) ? key : YamlEmitter.Quoted(key)).Append(": ");
        _afterKey = true;
    }

    public override void EndMap() => Close('}');

    public override void StartList() => Open('[');

    public override void EndList() => Close(']');

    public override void Plain(ReadOnlySpan<char> text)
    {
        if (!YamlEmitter.IsPlainSafeScalar(text))
        {
            String(text.ToString());
            return;
        }

        StartValue();
        _text.Append(text);
    }

    public override void String(string text)
    {
        StartValue();
        _text.Append(YamlEmitter.IsPlainSafeString(text) ? text : YamlEmitter.Quoted(text));
    }

    public override void Null()
    {
        StartValue();
        _text.Append("null");
    }

    public override string ToString() => _text.ToString();

    private void Open(char bracket)
    {
        StartValue();
        _text.Append(bracket);
        _open.Add(false);
    }

    private void Close(char bracket)
    {
        _open.RemoveAt(_open.Count - 1);
        _text.Append(bracket);
    }

    private void StartValue()
    {
        if (_afterKey)
        {
            _afterKey = false;
        }
        else if (_open.Count > 0)
        {
            if (_open[^1])
            {
                _text.Append(", ");
            }

            _open[^1] = true;
        }
    }
}
