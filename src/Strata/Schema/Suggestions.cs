using System.Numerics;

namespace Strata.Schema;

/// <summary>
/// Finds the closest valid name to a misspelled one (Damerau-Levenshtein distance, as optimal string alignment), for
/// unknown keys, enum names, types, verbs, options and <c>explain</c> paths. A suggestion is made only for a plausible
/// typo, at most a third of the name's length away, and the work per query is bounded whatever the input: names longer
/// than <see cref="MaxComparedLength"/> get no suggestion, candidates whose length differs by more than the allowed
/// distance are skipped unread, and a comparison costs a few word operations per character of the candidate (the
/// bit-parallel algorithm of Hyyrö, 2003, with the misspelled name as the pattern, in one or two 64-bit words), and
/// stops as soon as the candidate cannot come within the allowance, which shrinks to the best distance found so far.
/// </summary>
internal static class Suggestions
{
    /// <summary>The longest name compared: no one mistypes a name this long into another, and it bounds a comparison.</summary>
    public const int MaxComparedLength = 128;

    /// <summary>The candidate at the smallest distance (the first of equals), or <see langword="null"/> when none is close enough.</summary>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(candidates);
        return input.Length <= 64 ? Closest<ulong>(input, candidates)
            : input.Length <= MaxComparedLength ? Closest<UInt128>(input, candidates)
            : null;
    }

    /// <summary>
    /// The distance between <paramref name="a"/> and <paramref name="b"/> when it is at most <paramref name="max"/>, else
    /// <paramref name="max"/> + 1 (also when <paramref name="a"/> is longer than <see cref="MaxComparedLength"/>).
    /// </summary>
    public static int Distance(string a, string b, int max)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Length <= 64 ? Distance<ulong>(a, b, max)
            : a.Length <= MaxComparedLength ? Distance<UInt128>(a, b, max)
            : max + 1;
    }

    private static string? Closest<TWord>(string input, IEnumerable<string> candidates)
        where TWord : unmanaged, IBinaryInteger<TWord>, IUnsignedNumber<TWord>
    {
        var pattern = new Pattern<TWord>(input, stackalloc TWord[128], stackalloc char[input.Length], stackalloc TWord[input.Length]);

        // Suggest only plausible typos: at most a third of the word, and at least one edit allowed.
        var allowed = Math.Max(1, input.Length / 3);
        string? best = null;
        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - input.Length) > allowed)
            {
                continue;
            }

            var distance = pattern.Distance(candidate, allowed);
            if (distance <= allowed)
            {
                best = candidate;
                if (distance == 0)
                {
                    break;
                }

                // Only a strictly closer candidate replaces this one.
                allowed = distance - 1;
            }
        }

        return best;
    }

    private static int Distance<TWord>(string a, string b, int max)
        where TWord : unmanaged, IBinaryInteger<TWord>, IUnsignedNumber<TWord> =>
        new Pattern<TWord>(a, stackalloc TWord[128], stackalloc char[a.Length], stackalloc TWord[a.Length]).Distance(b, max);

    /// <summary>
    /// A name prepared for comparisons: for each character, the bits of the positions where the name holds it (in a
    /// table for ASCII, in a short list for the other characters of the name).
    /// </summary>
    private readonly ref struct Pattern<TWord>
        where TWord : unmanaged, IBinaryInteger<TWord>, IUnsignedNumber<TWord>
    {
        private readonly Span<TWord> _ascii;
        private readonly Span<char> _otherChars;
        private readonly Span<TWord> _otherMasks;
        private readonly int _otherCount;
        private readonly int _length;

        public Pattern(string name, Span<TWord> ascii, Span<char> otherChars, Span<TWord> otherMasks)
        {
            _ascii = ascii;
            _otherChars = otherChars;
            _otherMasks = otherMasks;
            _length = name.Length;
            ascii.Clear();
            var bit = TWord.One;
            foreach (var c in name)
            {
                if (c < 128)
                {
                    ascii[c] |= bit;
                }
                else
                {
                    var k = otherChars[.._otherCount].IndexOf(c);
                    if (k < 0)
                    {
                        k = _otherCount++;
                        otherChars[k] = c;
                        otherMasks[k] = TWord.Zero;
                    }

                    otherMasks[k] |= bit;
                }

                bit <<= 1;
            }
        }

        /// <summary>
        /// The distance from the name to <paramref name="text"/> if at most <paramref name="max"/>, else max + 1. The
        /// vertical and horizontal differences of a column of the distance matrix are kept as bits (VP, VN: +1, -1 down
        /// a column; HP, HN: across a row; D0: where the diagonal does not grow; TR: where a transposition helps), so a
        /// character of the text costs a few word operations.
        /// </summary>
        public int Distance(string text, int max)
        {
            if (_length == 0)
            {
                return Math.Min(text.Length, max + 1);
            }

            var vp = ~TWord.Zero;
            var vn = TWord.Zero;
            var d0 = TWord.Zero;
            var previousMatch = TWord.Zero;
            var last = TWord.One << (_length - 1);
            var distance = _length;
            for (var j = 0; j < text.Length; j++)
            {
                var match = Match(text[j]);
                var transposed = ((~d0 & match) << 1) & previousMatch;
                d0 = (((match & vp) + vp) ^ vp) | match | vn | transposed;
                var hp = vn | ~(d0 | vp);
                var hn = d0 & vp;
                if ((hp & last) != TWord.Zero)
                {
                    distance++;
                }
                else if ((hn & last) != TWord.Zero)
                {
                    distance--;
                }

                // Each remaining character lowers the distance by one at most: stop when even that cannot reach max.
                if (distance - (text.Length - j - 1) > max)
                {
                    return max + 1;
                }

                hp = (hp << 1) | TWord.One;
                hn <<= 1;
                vp = hn | ~(d0 | hp);
                vn = hp & d0;
                previousMatch = match;
            }

            return Math.Min(distance, max + 1);
        }

        private TWord Match(char c)
        {
            if (c < 128)
            {
                return _ascii[c];
            }

            var k = _otherChars[.._otherCount].IndexOf(c);
            return k < 0 ? TWord.Zero : _otherMasks[k];
        }
    }
}
