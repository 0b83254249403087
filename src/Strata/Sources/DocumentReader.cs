using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Strata.Tree;

namespace Strata.Sources;

/// <summary>
/// Reads a configuration file into a positioned tree, choosing the format by the file's extension: JSON for
/// <c>.json</c>, YAML for anything else.
/// </summary>
public static class DocumentReader
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Reads the configuration file at <paramref name="path"/>; never throws for a bad or missing file.</summary>
    /// <param name="path">The file path, as given by the user (it becomes the origin of every node).</param>
    /// <param name="checkpoint">Whether the file is a checkpoint's configuration (origins are then checkpoint origins).</param>
    /// <param name="limits">The limits; <see cref="SourceLimits.Default"/> when <see langword="null"/>.</param>
    /// <returns>The tree (an empty mapping for an empty YAML file) and the diagnostics.</returns>
    public static SourceDocument Load(string path, bool checkpoint = false, SourceLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase)
            ? JsonDocumentReader.Load(path, checkpoint, limits)
            : YamlDocumentReader.Load(path, checkpoint, limits);
    }

    /// <summary>The origin of a 1-based line and column of <paramref name="source"/>.</summary>
    internal static Func<int, int, Origin> Placer(string source, bool checkpoint) =>
        (line, column) => Place(source, checkpoint, line, column);

    /// <summary>The origin of a 1-based line and column of <paramref name="source"/>, without a delegate.</summary>
    internal static Origin Place(string source, bool checkpoint, int line, int column) =>
        checkpoint ? Origin.InCheckpoint(source, line, column) : Origin.InFile(source, line, column);

    /// <summary>
    /// Reads a file as strict UTF-8 and returns its bytes without the byte-order mark. The size is checked before the
    /// file is read, and never more than the limit (plus one byte) is read even when the file grows meanwhile.
    /// </summary>
    internal static bool TryReadUtf8(string path, Func<int, int, Origin> place, SourceLimits limits, List<Diagnostic> diagnostics, out ReadOnlyMemory<byte> content)
    {
        content = default;
        if (!TryReadBytes(path, place, limits, diagnostics, out var bytes))
        {
            return false;
        }

        var start = bytes.AsSpan().StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        var text = bytes.AsSpan(start);
        if (!Utf8.IsValid(text))
        {
            diagnostics.Add(InvalidUtf8(text, place));
            return false;
        }

        content = bytes.AsMemory(start);
        return true;
    }

    /// <summary>The root of a document as a mapping, or a <see cref="DiagnosticCodes.RootNotMap"/> error.</summary>
    /// <param name="root">The root read, <see langword="null"/> for an empty document.</param>
    /// <param name="place">The origin factory.</param>
    /// <param name="nullIsEmpty">Whether a null root (YAML <c>---</c> alone, <c>~</c>) means an empty document.</param>
    /// <param name="diagnostics">Where to report.</param>
    internal static ConfigMap? AsRootMap(ConfigNode? root, Func<int, int, Origin> place, bool nullIsEmpty, List<Diagnostic> diagnostics)
    {
        switch (root)
        {
            case ConfigMap map:
                return map;
            case null:
            case ConfigScalar { IsNull: true } when nullIsEmpty:
                return ConfigMap.Empty(root?.Origin ?? place(1, 1));
            default:
                diagnostics.Add(Error(DiagnosticCodes.RootNotMap, string.Empty, root.Origin, "the root of a configuration file must be a mapping of keys to values, got " + root.Describe()));
                return null;
        }
    }

    internal static Diagnostic Error(string code, string path, Origin origin, string message) =>
        new(DiagnosticSeverity.Error, code, path, origin, message);

    /// <summary>Reads the bytes of a file within the size limit, or reports why it cannot (origin <c>place(0, 0)</c>).</summary>
    private static bool TryReadBytes(string path, Func<int, int, Origin> place, SourceLimits limits, List<Diagnostic> diagnostics, out ArraySegment<byte> bytes)
    {
        bytes = default;
        FilesRead.Add(path);
        string problem;
        try
        {
            // One status call in the usual case: a file exists; a directory is told apart only when there is none.
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                problem = Directory.Exists(path) ? "is a directory, not a file" : "file not found";
            }
            else if (info.Length <= limits.MaxFileBytes && (info.Length > 0 ? TryReadRegular(path, limits.MaxFileBytes, info.Length, out bytes) : TryReadSpecial(path, limits, out bytes)))
            {
                return true;
            }
            else
            {
                diagnostics.Add(Error(DiagnosticCodes.FileTooLarge, string.Empty, place(0, 0), "the file is larger than the limit of " + limits.MaxFileBytes.ToString(CultureInfo.InvariantCulture) + " bytes"));
                return false;
            }
        }
        catch (UnauthorizedAccessException)
        {
            problem = "permission denied";
        }
        catch (TimeoutException ex)
        {
            problem = ex.Message;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            problem = "file not found";
        }
        catch (IOException ex)
        {
            problem = "cannot read the file: " + ex.Message.TrimEnd('.');
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            problem = "not a valid file path: " + ex.Message.TrimEnd('.');
        }

        diagnostics.Add(Error(DiagnosticCodes.Unreadable, string.Empty, place(0, 0), problem));
        return false;
    }

    /// <summary>
    /// Reads a path whose size is zero: an empty file, or a FIFO, a device or a <c>/proc</c> file, whose opening or
    /// reading may block for ever (a FIFO without a writer). The read runs on the thread pool and is given up after
    /// <see cref="SourceLimits.MaxReadTime"/>; a blocked read keeps its thread until the process ends.
    /// </summary>
    private static bool TryReadSpecial(string path, SourceLimits limits, out ArraySegment<byte> bytes)
    {
        var read = Task.Run(() => TryReadStream(path, limits.MaxFileBytes, out var content) ? content : (ArraySegment<byte>?)null);
        if (!((IAsyncResult)read).AsyncWaitHandle.WaitOne(limits.MaxReadTime))
        {
            _ = read.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw new TimeoutException(
                "nothing could be read from it within " + limits.MaxReadTime.TotalSeconds.ToString(CultureInfo.InvariantCulture)
                + " s (a FIFO without a writer, or a device?)");
        }

        var result = read.GetAwaiter().GetResult();
        bytes = result ?? default;
        return result is not null;
    }

    /// <summary>
    /// Reads a file whose status gave a size (a regular file) through its handle, at offsets: no stream, no buffer
    /// but the result, one allocation of the expected size plus one byte (so that growth since the size check is seen).
    /// The file is read to its end, or until it holds as many bytes as its status said and a read stopped short of
    /// the buffer's end. A handle that cannot read at offsets (not seekable after all) is read as a stream.
    /// </summary>
    private static bool TryReadRegular(string path, long maxBytes, long expected, out ArraySegment<byte> bytes)
    {
        bytes = default;
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var limit = Math.Min(maxBytes, Array.MaxLength - 1L);
        var buffer = new byte[Math.Min(expected, limit) + 1];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(2L * buffer.Length, limit + 1));
            }

            int read;
            try
            {
                read = RandomAccess.Read(handle, buffer.AsSpan(total), total);
            }
            catch (NotSupportedException) when (total == 0)
            {
                using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
                return TryReadAll(stream, maxBytes, expected, out bytes);
            }

            if (read == 0)
            {
                break;
            }

            var full = total + read == buffer.Length;
            total += read;
            if (total > limit)
            {
                return false;
            }

            if (!full && total == expected)
            {
                break;
            }
        }

        bytes = new ArraySegment<byte>(buffer, 0, total);
        return true;
    }

    /// <summary>Reads the whole file as a stream unless it holds more than <paramref name="maxBytes"/> bytes.</summary>
    private static bool TryReadStream(string path, long maxBytes, out ArraySegment<byte> bytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return TryReadAll(stream, maxBytes, stream.CanSeek ? stream.Length : 0, out bytes);
    }

    /// <summary>Reads <paramref name="stream"/> to its end unless it holds more than <paramref name="maxBytes"/> bytes.</summary>
    private static bool TryReadAll(Stream stream, long maxBytes, long expected, out ArraySegment<byte> bytes)
    {
        bytes = default;
        var limit = Math.Min(maxBytes, Array.MaxLength - 1L);

        // One byte more than expected, so that growth since the size check is seen.
        var buffer = new byte[Math.Min(expected, limit) + 1];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(2L * buffer.Length, limit + 1));
            }

            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                break;
            }

            total += read;
            if (total > limit)
            {
                return false;
            }
        }

        bytes = new ArraySegment<byte>(buffer, 0, total);
        return true;
    }

    private static Diagnostic InvalidUtf8(ReadOnlySpan<byte> text, Func<int, int, Origin> place)
    {
        var bad = FirstInvalidUtf8(text);
        var before = text[..bad];
        var line = before.Count((byte)'\n') + 1;
        var column = Encoding.UTF8.GetCharCount(before[(before.LastIndexOf((byte)'\n') + 1)..]) + 1;
        return Error(
            DiagnosticCodes.Encoding,
            string.Empty,
            place(line, column),
            "the file is not valid UTF-8 (byte 0x" + text[bad].ToString("X2", CultureInfo.InvariantCulture) + "); save it as UTF-8");
    }

    /// <summary>The index of the first byte of <paramref name="text"/> that does not start valid UTF-8 (the last byte when all do).</summary>
    internal static int FirstInvalidUtf8(ReadOnlySpan<byte> text)
    {
        var i = 0;
        while (i < text.Length && Rune.DecodeFromUtf8(text[i..], out _, out var consumed) == OperationStatus.Done)
        {
            i += consumed;
        }

        return Math.Min(i, text.Length - 1);
    }

    /// <summary>
    /// Builds a tree from a stream of parse events. Shared by the YAML and JSON readers and the override parser, it
    /// enforces what every source enforces: string keys, unique keys, the depth, node, alias and length limits, and the
    /// dotted path of each diagnostic. It is not recursive, so hostile nesting cannot overflow the stack, and alias
    /// copies share the anchored (immutable) nodes, so an alias costs constant time whatever it expands to.
    /// </summary>
    internal sealed class TreeAssembler
    {
        private const string MergeKey = "<<";
        private readonly SourceLimits _limits;
        private readonly List<Diagnostic> _diagnostics;
        private readonly bool _allowMergeKeys;
        private readonly List<Frame> _frames = [];
        private readonly FramePool _pool = new();
        private Dictionary<string, Anchored>? _anchors;
        private long _nodes;
        private long _aliasNodes;

        public TreeAssembler(SourceLimits limits, List<Diagnostic> diagnostics, bool allowMergeKeys)
        {
            _limits = limits;
            _diagnostics = diagnostics;
            _allowMergeKeys = allowMergeKeys;
        }

        /// <summary>The root, once its last event was seen.</summary>
        public ConfigNode? Root { get; private set; }

        /// <summary>Whether an error stopped the assembly (the tree is then incomplete).</summary>
        public bool Failed { get; private set; }

        /// <summary>The dotted path of the node that the next event delivers.</summary>
        public string NextPath
        {
            get
            {
                var (key, index) = NextSegment();
                return PathOf(key, index);
            }
        }

        public bool Scalar(ConfigScalar scalar, string? anchor)
        {
            if (!CountNodes(1, scalar.Origin, fromAlias: false))
            {
                return false;
            }

            if (!ExpectsKey && scalar.Value?.Length > _limits.MaxScalarLength)
            {
                Report(DiagnosticCodes.TooLong, NextPath, scalar.Origin, "the value is " + Count(scalar.Value.Length) + " characters long, more than the limit of " + Count(_limits.MaxScalarLength));
            }

            if (anchor is not null)
            {
                Remember(anchor, new Anchored(scalar, 1, 0));
            }

            Deliver(scalar, 1, 0, scalar.Origin);
            return true;
        }

        public bool Open(bool isMap, Origin origin, string? anchor)
        {
            if (_frames.Count >= _limits.MaxDepth)
            {
                return Fail(DiagnosticCodes.NestingLimit, origin, "the document nests deeper than the limit of " + Count(_limits.MaxDepth) + " levels");
            }

            if (!CountNodes(1, origin, fromAlias: false))
            {
                return false;
            }

            var (key, index) = NextSegment();
            _frames.Add(new Frame(isMap, origin, anchor, key, index, _pool));
            return true;
        }

        public void Close()
        {
            var frame = _frames[^1];
            _frames.RemoveAt(_frames.Count - 1);
            ConfigNode node = frame.IsMap ? BuildMap(frame) : new ConfigSequence([.. frame.Items], frame.Origin, owned: true);
            frame.Release();
            if (frame.Anchor is not null)
            {
                Remember(frame.Anchor, new Anchored(node, frame.Size, frame.Height));
            }

            Deliver(node, frame.Size, frame.Height, frame.Origin);
        }

        /// <summary>Delivers a copy of an anchored node (the same immutable instance, with the anchor's origins).</summary>
        public bool Alias(string name, Origin at)
        {
            if (_anchors is null || !_anchors.TryGetValue(name, out var anchored))
            {
                Report(DiagnosticCodes.Syntax, NextPath, at, "the alias " + MessageText.Quoted("*" + name) + " refers to no anchor defined before it");
                return Scalar(ConfigScalar.Null(at), null);
            }

            _aliasNodes += anchored.Size;
            if (_aliasNodes > _limits.MaxAliasNodes)
            {
                return Fail(DiagnosticCodes.AliasLimit, at, "aliases expand to more than the limit of " + Count(_limits.MaxAliasNodes) + " nodes");
            }

            if (_frames.Count + anchored.Height > _limits.MaxDepth)
            {
                return Fail(DiagnosticCodes.NestingLimit, at, "the alias " + MessageText.Quoted("*" + name) + " nests the document deeper than the limit of " + Count(_limits.MaxDepth) + " levels");
            }

            if (!CountNodes(anchored.Size, at, fromAlias: true))
            {
                return false;
            }

            Deliver(anchored.Node, anchored.Size, anchored.Height, at);
            return true;
        }

        /// <summary>Reports an error that does not stop the assembly.</summary>
        public void Report(string code, string path, Origin origin, string message) => _diagnostics.Add(Error(code, path, origin, message));

        /// <summary>Reports an error that stops the assembly; returns <see langword="false"/>.</summary>
        public bool Fail(string code, Origin origin, string message)
        {
            Report(code, string.Empty, origin, message);
            Failed = true;
            return false;
        }

        private bool ExpectsKey => _frames.Count > 0 && _frames[^1] is { IsMap: true, HasKey: false };

        private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

        private bool CountNodes(int count, Origin at, bool fromAlias)
        {
            _nodes += count;
            if (_nodes <= _limits.MaxNodes)
            {
                return true;
            }

            var message = "the document has more than the limit of " + Count(_limits.MaxNodes) + " nodes";
            return fromAlias
                ? Fail(DiagnosticCodes.AliasLimit, at, message + " once aliases are expanded")
                : Fail(DiagnosticCodes.FileTooLarge, at, message);
        }

        private void Remember(string anchor, Anchored anchored) => (_anchors ??= new(StringComparer.Ordinal))[anchor] = anchored;

        private void Deliver(ConfigNode node, int size, int height, Origin at)
        {
            if (_frames.Count == 0)
            {
                Root = node;
                return;
            }

            var top = _frames[^1];
            top.Size += size;
            top.Height = Math.Max(top.Height, height + 1);
            if (!top.IsMap)
            {
                top.Items.Add(node);
            }
            else if (!top.HasKey)
            {
                AcceptKey(top, node, at);
            }
            else
            {
                AcceptValue(top, node);
            }
        }

        private void AcceptKey(Frame map, ConfigNode keyNode, Origin at)
        {
            map.HasKey = true;
            map.Action = KeyAction.Drop;
            if (keyNode is not ConfigScalar { Value: { } key } scalar)
            {
                Report(DiagnosticCodes.InvalidKey, PathOf(null, -1), at, "a key must be a string, got " + keyNode.Describe());
            }
            else if (_allowMergeKeys && scalar.Style == ScalarStyle.Plain && key == MergeKey)
            {
                map.Action = KeyAction.Merge;
            }
            else if (key.Length > _limits.MaxKeyLength)
            {
                Report(DiagnosticCodes.TooLong, PathOf(null, -1), at, "a key is " + Count(key.Length) + " characters long, more than the limit of " + Count(_limits.MaxKeyLength));
            }
            else if (map.IndexOfKey(key) is var first and >= 0)
            {
                Report(DiagnosticCodes.DuplicateKey, PathOf(key, -1), at, "duplicate key " + MessageText.Quoted(key) + ", first set at " + map.Entries[first].KeyOrigin.Location);
            }
            else
            {
                map.Action = KeyAction.Keep;
                map.PendingKey = key;
                map.PendingKeyOrigin = at;
            }
        }

        private void AcceptValue(Frame map, ConfigNode value)
        {
            map.HasKey = false;
            if (map.Action == KeyAction.Keep)
            {
                map.AddEntry(new ConfigMapEntry(map.PendingKey, map.PendingKeyOrigin, value));
            }
            else if (map.Action == KeyAction.Merge)
            {
                AddMerge(map, value);
            }
        }

        private void AddMerge(Frame map, ConfigNode value)
        {
            if (value is ConfigMap single)
            {
                (map.Merges ??= []).Add((map.Entries.Count, single));
            }
            else if (value is ConfigSequence sequence && sequence.Items.All(static i => i is ConfigMap))
            {
                foreach (var item in sequence.Items)
                {
                    (map.Merges ??= []).Add((map.Entries.Count, (ConfigMap)item));
                }
            }
            else
            {
                Report(DiagnosticCodes.Syntax, PathOf(null, -1), value.Origin, "the merge key '<<' takes a mapping or a list of mappings, got " + value.Describe());
            }
        }

        /// <summary>
        /// Builds a mapping; YAML 1.1 merge keys insert the merged entries where the <c>&lt;&lt;</c> key was, skipping
        /// keys written explicitly in the mapping (they win wherever they are) and keys of earlier merged mappings.
        /// </summary>
        private static ConfigMap BuildMap(Frame frame)
        {
            if (frame.Merges is null)
            {
                return new ConfigMap([.. frame.Entries], frame.Origin, owned: true);
            }

            var seen = new HashSet<string>(frame.Entries.Select(static e => e.Key), StringComparer.Ordinal);
            var result = new List<ConfigMapEntry>(frame.Entries.Count);
            var merge = 0;
            for (var i = 0; i <= frame.Entries.Count; i++)
            {
                for (; merge < frame.Merges.Count && frame.Merges[merge].Position == i; merge++)
                {
                    result.AddRange(frame.Merges[merge].Map.Entries.Where(e => seen.Add(e.Key)));
                }

                if (i < frame.Entries.Count)
                {
                    result.Add(frame.Entries[i]);
                }
            }

            return new ConfigMap([.. result], frame.Origin, owned: true);
        }

        private (string? Key, int Index) NextSegment()
        {
            if (_frames.Count == 0)
            {
                return (null, -1);
            }

            var top = _frames[^1];
            return top.IsMap
                ? (top is { HasKey: true, Action: KeyAction.Keep } ? top.PendingKey : null, -1)
                : (null, top.Items.Count);
        }

        private string PathOf(string? key, int index)
        {
            var sb = new StringBuilder();
            foreach (var frame in _frames)
            {
                AppendSegment(sb, frame.Key, frame.Index);
            }

            AppendSegment(sb, key, index);
            return sb.ToString();
        }

        private static void AppendSegment(StringBuilder sb, string? key, int index)
        {
            if (key is not null)
            {
                sb.Append(sb.Length > 0 ? "." : string.Empty).Append(key);
            }
            else if (index >= 0)
            {
                sb.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }

        private enum KeyAction
        {
            Keep,
            Drop,
            Merge,
        }

        private readonly record struct Anchored(ConfigNode Node, int Size, int Height);

        /// <summary>
        /// The lists of the frames that were closed, kept for the next ones: a document of many small mappings then
        /// grows a few lists once instead of one list per mapping, each regrown from empty.
        /// </summary>
        private sealed class FramePool
        {
            public Stack<List<ConfigNode>> Items { get; } = new();

            public Stack<List<ConfigMapEntry>> Entries { get; } = new();

            public Stack<Dictionary<string, int>> Keys { get; } = new();
        }

        /// <summary>A mapping or a sequence being read.</summary>
        private sealed class Frame(bool isMap, Origin origin, string? anchor, string? key, int index, FramePool pool)
        {
            private List<ConfigNode>? _items;
            private const int LinearSearchLimit = 8;
            private List<ConfigMapEntry>? _entries;
            private Dictionary<string, int>? _keys;

            public bool IsMap { get; } = isMap;

            public Origin Origin { get; } = origin;

            public string? Anchor { get; } = anchor;

            /// <summary>The key of this node in its parent mapping, or <see langword="null"/>.</summary>
            public string? Key { get; } = key;

            /// <summary>The index of this node in its parent sequence, or -1.</summary>
            public int Index { get; } = index;

            /// <summary>The number of nodes in this sub-tree (alias copies included).</summary>
            public int Size { get; set; } = 1;

            /// <summary>The number of nesting levels of this sub-tree (1 for a mapping of scalars).</summary>
            public int Height { get; set; } = 1;

            public List<ConfigNode> Items => _items ??= pool.Items.TryPop(out var list) ? list : [];

            public List<ConfigMapEntry> Entries => _entries ??= pool.Entries.TryPop(out var list) ? list : [];

            /// <summary>Gives the frame's lists back to the pool, empty (its node was built from copies).</summary>
            public void Release()
            {
                if (_items is not null)
                {
                    _items.Clear();
                    pool.Items.Push(_items);
                    _items = null;
                }

                if (_entries is not null)
                {
                    _entries.Clear();
                    pool.Entries.Push(_entries);
                    _entries = null;
                }

                if (_keys is not null)
                {
                    _keys.Clear();
                    pool.Keys.Push(_keys);
                    _keys = null;
                }
            }

            /// <summary>
            /// The position of an explicit key among the entries, or -1. Every kept key has its entry (added with its
            /// value, before the next key is read), so the entries are the keys seen; a small mapping is searched, a
            /// larger one indexed.
            /// </summary>
            public int IndexOfKey(string key)
            {
                var entries = Entries;
                if (_keys is not null)
                {
                    return _keys.TryGetValue(key, out var found) ? found : -1;
                }

                for (var i = 0; i < entries.Count; i++)
                {
                    if (string.Equals(entries[i].Key, key, StringComparison.Ordinal))
                    {
                        return i;
                    }
                }

                return -1;
            }

            /// <summary>Adds a kept entry, indexing its key once the mapping is too large to search.</summary>
            public void AddEntry(ConfigMapEntry entry)
            {
                var entries = Entries;
                entries.Add(entry);
                if (_keys is not null)
                {
                    _keys[entry.Key] = entries.Count - 1;
                }
                else if (entries.Count > LinearSearchLimit)
                {
                    _keys = pool.Keys.TryPop(out var keys) ? keys : new Dictionary<string, int>(entries.Count * 2, StringComparer.Ordinal);
                    for (var i = 0; i < entries.Count; i++)
                    {
                        _keys[entries[i].Key] = i;
                    }
                }
            }

            public List<(int Position, ConfigMap Map)>? Merges { get; set; }

            /// <summary>Whether a key was read and its value is awaited.</summary>
            public bool HasKey { get; set; }

            public KeyAction Action { get; set; }

            public string PendingKey { get; set; } = string.Empty;

            public Origin PendingKeyOrigin { get; set; } = origin;
        }
    }
}
