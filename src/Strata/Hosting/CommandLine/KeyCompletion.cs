using System.CommandLine.Completions;
using System.CommandLine.Parsing;
using Strata.Schema;

namespace Strata.Hosting.CommandLine;

/// <summary>
/// The completions of an override or a path being typed, from the kind's schema tables only (no file is read, no layer
/// resolved): the keys of the config a dotted prefix leads to (<c>model.base_model.trans</c> gives
/// <c>model.base_model.transformer.</c>: a section with its dot, a leaf with <c>=</c>), an enum's names and a boolean's
/// values after <c>=</c>, and the registered names after <c>type=</c> of a polymorphic config. A polymorphic config
/// offers the keys of the type an earlier <c>PATH.type=NAME</c> on the line chose, else those of its declared class.
/// </summary>
internal static class KeyCompletion
{
    /// <summary>What a word that is still being typed may hold: beyond it, no completion (the shell falls back to files).</summary>
    private const int MaxWordLength = 4096;

    /// <summary>Whether the arguments ask for completions: the <c>[suggest:N]</c> directive, then the line to complete.</summary>
    public static bool IsRequest(IReadOnlyList<string> tokens) =>
        tokens.Count > 0 && (tokens[0] == "[suggest]" || tokens[0].StartsWith("[suggest:", StringComparison.Ordinal));

    /// <summary>
    /// What is wrong with a completion request, or null: System.CommandLine reads the position with int.Parse, which
    /// would throw on anything but a number that fits.
    /// </summary>
    public static string? Problem(IReadOnlyList<string> tokens)
    {
        var directive = tokens[0];
        if (tokens.Count > 2)
        {
            return "[suggest:N] takes the command line to complete as one argument";
        }

        if (directive == "[suggest]")
        {
            return null;
        }

        var position = directive.AsSpan("[suggest:".Length);
        if (position.Length < 2 || position.Length > 8 || position[^1] != ']')
        {
            return "[suggest:N] needs a position N of at most 7 digits";
        }

        foreach (var c in position[..^1])
        {
            if (!char.IsAsciiDigit(c))
            {
                return "[suggest:N] needs a position N of at most 7 digits";
            }
        }

        return null;
    }

    /// <summary>The first word of the line to complete: the verb, which is the only one built.</summary>
    public static string FirstWord(IReadOnlyList<string> tokens)
    {
        var line = tokens.Count > 1 ? tokens[1].AsSpan().TrimStart() : [];
        var end = line.IndexOfAny(' ', '\t');
        return (end < 0 ? line : line[..end]).ToString();
    }

    /// <summary>Adds the completion of the positional override arguments to <paramref name="positionals"/>.</summary>
    /// <param name="context">The host, whose kinds give the schemas.</param>
    /// <param name="kind">The kind argument of the same command, read from the line being completed.</param>
    /// <param name="positionals">The override (and path) arguments.</param>
    /// <param name="config">The <c>-c</c> option of the same command.</param>
    /// <param name="acceptsPaths">Whether a bare path is an argument (<c>explain</c>): a leaf then completes without <c>=</c>.</param>
    public static void Attach(HostContext context, System.CommandLine.Argument<string> kind, System.CommandLine.Argument<string[]> positionals, System.CommandLine.Option<string[]> config, bool acceptsPaths)
    {
        // -c can be repeated, so System.CommandLine takes it for the symbol being completed wherever it is on the line
        // (it never reaches its limit of values). Its own value (the word right after -c) gets no candidate, for the
        // shell to complete a file name; any other word gets what the command offers there.
        config.CompletionSources.Add(completion =>
        {
            var tokens = completion.ParseResult.Tokens;
            var word = completion.WordToComplete;
            var last = tokens.Count - (word.Length > 0 && tokens.Count > 0 && tokens[^1].Value == word ? 2 : 1);
            return last >= 0 && (tokens[last].Value == config.Name || config.Aliases.Contains(tokens[last].Value))
                ? []
                : completion.ParseResult.CommandResult.Command.GetCompletions(completion);
        });

        // The kinds only while the kind is being typed: System.CommandLine asks every argument of the command, a given one too.
        kind.CompletionSources.Clear();
        kind.CompletionSources.Add(completion =>
        {
            var candidates = new List<CompletionItem>();
            var given = completion.ParseResult.GetResult(kind);
            if (completion.ParseResult.GetResult(positionals) is not { Tokens.Count: > 0 }
                && (given is not { Tokens.Count: > 0 } || given.Tokens[0].Value == completion.WordToComplete))
            {
                foreach (var known in context.Kinds)
                {
                    candidates.Add(new CompletionItem(known.Name));
                }
            }

            return candidates;
        });
        positionals.CompletionSources.Add(completion =>
        {
            var candidates = new List<CompletionItem>();
            if (completion.ParseResult.GetResult(kind) is { Tokens.Count: > 0 } given && context.TryFindKind(given.Tokens[0].Value) is { } found)
            {
                var earlier = completion.ParseResult.GetResult(positionals)?.Tokens;
                foreach (var text in Complete(found.TypeInfo, completion.WordToComplete, earlier, acceptsPaths))
                {
                    candidates.Add(new CompletionItem(text));
                }
            }

            return candidates;
        });
    }

