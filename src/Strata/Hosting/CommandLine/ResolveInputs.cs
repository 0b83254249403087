using System.CommandLine;
using Strata.Hosting.CommandLine;
using Strata.Sources;

namespace Strata.Hosting;

/// <summary>
/// The inputs of the resolving verbs on one command: the kind argument, <c>-c FILE</c> options, positional
/// <c>KEY=VALUE</c> overrides (and, for <c>explain</c>, paths), <c>--lenient</c>/<c>--strict-unknown</c> and
/// <c>--warnings-as-errors</c>, with the help texts of DESIGN §5. A program's own verb gets the same with
/// <see cref="HostVerbContext.AddResolveInputs"/>.
/// </summary>
public sealed class ResolveInputs
{
    /// <summary>What help says of the overrides, in every verb that takes them (the grammar: docs/cli.md, "Arguments").</summary>
    internal const string OverridesHelp = "Overrides, applied in order after the files: key.path=value (a YAML value), "
        + "list[0]=v, list+=[v], +key=v, ~key, key=@FILE.yaml; @FILE alone reads more arguments from a file";

    private readonly HostContext _context;
    private readonly bool _acceptsPaths;
    private readonly Argument<string> _kind;
    private readonly Argument<string[]> _positionals;
    private readonly Option<string[]> _config = HostSymbols.Config();
    private readonly Option<bool> _lenient = HostSymbols.Lenient();
    private readonly Option<bool> _strictUnknown = HostSymbols.StrictUnknown();
    private readonly Option<bool> _warningsAsErrors = HostSymbols.WarningsAsErrors();

    /// <param name="context">The host.</param>
    /// <param name="command">The command the inputs are added to.</param>
    /// <param name="acceptsPaths">Whether a positional argument without <c>=</c> is given back by <see cref="Read(ParseResult, List{string}?)"/> rather than refused.</param>
    /// <param name="positionals">The help name and description of the positional arguments, when they are not those of <c>explain</c>.</param>
    internal ResolveInputs(HostContext context, Command command, bool acceptsPaths, (string Name, string Description)? positionals = null)
    {
        _context = context;
        _acceptsPaths = acceptsPaths;
        _kind = HostSymbols.Kind(context);
        _positionals = positionals is { } help ? HostSymbols.Positionals(help.Name, help.Description)
            : acceptsPaths
            ? HostSymbols.Positionals("KEY=VALUE|PATH", "Overrides, as resolve takes them, and the dotted paths to explain (every leaf when none).")
            : HostSymbols.Positionals("KEY=VALUE", OverridesHelp + ".");
        KeyCompletion.Attach(context, _kind, _positionals, _config, acceptsPaths);
        command.Add(_kind);
        command.Add(_positionals);
        command.Add(_config);
        command.Add(_lenient);
        command.Add(_strictUnknown);
        command.Add(_warningsAsErrors);
    }

