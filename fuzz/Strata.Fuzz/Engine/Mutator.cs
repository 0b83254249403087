using System.Text;
using Strata.Llm;
using Strata.Schema;

namespace Strata.Fuzz.Engine;

/// <summary>
/// Structure-aware byte mutations for configuration text: bit flips, interesting bytes, tokens of YAML, JSON and the
/// override syntax, keys of the GPT schema, hostile numbers, line moves and indentation changes, and splices between
/// inputs. Deterministic for a given <see cref="Random"/> seed.
/// </summary>
internal sealed class Mutator
{
    private static readonly byte[] s_interestingBytes = "\0\t\n\r :-[]{},&*!\"'#|>%@`?=.0123456789\\"u8.ToArray().Append((byte)0xFF).Append((byte)0xC3).Append((byte)0x80).ToArray();

    private static readonly string[] s_syntax =
    [
        ": ", "- ", "? ", "&a ", "*a", "&b [*a, *a, *a, *a]", "<<: *a", "!!str ", "!!int ", "!!float ", "!!bool ", "!!null ",
        "!!binary ", "!!python/object/apply:os.system [\"id\"] ", "!custom ", "!<tag:yaml.org,2002:str> ", "%YAML 1.2\n", "---\n",
        "...\n", "{", "}", "[", "]", ",", "\"", "'", "|\n  ", ">-\n  ", "# comment\n", "\t", "\r\n", "\uFEFF", "\\u0000",
        "null", "~", "true", "off", "yes", "=", ".", "[0]", "[-1]", "[99999999999]", "={", "=[", "=null", "=",
        "{\"a\": 1}", "[1, [2, [3]]]", "{a: {b: {c: {d: 1}}}}", "\"\\uD800\"", "\u00e9", "\u0130", "\u212A",
    ];

    private static readonly string[] s_numbers =
    [
        "0", "-1", "1", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999999999",
        "1e400", "-1e400", "1e-400", ".nan", ".inf", "-.inf", "NaN", "Infinity", "0x10", "0o17", "1_000", "4.0", "1e-5", "-0",
        "0.1e", "+1", "١٢", "1,5",

        // Numbers whose cost grows with their length (digits past ScalarText.MaxIntegerDigits, a huge exponent, leading
        // zeros), and which a diagnostic must quote in part only.
        new string('9', 5000), "-" + new string('1', 4301), "0x" + new string('f', 5000), "0b" + new string('1', 5000),
        new string('0', 3000) + "7", "0." + new string('0', 3000) + "1e-5", "1e999999999", "-1e-999999999",
    ];

    private readonly Random _random;
    private readonly string[] _keys;

