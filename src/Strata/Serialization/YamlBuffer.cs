using System.Buffers;

namespace Strata.Serialization;

/// <summary>
/// The characters of a YAML text being written: a growable array rented from the shared pool, one kept per thread
/// for the next text. Its length can be set back, so that an entry written on speculation (a sub-config that turns out
/// to have nothing to write) is taken back without a trace.
/// </summary>
internal sealed class YamlBuffer
{
    /// <summary>Beyond this many characters, a buffer is given back to the pool rather than kept by its thread.</summary>
    private const int MaxKeptLength = 1 << 20;

    [ThreadStatic]
    private static YamlBuffer? t_cached;

    private char[] _chars = ArrayPool<char>.Shared.Rent(4096);
    private int _length;

    /// <summary>The number of characters written; may be set back to an earlier length, never forward.</summary>
    public int Length
    {
        get => _length;
        set
        {
            if ((uint)value > (uint)_length)
            {
                throw new ArgumentOutOfRangeException(nameof(value));
            }

            _length = value;
        }
    }

    /// <summary>The characters written.</summary>
    public ReadOnlySpan<char> Written => _chars.AsSpan(0, _length);

    /// <summary>Returns the text of <paramref name="write"/>'s output, in a buffer of its own.</summary>
    /// <param name="write">Writes the text.</param>
    /// <param name="argument">The argument of <paramref name="write"/>.</param>
    public static string Render<T>(Action<T, YamlBuffer> write, T argument)
    {
        var buffer = new YamlBuffer();
        try
        {
            write(argument, buffer);
            return buffer.ToString();
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer._chars);
        }
    }

    /// <summary>Takes this thread's buffer (empty), or a new one when it is in use (a text written while another is).</summary>
    public static YamlBuffer Rent()
    {
        var buffer = t_cached ?? new YamlBuffer();
        t_cached = null;
        return buffer;
    }

    /// <summary>Gives a buffer back for the next text on this thread.</summary>
    /// <param name="buffer">The buffer.</param>
    public static void Return(YamlBuffer buffer)
    {
        buffer._length = 0;
        if (buffer._chars.Length > MaxKeptLength)
        {
            ArrayPool<char>.Shared.Return(buffer._chars);
            buffer._chars = ArrayPool<char>.Shared.Rent(4096);
        }

        t_cached = buffer;
    }

    public void Write(char c)
    {
        if (_length == _chars.Length)
        {
            Grow(1);
        }

        _chars[_length++] = c;
    }

    public void Write(string text) => Write(text.AsSpan());

    public void Write(ReadOnlySpan<char> text)
    {
        if (text.Length > _chars.Length - _length)
        {
            Grow(text.Length);
        }

        text.CopyTo(_chars.AsSpan(_length));
        _length += text.Length;
    }

    /// <summary>Writes <paramref name="count"/> spaces.</summary>
    public void WriteSpaces(int count)
    {
        if (count > _chars.Length - _length)
        {
            Grow(count);
        }

        _chars.AsSpan(_length, count).Fill(' ');
        _length += count;
    }

    /// <summary>Room for at least <paramref name="size"/> more characters; <see cref="Advance"/> counts what was written there.</summary>
    public Span<char> GetSpan(int size)
    {
        if (size > _chars.Length - _length)
        {
            Grow(size);
        }

        return _chars.AsSpan(_length);
    }

    public void Advance(int count) => _length += count;

    public override string ToString() => new(_chars, 0, _length);

    private void Grow(int needed)
    {
        var size = Math.Max(_chars.Length * 2, _length + needed);
        var larger = ArrayPool<char>.Shared.Rent(size);
        _chars.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<char>.Shared.Return(_chars);
        _chars = larger;
    }
}