    /// <summary>The candidates for <paramref name="word"/>, in schema order.</summary>
    /// <param name="root">The schema of the kind.</param>
    /// <param name="word">The word being typed: an override, a removal or a path.</param>
    /// <param name="line">The other arguments on the line, where a <c>PATH.type=NAME</c> chooses a polymorphic type.</param>
    /// <param name="acceptsPaths">Whether a leaf completes as a bare path rather than with <c>=</c>.</param>
    internal static List<string> Complete(ConfigTypeInfo root, string word, IReadOnlyList<Token>? line, bool acceptsPaths)
    {
        var candidates = new List<string>();
        // A dictionary key is echoed into the candidates as typed: a control or format character in it would reach the
        // terminal raw when the shell lists them (and escaped it would not be the word), so such a word gets none.
        if (word.Length > MaxWordLength || word.Contains('"', StringComparison.Ordinal) || MessageText.HasControl(word))
        {
            return candidates;
        }

        // The override's operator (+, ++, ~) stays in front of every candidate; a removal takes no value.
        var operatorLength = word.StartsWith("++", StringComparison.Ordinal) ? 2 : word.Length > 0 && word[0] is '+' or '~' ? 1 : 0;
        var prefix = word[..operatorLength];
        var removal = prefix == "~";
        var body = word[operatorLength..];
        var equals = body.IndexOf('=', StringComparison.Ordinal);
        if (equals >= 0)
        {
            if (!removal)
            {
                CompleteValue(root, prefix, body, equals, line, candidates);
            }

            return candidates;
        }

        var dot = body.LastIndexOf('.');
        var parentPath = dot < 0 ? string.Empty : body[..dot];
        var partial = body[(dot + 1)..];
        if (Walk(root, parentPath, line) is not { } type)
        {
            return candidates;
        }

        var start = prefix + (dot < 0 ? string.Empty : parentPath + ".");
        if (type.IsPolymorphic && "type".StartsWith(partial, StringComparison.Ordinal) && type.FindByKey("type") is null)
        {
            candidates.Add(start + "type" + (removal || acceptsPaths ? string.Empty : "="));
        }

        foreach (var field in type.Fields)
        {
            if (field.Key.StartsWith(partial, StringComparison.Ordinal))
            {
                var section = field.ValueType.Section is not null || (field.ValueType.Shape == ValueShape.Dictionary && field.ValueType.NestedConfig is not null);
                candidates.Add(start + field.Key + (section ? "." : removal || acceptsPaths ? string.Empty : "="));
            }
        }

        return candidates;
    }

