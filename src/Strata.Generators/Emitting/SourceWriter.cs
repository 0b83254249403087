using System.Text;

namespace Strata.Generators.Emitting;

/// <summary>Writes C# source line by line with four-space indentation and <c>\n</c> line ends, like an IndentedTextWriter.</summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _text = new();
    private int _indent;

    public void WriteLine(string line = "")
    {
        if (line.Length > 0)
        {
            for (var i = 0; i < _indent; i++)
            {
                _text.Append(IndentUnit);
            }

            _text.Append(line);
        }

        _text.Append('\n');
    }

    /// <summary>Writes <paramref name="header"/>, then an opening brace, and indents.</summary>
    public void OpenBlock(string header)
    {
        WriteLine(header);
        OpenBlock();
    }

    public void OpenBlock()
    {
        WriteLine("{");
        _indent++;
    }

    /// <summary>Unindents and writes a closing brace followed by <paramref name="suffix"/> (<c>;</c> or <c>,</c>).</summary>
    public void CloseBlock(string suffix = "")
    {
        _indent--;
        WriteLine("}" + suffix);
    }

    public void Indent() => _indent++;

    public void Unindent() => _indent--;

    public override string ToString() => _text.ToString();
}
