using System.Globalization;
using System.Numerics;
using System.Text;

namespace Strata.Llm.Checkpoints.Safetensors;

/// <summary>
/// Passes the diagnostics of a weights check on, at most <see cref="PerKind"/> of each kind; the others of a kind are
/// counted, and <see cref="Complete"/> sums them up in one diagnostic: "… and 99998 more like this: (the first one not
/// shown)". A checkpoint of a million tensors that all miss the config gives a screenful, not a million lines.
/// A diagnostic's kind is its severity, code and message with the quoted names and the numbers taken out, so that every
/// call site is covered without naming its kinds; past <see cref="MaxKinds"/> kinds (names built to look different), the
/// rest share one kind.
/// </summary>
internal sealed class DiagnosticLimit : ICollection<Diagnostic>
{
    /// <summary>The diagnostics shown of each kind.</summary>
    public const int PerKind = 20;

    /// <summary>The kinds told apart; the diagnostics of any further kind are counted together.</summary>
    public const int MaxKinds = 64;

    private const string OtherKinds = "";

    private readonly ICollection<Diagnostic> _inner;
    private readonly Dictionary<string, Kind> _kinds = new(StringComparer.Ordinal);
    private readonly List<Kind> _order = [];

    public DiagnosticLimit(ICollection<Diagnostic> inner)
    {
        _inner = inner;
    }

    /// <summary>The errors added, shown or counted (the summaries are not counted).</summary>
    public BigInteger Errors { get; private set; }

    public int Count => _inner.Count;

    public bool IsReadOnly => false;

    /// <summary>A limit over <paramref name="diagnostics"/>, or the one it already is.</summary>
    public static DiagnosticLimit Over(ICollection<Diagnostic> diagnostics) => diagnostics as DiagnosticLimit ?? new DiagnosticLimit(diagnostics);

    public void Add(Diagnostic item) => AddMany(item, BigInteger.One);

    /// <summary>
    /// Adds <paramref name="count"/> diagnostics like <paramref name="item"/>: shows it if its kind has room, and
    /// counts the rest (a number of problems known without making each diagnostic).
    /// </summary>
    /// <param name="item">The diagnostic.</param>
    /// <param name="count">How many problems it stands for.</param>
    /// <param name="kind">Its kind, when the caller knows it better than its text (every missing tensor is one kind); by default, from its text.</param>
    public void AddMany(Diagnostic item, BigInteger count, string? kind = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (count.Sign <= 0)
        {
            return;
        }

        Errors += item.Severity == DiagnosticSeverity.Error ? count : BigInteger.Zero;
        var counts = KindOf(kind ?? KeyOf(item));
        if (counts.Shown < PerKind)
        {
            counts.Shown++;
            _inner.Add(item);
            count--;
        }

        if (count.Sign > 0)
        {
            counts.FirstHidden ??= item;
            counts.Hidden += count;
        }
    }

    /// <summary>Adds one summary per kind that had diagnostics counted instead of shown, in the order the kinds came.</summary>
    public void Complete()
    {
        foreach (var kind in _order)
        {
            if (kind.FirstHidden is { } first)
            {
                _inner.Add(new Diagnostic(
                    first.Severity,
                    first.Code,
                    first.Path,
                    first.Origin,
                    "… and " + kind.Hidden.ToString(CultureInfo.InvariantCulture) + " more like this: " + first.Message));
                kind.FirstHidden = null;
                kind.Hidden = BigInteger.Zero;
            }
        }
    }

    public void Clear() => _inner.Clear();

    public bool Contains(Diagnostic item) => _inner.Contains(item);

    public void CopyTo(Diagnostic[] array, int arrayIndex) => _inner.CopyTo(array, arrayIndex);

    public bool Remove(Diagnostic item) => _inner.Remove(item);

    public IEnumerator<Diagnostic> GetEnumerator() => _inner.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private Kind KindOf(string key)
    {
        if (_kinds.TryGetValue(key, out var kind))
        {
            return kind;
        }

        if (_kinds.Count >= MaxKinds)
        {
            key = OtherKinds;
            if (_kinds.TryGetValue(key, out kind))
            {
                return kind;
            }
        }

        kind = new Kind();
        _kinds.Add(key, kind);
        _order.Add(kind);
        return kind;
    }

    /// <summary>The severity, the code and the message without what is between single quotes and without digits.</summary>
    private static string KeyOf(Diagnostic item)
    {
        var key = new StringBuilder(item.Message.Length + 16).Append('#').Append((int)item.Severity).Append(item.Code).Append(' ');
        var quoted = false;
        foreach (var c in item.Message)
        {
            if (c == '\'')
            {
                quoted = !quoted;
                key.Append(c);
            }
            else if (!quoted && !char.IsAsciiDigit(c))
            {
                key.Append(c);
            }
        }

        return key.ToString();
    }

    private sealed class Kind
    {
        public int Shown { get; set; }

        public BigInteger Hidden { get; set; }

        public Diagnostic? FirstHidden { get; set; }
    }
}
