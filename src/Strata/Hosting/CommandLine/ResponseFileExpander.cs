using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Strata.Sources;

namespace Strata.Hosting.CommandLine;

/// <summary>
/// Expands response files (<c>@FILE</c>) into the arguments they hold, as System.CommandLine 2.0 did, but with the
/// bounds of config files: each file is read by <see cref="DocumentReader"/> (its size limit, its time limit for
/// FIFOs and devices, strict UTF-8), a file that includes itself is refused with the chain that leads back to it,
/// nesting, the total size read and the number of arguments are bounded, and every argument read keeps its file and
/// line. Every argument, typed or read, is at most as long as the longest override that can be valid, and typed ones
/// must be well-formed text. Any problem is a usage error naming its place.
/// </summary>
/// <remarks>
/// The tokenisation is System.CommandLine 2.0's: lines end at <c>\n</c>, <c>\r\n</c> or <c>\r</c>; each line is trimmed,
/// and skipped when empty or starting with <c>#</c>; the rest is split at white space, where double quotes keep
/// spaces and are removed; an argument <c>@FILE</c> read from a file is expanded in its turn, files are named relative
/// to the working directory, and after a typed or read <c>--</c> typed <c>@FILE</c> arguments are taken as they are.
/// One departure: a quote that opens an argument and is never closed drops the argument silently there; here it is an
/// error.
/// </remarks>
internal static class ResponseFileExpander
{
    /// <summary>The longest chain of response files naming each other.</summary>
    internal const int MaxNesting = 16;

    /// <summary>The most arguments, typed and read (each <c>@FILE</c> counted too).</summary>
    internal const int MaxArguments = 100_000;

    /// <summary>
    /// The most response files read in all, the same file named again counted again: each is a file to open and read,
    /// and 100 000 lines naming one small file took 7 s within the bound of arguments.
    /// </summary>
    internal const int MaxFiles = 1_000;

    /// <summary>
    /// The longest argument: the longest override that can be valid, <see cref="SourceLimits.MaxDepth"/> keys of
    /// <see cref="SourceLimits.MaxKeyLength"/> characters with their separators, and a value of
    /// <see cref="SourceLimits.MaxScalarLength"/> characters.
    /// </summary>
    internal static long MaxArgumentLength(SourceLimits limits) =>
        checked((Math.Max(limits.MaxDepth, 0) * (Math.Max(limits.MaxKeyLength, 0) + 1L)) + Math.Max(limits.MaxScalarLength, 0));

    /// <summary>
    /// Expands the response files among <paramref name="arguments"/>, within the limits of sources; the first problem
    /// starts with its place (<c>argument #3: ...</c>, <c>a.rsp:2: ...</c>).
    /// </summary>
    public static bool TryExpand(IReadOnlyList<string> arguments, SourceLimits limits, [NotNullWhen(true)] out CommandLineArguments? expanded, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(limits);
        var expansion = new Expansion(limits);
        expanded = expansion.Run(arguments) ? expansion.Result() : null;
        problem = expansion.Problem;
        return expanded is not null;
    }

    /// <summary>
    /// Splits one line of a response file into arguments, as System.CommandLine 2.0 does (see the remarks of the class):
    /// the <c>(start, length)</c> of each argument in <paramref name="line"/>, quotes included (they are removed by
    /// <see cref="Unquote"/>). Returns the index of a quote that opens an argument and is never closed, or -1.
    /// </summary>
    internal static int Split(ReadOnlySpan<char> line, List<(int Start, int Length)> arguments)
    {
        var start = 0;
        var inWord = false;
        var inQuote = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (char.IsWhiteSpace(c))
            {
                if (!inQuote)
                {
                    if (inWord)
                    {
                        arguments.Add((start, i - start));
                        inWord = false;
                    }

                    start = i;
                }
            }
            else if (c == '"')
            {
                if (inWord)
                {
                    inQuote = !inQuote;
                }
                else if (inQuote)
                {
                    // A quoted argument ends at its closing quote, even when a word follows right after it.
                    arguments.Add((start, i - start));
                    start = i;
                    inQuote = false;
                }
                else
                {
                    start = i + 1;
                    inQuote = true;
                }
            }
            else if (!inWord && !inQuote)
            {
                inWord = true;
                start = i;
            }
        }

        if (inWord)
        {
            arguments.Add((start, line.Length - start));
        }
        else if (inQuote)
        {
            return start - 1;
        }