    public Mutator(Random random)
    {
        _random = random;
        _keys = SchemaKeys(GPTTrainerConfig.TypeInfo).Append("type").Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The largest input the mutator makes.</summary>
    public int MaxLength { get; init; } = 64 * 1024;

    /// <summary>Returns a mutated copy of <paramref name="input"/> (one to four stacked mutations).</summary>
    public byte[] Mutate(byte[] input, IReadOnlyList<byte[]> pool)
    {
        var data = new List<byte>(input);
        var count = 1 + _random.Next(4);
        for (var i = 0; i < count; i++)
        {
            MutateOnce(data, pool);
        }

        if (data.Count > MaxLength)
        {
            data.RemoveRange(MaxLength, data.Count - MaxLength);
        }

        return [.. data];
    }

    private void MutateOnce(List<byte> data, IReadOnlyList<byte[]> pool)
    {
        switch (_random.Next(13))
        {
            case 0 when data.Count > 0:
                var at = _random.Next(data.Count);
                data[at] ^= (byte)(1 << _random.Next(8));
                break;
            case 1 when data.Count > 0:
                data[_random.Next(data.Count)] = s_interestingBytes[_random.Next(s_interestingBytes.Length)];
                break;
            case 2:
                Insert(data, s_syntax[_random.Next(s_syntax.Length)]);
                break;
            case 3:
                Insert(data, _keys[_random.Next(_keys.Length)] + (_random.Next(2) == 0 ? ": " : "="));
                break;
            case 4 when data.Count > 0:
                var start = _random.Next(data.Count);
                data.RemoveRange(start, Math.Min(data.Count - start, 1 + _random.Next(16)));
                break;
            case 5 when data.Count > 0:
                var from = _random.Next(data.Count);
                var length = Math.Min(data.Count - from, 1 + _random.Next(64));
                data.InsertRange(_random.Next(data.Count + 1), data.GetRange(from, length));
                break;
            case 6 when pool.Count > 0:
                Splice(data, pool[_random.Next(pool.Count)]);
                break;
            case 7:
                ReplaceNumber(data);
                break;
            case 8:
                MoveLine(data);
                break;
            case 9:
                Reindent(data);
                break;
            case 10:
                Insert(data, s_numbers[_random.Next(s_numbers.Length)]);
                break;
            case 11 when data.Count > 0:
                // A long run of one byte of the input: a long key, value, name or path that messages must cut.
                var repeated = data[_random.Next(data.Count)];
                data.InsertRange(_random.Next(data.Count + 1), Enumerable.Repeat(repeated, 256 + _random.Next(4096)));
                break;
            default:
                if (data.Count > 0)
                {
                    data.RemoveAt(_random.Next(data.Count));
                }

                break;
        }
    }

    private void Insert(List<byte> data, string text) => data.InsertRange(_random.Next(data.Count + 1), Encoding.UTF8.GetBytes(text));

    private void Splice(List<byte> data, byte[] other)
    {
        if (other.Length == 0)
        {
            return;
        }

        var from = _random.Next(other.Length);
        var length = Math.Min(other.Length - from, 1 + _random.Next(256));
        var at = _random.Next(data.Count + 1);
        var replace = Math.Min(data.Count - at, _random.Next(length + 1));
        data.RemoveRange(at, replace);
        data.InsertRange(at, other.AsSpan(from, length).ToArray());
    }

    /// <summary>Replaces a run of digits with a hostile number.</summary>
    private void ReplaceNumber(List<byte> data)
    {
        var digits = Enumerable.Range(0, data.Count).Where(i => data[i] is >= (byte)'0' and <= (byte)'9').ToArray();
        if (digits.Length == 0)
        {
            Insert(data, s_numbers[_random.Next(s_numbers.Length)]);
            return;
        }

        var start = digits[_random.Next(digits.Length)];
        var end = start;
        while (end < data.Count && data[end] is >= (byte)'0' and <= (byte)'9' or (byte)'.' or (byte)'e' or (byte)'-')
        {
            end++;
        }

        data.RemoveRange(start, end - start);
        data.InsertRange(start, Encoding.UTF8.GetBytes(s_numbers[_random.Next(s_numbers.Length)]));
    }

    private static List<(int Start, int End)> Lines(List<byte> data)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < data.Count; i++)
        {
            if (data[i] == (byte)'\n')
            {
                lines.Add((start, i + 1));
                start = i + 1;
            }
        }

        if (start < data.Count)
        {
            lines.Add((start, data.Count));
        }

        return lines;
    }

    private void MoveLine(List<byte> data)
    {
        var lines = Lines(data);
        if (lines.Count < 2)
        {
            return;
        }

        var (start, end) = lines[_random.Next(lines.Count)];
        var line = data.GetRange(start, end - start);
        if (_random.Next(2) == 0)
        {
            data.RemoveRange(start, end - start);
        }

        var target = Lines(data);
        var at = target.Count == 0 ? 0 : target[_random.Next(target.Count)].Start;
        data.InsertRange(at, line);
    }

    private void Reindent(List<byte> data)
    {
        var lines = Lines(data);
        if (lines.Count == 0)
        {
            return;
        }

        var (start, _) = lines[_random.Next(lines.Count)];
        switch (_random.Next(3))
        {
            case 0:
                data.InsertRange(start, "  "u8.ToArray());
                break;
            case 1:
                data.Insert(start, (byte)'\t');
                break;
            default:
                var spaces = 0;
                while (start + spaces < data.Count && data[start + spaces] == (byte)' ' && spaces < 2)
                {
                    spaces++;
                }

                data.RemoveRange(start, spaces);
                break;
        }
    }

    /// <summary>Every key of a schema, its nested configs and their registered subtypes (each type visited once).</summary>
    private static IEnumerable<string> SchemaKeys(ConfigTypeInfo root)
    {
        var seen = new HashSet<ConfigTypeInfo>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<ConfigTypeInfo>([root]);
        while (pending.TryPop(out var info))
        {
            if (!seen.Add(info))
            {
                continue;
            }

            foreach (var subtype in info.Subtypes)
            {
                pending.Push(subtype.TypeInfo);
            }

            foreach (var field in info.Fields)
            {
                yield return field.Key;
                if (field.ValueType.NestedConfig is { } nested)
                {
                    pending.Push(nested);
                }
            }
        }
    }
}