    /// <summary>The values after <c>PATH=</c> (or <c>PATH+=</c>): an enum's names, a boolean's, or the registered type names.</summary>
    private static void CompleteValue(ConfigTypeInfo root, string prefix, string body, int equals, IReadOnlyList<Token>? line, List<string> candidates)
    {
        var path = body[..equals].TrimEnd('+');
        var typed = body[(equals + 1)..];
        var dot = path.LastIndexOf('.');
        if (Walk(root, dot < 0 ? string.Empty : path[..dot], line) is not { } parent)
        {
            return;
        }

        var key = path[(dot + 1)..];
        IReadOnlyList<string>? names = null;
        if (key == "type" && parent.IsPolymorphic && parent.FindByKey("type") is null)
        {
            var subtypes = parent.Subtypes;
            var list = new string[subtypes.Count];
            for (var i = 0; i < list.Length; i++)
            {
                list[i] = subtypes[i].Name;
            }

            names = list;
        }
        else if (parent.FindByKey(key) is { } field)
        {
            var valueType = field.ValueType.NonNullable;
            names = valueType.Shape == ValueShape.Boolean ? s_booleans : valueType.EnumNames;
        }

        foreach (var name in names ?? [])
        {
            if (name.StartsWith(typed, StringComparison.Ordinal))
            {
                candidates.Add(prefix + body[..(equals + 1)] + name);
            }
        }
    }

    private static readonly string[] s_booleans = ["true", "false"];

    /// <summary>
    /// The config that a dotted path of sections leads to, or null when a step is no section (a leaf, an unknown key, a
    /// dictionary's own key). A list of configs is stepped into by an index (<c>layers[0].</c>).
    /// </summary>
    private static ConfigTypeInfo? Walk(ConfigTypeInfo root, string path, IReadOnlyList<Token>? line)
    {
        var type = Chosen(root, string.Empty, line);
        if (path.Length == 0)
        {
            return type;
        }

        ConfigTypeInfo? entry = null;
        var start = 0;
        while (start <= path.Length)
        {
            var end = path.IndexOf('.', start);
            if (end < 0)
            {
                end = path.Length;
            }

            ConfigTypeInfo? next;
            if (entry is not null)
            {
                // Any key of a dictionary of configs leads to its value type.
                (next, entry) = (entry, null);
            }
            else
            {
                var step = path[start..end];
                var bracket = step.IndexOf('[', StringComparison.Ordinal);
                if (type.FindByKey(bracket < 0 ? step : step[..bracket]) is not { } field)
                {
                    return null;
                }

                var shape = field.ValueType.Shape;
                next = bracket >= 0 ? (shape is ValueShape.List or ValueShape.Tuple ? field.ValueType.NestedConfig : null) : field.ValueType.Section;
                if (bracket < 0 && shape == ValueShape.Dictionary)
                {
                    entry = field.ValueType.NestedConfig;
                    if (entry is null)
                    {
                        return null;
                    }

                    start = end + 1;
                    continue;
                }
            }

            if (next is null)
            {
                return null;
            }

            type = Chosen(next, path[..end], line);
            start = end + 1;
        }

        // A path that ends at a dictionary names no config: its keys are the user's.
        return entry is null ? type : null;
    }

    /// <summary>The type an earlier <c>PATH.type=NAME</c> on the line chose for the polymorphic config at <paramref name="path"/>, else the declared one.</summary>
    private static ConfigTypeInfo Chosen(ConfigTypeInfo declared, string path, IReadOnlyList<Token>? line)
    {
        if (!declared.IsPolymorphic || line is null)
        {
            return declared;
        }

        var key = path.Length == 0 ? "type=" : path + ".type=";
        for (var i = line.Count - 1; i >= 0; i--)
        {
            var token = line[i].Value;
            if (token.StartsWith(key, StringComparison.Ordinal) && declared.FindSubtype(token[key.Length..]) is { } subtype)
            {
                return subtype.TypeInfo;
            }
        }

        return declared;
    }
}