    /// <summary>
    /// Reads the request from the verb's parse result. A positional argument that is not an override, or
    /// <c>--lenient</c> with <c>--strict-unknown</c>, is a usage error: in an action set with
    /// <see cref="HostVerbContext.SetAction"/> it ends the verb with the message, the help hint and exit code 2.
    /// </summary>
    /// <param name="parse">The parse result of the command the inputs were added to.</param>
    /// <returns>The request; an override read from a response file keeps its place there.</returns>
    public ResolveRequest Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return Read(parse, paths: null);
    }

    /// <summary>Reads the request, and the paths to explain into <paramref name="paths"/> when the inputs accept them.</summary>
    internal ResolveRequest Read(ParseResult parse, List<string>? paths)
    {
        var kind = _context.FindKind(parse.GetValue(_kind) ?? string.Empty);
        var overrides = new List<string>();
        List<ArgumentPlace?>? places = null;
        List<(int Token, string Message)>? mistakes = null;
        var tokens = parse.GetValue(_positionals) ?? [];
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.Contains('=', StringComparison.Ordinal) || token.StartsWith('~'))
            {
                // An override read from a response file is placed at its line there; a typed one is cli arg #N.
                var place = _context.CommandLine.PlaceOf(token);
                if (place is not null && places is null)
                {
                    places = new List<ArgumentPlace?>(new ArgumentPlace?[overrides.Count]);
                }

                overrides.Add(token);
                places?.Add(place);
            }
            else if (_acceptsPaths)
            {
                paths?.Add(token);
            }
            else if (i + 1 < tokens.Length && IsForgottenEquals(token, tokens[i + 1]))
            {
                // `train_iters 5`: the value is the next argument, which is then no mistake of its own.
                (mistakes ??= []).Add((i, MessageText.Quoted(token) + " is not a KEY=VALUE override: did you mean " + MessageText.Quoted(token + "=" + tokens[i + 1]) + "?"));
                i++;
            }
            else
            {
                (mistakes ??= []).Add((i, MessageText.Quoted(token) + " is not a KEY=VALUE override (give config files with -c FILE)"));
            }
        }

        if (mistakes is not null)
        {
            throw new UsageException(WithSyntaxErrors(mistakes, tokens, places, kind.TypeInfo));
        }

        return new ResolveRequest(kind.Name, parse.GetValue(_config) ?? [], overrides, ReadOptions(parse), places);
    }

    /// <summary>
    /// The usage mistakes with, in the order of the command line, the overrides that cannot be parsed (their errors
    /// would otherwise come only after the mistakes are fixed): every malformed argument is in the one report. Their
    /// values are redacted as a resolution's diagnostics are (a secret field's value is never shown).
    /// </summary>
    private static List<string> WithSyntaxErrors(List<(int Token, string Message)> mistakes, string[] tokens, List<ArgumentPlace?>? places, Schema.ConfigTypeInfo root)
    {
        for (int i = 0, number = 0; i < tokens.Length; i++)
        {
            // The tokens with '=' are the overrides, numbered as the resolver numbers them.
            if (tokens[i].Contains('=', StringComparison.Ordinal)
                && !OverrideParser.TryParse(tokens[i], ++number, places?[number - 1], SourceLimits.Default, out _, out var error))
            {
                var d = SecretRedaction.Redact([error], root)[0];
                mistakes.Add((i, d.Origin + ": " + (d.Path.Length > 0 ? MessageText.Bounded(d.Path) + ": " : string.Empty) + d.Message));
            }
        }

        mistakes.Sort(static (a, b) => a.Token.CompareTo(b.Token));
        var messages = new List<string>(mistakes.Count);
        foreach (var (_, message) in mistakes)
        {
            messages.Add(message);
        }

        return messages;
    }

    /// <summary>
    /// Whether <paramref name="token"/> reads as a key path whose <c>=</c> was forgotten before <paramref name="next"/>:
    /// a path of key characters (not a file name: no <c>/</c>, no extension of a config file) followed by a value that
    /// is no override, option or response file itself.
    /// </summary>
    private static bool IsForgottenEquals(string token, string next)
    {
        if (next.Length == 0 || next.Contains('=', StringComparison.Ordinal) || next[0] is '-' or '@'
            || token.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || token.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            || token.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var c in token)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '[' or ']' or '-'))
            {
                return false;
            }
        }

        return token.Length > 0;
    }

    /// <summary>The options of a resolution from the flags; <c>--lenient</c> with <c>--strict-unknown</c> is a usage error.</summary>
    private ResolveOptions ReadOptions(ParseResult parse)
    {
        var isLenient = parse.GetValue(_lenient);
        if (isLenient && parse.GetValue(_strictUnknown))
        {
            throw new UsageException("--lenient and --strict-unknown cannot be used together");
        }

        return _context.Host.CreateOptions(isLenient, parse.GetValue(_warningsAsErrors));
    }
}