        return -1;
    }

    /// <summary>An argument's text without its double quotes.</summary>
    internal static string Unquote(ReadOnlySpan<char> text) => new string(text).Replace("\"", string.Empty, StringComparison.Ordinal);

    /// <summary>Whether an argument names a response file: <c>@</c> and at least one character.</summary>
    private static bool IsResponseFile(ReadOnlySpan<char> argument) => argument.Length > 1 && argument[0] == '@';

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The position of the first unpaired surrogate, or -1: such text cannot be written as UTF-8.</summary>
    private static int FindLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private sealed class Expansion(SourceLimits limits)
    {
        private readonly long _maxLength = MaxArgumentLength(limits);
        private readonly List<string> _tokens = [];
        private readonly List<string> _files = [];
        private readonly List<(string Name, string Identity)> _chain = [];
        private Dictionary<string, ArgumentPlace>? _places;
        private long _bytes;
        private int _count;
        private bool _afterDoubleDash;

        public string? Problem { get; private set; }

        public CommandLineArguments Result() => new(_tokens, _files, _places);

        public bool Run(IReadOnlyList<string> arguments)
        {
            for (var i = 0; i < arguments.Count; i++)
            {
                var argument = arguments[i];
                ArgumentNullException.ThrowIfNull(argument, nameof(arguments));
                var at = "argument #" + Count(i + 1L);
                if (argument.Length > _maxLength)
                {
                    return Fail(at, "the argument is " + Count(argument.Length) + " characters long, more than the limit of " + Count(_maxLength));
                }

                if (FindLoneSurrogate(argument) is var bad and >= 0)
                {
                    return Fail(at, "the argument is not valid Unicode (a lone surrogate U+" + ((int)argument[bad]).ToString("X4", CultureInfo.InvariantCulture) + " at character " + Count(bad + 1L) + ")");
                }

                var ok = !_afterDoubleDash && IsResponseFile(argument)
                    ? Include(argument[1..], at)
                    : Add(argument, null, at);
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        private bool Add(string argument, ArgumentPlace? place, string at)
        {
            if (!Counted(at))
            {
                return false;
            }

            _afterDoubleDash |= argument == "--";
            _tokens.Add(argument);
            if (place is { } known)
            {
                // Every argument read is a string of its own, but for the empty one, which is shared (and no override).
                (_places ??= new(ReferenceEqualityComparer.Instance)).TryAdd(argument, known);
            }

            return true;
        }

        /// <summary>Counts one more argument (an <c>@FILE</c> too: each costs a file to open).</summary>
        private bool Counted(string at) =>
            ++_count <= MaxArguments || Fail(at, "more than the limit of " + Count(MaxArguments) + " arguments");

        /// <summary>Reads a response file and adds its arguments; <paramref name="at"/> is where it was named.</summary>
        private bool Include(string path, string at)
        {
            if (!Counted(at))
            {
                return false;
            }

            var identity = Identity(path);
            foreach (var (_, seen) in _chain)
            {
                if (string.Equals(seen, identity, StringComparison.Ordinal))
                {
                    return Fail(at, "response files include each other: " + Chain(path));
                }
            }

            if (_chain.Count >= MaxNesting)
            {
                return Fail(at, "response files nest deeper than the limit of " + Count(MaxNesting) + " levels: " + Chain(path));
            }

            if (_files.Count >= MaxFiles)
            {
                return Fail(at, "more than the limit of " + Count(MaxFiles) + " response files read in all");
            }

            var diagnostics = new List<Diagnostic>();
            if (!FileInput.TryReadUtf8(path, Provenance.SourceInfo.OfFile(path, checkpoint: false), limits, diagnostics, out var content))
            {
                var reason = diagnostics.Count > 0 ? diagnostics[0] : null;
                return Fail(reason?.Origin?.Location ?? path, "cannot read the response file: " + (reason?.Message ?? "unknown problem"));
            }

            _bytes = checked(_bytes + content.Length);
            if (_bytes > limits.MaxFileBytes)
            {
                return Fail(path, "the response files hold more than the limit of " + Count(limits.MaxFileBytes) + " bytes in all");
            }

            _files.Add(path);
            _chain.Add((path, identity));
            var ok = AddLines(path, Encoding.UTF8.GetString(content.Span));
            _chain.RemoveAt(_chain.Count - 1);
            return ok;
        }

        private bool AddLines(string path, string text)
        {
            var line = 0;
            var position = 0;
            while (position < text.Length)
            {
                line++;
                var end = text.AsSpan(position).IndexOfAny('\r', '\n');
                end = end < 0 ? text.Length : position + end;
                if (!AddLine(path, line, text.AsSpan(position, end - position)))
                {
                    return false;
                }

                position = end < text.Length && text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1;
            }

            return true;
        }

        private bool AddLine(string path, int line, ReadOnlySpan<char> text)
        {
            var trimmed = text.TrimStart();
            var indent = text.Length - trimmed.Length;
            trimmed = trimmed.TrimEnd();
            if (trimmed.IsEmpty || trimmed[0] == '#')
            {
                return true;
            }

            var at = path + ":" + Count(line);

            // A list of this line's own: an argument may name a response file, whose lines are split meanwhile.
            var ranges = new List<(int Start, int Length)>();
            if (Split(trimmed, ranges) is var open and >= 0)
            {
                return Fail(at + ":" + Count(indent + open + 1L), "a quote is not closed");
            }

            var place = new ArgumentPlace(path, line);
            foreach (var (start, length) in ranges)
            {
                var raw = trimmed.Slice(start, length);
                var size = raw.Length - raw.Count('"');
                if (size > _maxLength)
                {
                    return Fail(at, "an argument is " + Count(size) + " characters long, more than the limit of " + Count(_maxLength));
                }

                var argument = Unquote(raw);
                var ok = IsResponseFile(argument) ? Include(argument[1..], at) : Add(argument, place, at);
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The chain of files that leads to <paramref name="path"/>: <c>a.rsp -&gt; b.rsp -&gt; a.rsp</c>.</summary>
        private string Chain(string path)
        {
            var sb = new StringBuilder();
            foreach (var (name, _) in _chain)
            {
                sb.Append(name).Append(" -> ");
            }

            return sb.Append(path).ToString();
        }

        /// <summary>
        /// The full path of a response file, which tells the same file named twice apart from two files (a file reached
        /// through a link is caught by the nesting limit instead). A path the system refuses is its own identity: the
        /// reader then reports it.
        /// </summary>
        private static string Identity(string path)
        {
            try
            {
                return Path.GetFullPath(path);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
            {
                return path;
            }
        }

        private bool Fail(string at, string message)
        {
            Problem = at + ": " + message;
            return false;
        }
    }
}
