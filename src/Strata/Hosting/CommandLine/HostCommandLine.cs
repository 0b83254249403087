using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Strata.Hosting.Exporters;
using Strata.Hosting.Explain;
using Strata.Hosting.Verbs;
using Strata.Schema;
using Strata.Sources;

namespace Strata.Hosting.CommandLine;

/// <summary>Builds a host's command tree on System.CommandLine, parses the arguments and runs the chosen verb.</summary>
internal static class HostCommandLine
{
    /// <summary>Help is wrapped at a fixed width so that it reads the same on every terminal (and in snapshots).</summary>
    private const int HelpWidth = 100;

    /// <summary>The config verbs before the program's own, in the order of help.</summary>
    private static readonly (string Name, Func<HostContext, Command> Create)[] s_verbs =
    [
        ("resolve", ResolveVerb.Create),
        ("validate", ValidateVerb.Create),
        ("explain", ExplainVerb.Create),
        ("diff", DiffVerb.Create),
        ("sweep", SweepVerb.Create),
        ("schema", ExportVerbs.Schema),
        ("docs", ExportVerbs.Docs),
        ("presets", PresetsVerb.Create),
    ];

    /// <summary>
    /// Checks and expands the arguments, parses them and runs the chosen verb. A problem with the arguments themselves
    /// (not valid UTF-8 as given, too long, a response file that cannot be read or includes itself) is a usage error
    /// naming its place.
    /// </summary>
    public static async Task<int> InvokeAsync(ConfigHost host, IReadOnlyList<HostedKind> kinds, HostConsole console, IReadOnlyList<string> arguments, string? encodingProblem, CancellationToken cancellationToken)
    {
        var problem = encodingProblem;
        if (problem is not null || !ResponseFileExpander.TryExpand(arguments, SourceLimits.Default, out var expanded, out problem))
        {
            new DiagnosticPrinter(console).WriteError(host.Name, problem);
            WriteHelpHint(console, host.Name);
            return ExitCodes.Usage;
        }

        return await InvokeAsync(new HostContext(host, kinds, console, arguments, AsHelpRequest(host, expanded)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>help [VERB]...</c> asks for the help of VERB (or of the program), as git, dotnet and cargo read it: it is
    /// <c>[VERB]... --help</c>, unless the program has a verb of its own named <c>help</c>.
    /// </summary>
    private static CommandLineArguments AsHelpRequest(ConfigHost host, CommandLineArguments commandLine)
    {
        var tokens = commandLine.Tokens;
        if (tokens.Count == 0 || tokens[0] != "help")
        {
            return commandLine;
        }

        foreach (var (name, _) in host.Verbs)
        {
            if (name == "help")
            {
                return commandLine;
            }
        }

        var asked = new List<string>(tokens.Count);
        for (var i = 1; i < tokens.Count; i++)
        {
            asked.Add(tokens[i]);
        }

        asked.Add("--help");
        return commandLine with { Tokens = asked };
    }

    private static async Task<int> InvokeAsync(HostContext context, CancellationToken cancellationToken)
    {
        if (KeyCompletion.IsRequest(context.CommandLine.Tokens) && KeyCompletion.Problem(context.CommandLine.Tokens) is { } problem)
        {
            context.Printer.WriteError(context.Host.Name, problem);
            WriteHelpHint(context.Console, context.Host.Name);
            return ExitCodes.Usage;
        }

        var root = Build(context, out var quick);

        // Response files are expanded already, each argument with its place: the parser must not read them again.
        var parse = root.Parse(context.CommandLine.Tokens, new ParserConfiguration { ResponseFileTokenReplacer = null });
        // Help of a verb that does not exist (`strata reslove --help`, `strata help reslove`) is the unknown verb's
        // error, not the program's help, which would hide the typo.
        if (parse.Action is ParseErrorAction || (parse.Action is null && parse.Errors.Count > 0)
            || (parse.Action is HelpAction && IsRoot(parse) && parse.UnmatchedTokens.Count > 0))
        {
            return ReportParseErrors(context, parse);
        }

        if (parse.Action is not (HelpAction or null) && FindUnknownOption(parse) is { } unknown)
        {
            return ReportUsage(context, parse, UnknownOptionMessage(parse, unknown));
        }

        var invocation = new InvocationConfiguration
        {
            Output = context.Console.Output,
            Error = context.Console.Error,
            EnableDefaultExceptionHandler = false,
        };

        // The built-in verbs other than run finish in milliseconds and hold no resource to release on Ctrl+C: they need
        // no termination handler, whose signal registration starts a thread in every process. An output file's
        // temporary file is removed by OutputFile's own handlers, registered only while it exists. Run, and a
        // program's own verbs, keep System.CommandLine's.
        if (quick.Contains(parse.CommandResult.Command))
        {
            invocation.ProcessTerminationTimeout = null;
        }

        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException) when (KeyCompletion.IsRequest(context.CommandLine.Tokens))
        {
            // System.CommandLine's completion fails on some lines (an option bundled with its value, `resolve KIND -ox`:
            // its search for the token at the cursor finds none). Completing only lists candidates: such a line gets
            // none, which leaves it to the shell's own completion, as a line the program has nothing for does.
            return ExitCodes.Success;
        }
    }

    /// <summary>Runs a verb's body, turning bad input into diagnostics and exit codes instead of stack traces.</summary>
    public static void SetAction(Command command, HostContext context, Func<ParseResult, CancellationToken, Task<int>> body)
    {
        command.SetAction(async (parse, token) =>
        {
            try
            {
                return await body(parse, token).ConfigureAwait(false);
            }
            catch (UsageException e)
            {
                return ReportUsage(context, parse, e.Messages);
            }
            catch (OutputFileException e) when (e.IsAnInput)
            {
                return ReportUsage(context, parse, e.Message);
            }
            catch (OutputFileException e) when (e.InterruptedBy is { } signal)
            {
                // Reached only when another handler of the signal kept the process alive (System.CommandLine's, for a
                // program's own verbs); otherwise the signal has already ended the process, by the same code.
                context.Printer.WriteError(context.Host.Name, e.Message);
                return ExitCodes.Interrupted(signal);
            }
            catch (ConfigException e)
            {
                context.Printer.Write(e.Diagnostics);
                return ExitCodes.Invalid;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Printer.WriteError(context.Host.Name, e.Message);
                return ExitCodes.Invalid;
            }
        });
    }

    public static void SetAction(Command command, HostContext context, Func<ParseResult, int> body) =>
        SetAction(command, context, (parse, _) => Task.FromResult(body(parse)));

    /// <summary>
    /// Builds the root and, when the first argument names a verb, only that verb: System.CommandLine's symbols cost time
    /// to make in a fresh process, and a verb's parse never looks at its siblings. Every verb is built when the first
    /// argument names none (help of the root, an unknown verb and its suggestion, no verb at all). The verbs are listed
    /// in this order: the config verbs, the program's own, then <c>kinds</c> and <c>run</c>.
    /// </summary>
    private static Command Build(HostContext context, out HashSet<Command> quick)
    {
        var description = context.Host.Description ?? "Typed, layered configuration.";
        var tokens = context.CommandLine.Tokens;

        // A completion request ([suggest:N] "LINE", as dotnet-suggest and the completion scripts send it) needs the
        // root that carries the directive; the RootCommand comes with the help and version options, which it lists.
        // The line, not the directive, names the verb to build.
        var completing = KeyCompletion.IsRequest(tokens);
        var verbToken = completing ? KeyCompletion.FirstWord(tokens) : tokens.Count > 0 ? tokens[0] : null;
        var root = completing ? new RootCommand(description) : new Command(context.Host.Name, description);
        if (!completing && MayAskForHelpOrVersion(tokens))
        {
            // Both options read their descriptions from System.CommandLine's resources, whose first use costs about as
            // much as resolving a config in a fresh process; a command line that cannot name them does without them.
            root.Add(new HelpOption { Recursive = true, Action = new HelpAction { MaxWidth = HelpWidth } });
            root.Add(new VersionOption());
        }

        // Every verb in the order of help, with whether it is quick (see InvokeAsync); made only if built.
        var verbs = new List<(string Name, Func<Command> Create, bool Quick)>();
        foreach (var (name, create) in s_verbs)
        {
            verbs.Add((name, () => create(context), true));
        }

        foreach (var (name, create) in context.Host.Verbs)
        {
            verbs.Add((name, () => Named(name, create(new HostVerbContext(context))), false));
        }

        verbs.Add(("kinds", () => KindsVerb.Create(context), true));
        foreach (var kind in context.Kinds)
        {
            if (kind.CanRun)
            {
                verbs.Add(("run", () => RunVerb.Create(context), false));
                break;
            }
        }

        verbs.Add(("completion", () => CompletionVerb.Create(context), true));

        string? named = null;
        foreach (var verb in verbs)
        {
            if (verbToken == verb.Name)
            {
                named = verb.Name;
                break;
            }
        }

        quick = [root];
        foreach (var (name, create, isQuick) in verbs)
        {
            if (named is null || named == name)
            {
                var verb = create();
                root.Add(verb);
                if (isQuick)
                {
                    quick.Add(verb);
                }
            }
        }

        return root;
    }

    private static Command Named(string name, Command verb) =>
        string.Equals(verb.Name, name, StringComparison.Ordinal)
            ? verb
            : throw new InvalidOperationException("The verb added as '" + name + "' creates a command named '" + verb.Name + "'.");

    /// <summary>
    /// Whether an argument could be the help or version option (<c>--help</c>, <c>-h</c>, <c>-?</c>, <c>/h</c>,
    /// <c>/?</c>, <c>--version</c>, alone, bundled or with a value), or a response file that could hold one. Other
    /// command lines parse the same without the two options, whose only effect is to be recognised. The host asks it
    /// about the arguments with response files expanded, where an <c>@</c> argument left is a literal one (after
    /// <c>--</c>): taking it as a possible request costs nothing but the options.
    /// </summary>
    internal static bool MayAskForHelpOrVersion(IReadOnlyList<string> arguments)
    {
        foreach (var argument in arguments)
        {
            // Single-dash tokens may bundle short options (-vh), and a token may carry a value (--help=x).
            var span = argument.AsSpan();
            if (span.StartsWith('@') || span.StartsWith("/h") || span.StartsWith("/?")
                || span.StartsWith("--help") || span.StartsWith("--version")
                || (span.StartsWith('-') && !span.StartsWith("--") && span.IndexOfAny('h', '?') > 0))
            {
                return true;
            }
        }

        return false;
    }

    private static int ReportParseErrors(HostContext context, ParseResult parse)
    {
        if (IsRoot(parse) && parse.UnmatchedTokens.Count > 0)
        {
            // An unknown first word is one problem: the verb it fails to name ("Required command was not provided") and
            // the words after it that no verb took follow from it, so only its own error is reported (in the parser's
            // words, which --help, parsed without errors, does not give).
            var given = parse.UnmatchedTokens[0];
            var message = "Unrecognized command or argument '" + given + "'.";
            foreach (var error in parse.Errors)
            {
                if (error.Message.Contains("'" + given + "'", StringComparison.Ordinal))
                {
                    message = error.Message;
                    break;
                }
            }

            var verbs = new List<string>();
            foreach (var verb in parse.CommandResult.Command.Subcommands)
            {
                verbs.Add(verb.Name);
            }

            context.Printer.WriteError(context.Host.Name, MessageText.OfLibrary(message) + DidYouMean(Suggestions.Closest(given, verbs)));
        }
        else
        {
            foreach (var error in parse.Errors)
            {
                var message = error.Message.ReplaceLineEndings(" ").Replace("\t", string.Empty, StringComparison.Ordinal).Replace(":  ", ": ", StringComparison.Ordinal);
                context.Printer.WriteError(context.Host.Name, MessageText.OfLibrary(message) + Suggest(error));
            }
        }

        WriteHelpHint(context, parse);
        return ExitCodes.Usage;
    }

    internal static int ReportUsage(HostContext context, ParseResult parse, string message) => ReportUsage(context, parse, [message]);

    private static int ReportUsage(HostContext context, ParseResult parse, IReadOnlyList<string> messages)
    {
        foreach (var message in messages)
        {
            context.Printer.WriteError(context.Host.Name, message);
        }

        WriteHelpHint(context, parse);
        return ExitCodes.Usage;
    }

    private static void WriteHelpHint(HostContext context, ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        WriteHelpHint(context.Console, IsRoot(parse) ? context.Host.Name : context.Host.Name + " " + command.Name);
    }

    private static bool IsRoot(ParseResult parse) => parse.CommandResult == parse.RootCommandResult;

    private static void WriteHelpHint(HostConsole console, string command) =>
        console.Error.Write("Run '" + command + " --help' for usage.\n");

    /// <summary>
    /// A "did you mean" for a value outside a fixed list (a kind, <c>--format</c>, <c>--show</c>, a shell): the list is
    /// what the argument completes to, so every verb's closed choices get it.
    /// </summary>
    private static string Suggest(ParseError error)
    {
        if (error.SymbolResult is not (ArgumentResult { Tokens.Count: > 0 } or OptionResult { Tokens.Count: > 0 }))
        {
            return string.Empty;
        }

        var result = error.SymbolResult;
        Symbol symbol = result is ArgumentResult argument ? argument.Argument : ((OptionResult)result).Option;
        var candidates = new List<string>();
        foreach (var item in symbol.GetCompletions(CompletionContext.Empty))
        {
            candidates.Add(item.Label);
        }

        foreach (var token in result.Tokens)
        {
            if (!candidates.Contains(token.Value))
            {
                return error.Message.Contains("'" + token.Value + "'", StringComparison.Ordinal) ? DidYouMean(Suggestions.Closest(token.Value, candidates)) : string.Empty;
            }
        }

        return string.Empty;
    }

    /// <summary>The " (did you mean 'x'?)" of a suggestion, or nothing without one.</summary>
    private static string DidYouMean(string? closest) =>
        closest is null ? string.Empty : " (did you mean " + MessageText.Quoted(closest) + "?)";

    /// <summary>
    /// Positional arguments take any token, so an unknown option (<c>--bogus</c>) would land among the overrides: find
    /// one before <c>--</c>, after which everything is positional.
    /// </summary>
    private static string? FindUnknownOption(ParseResult parse)
    {
        var positional = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        foreach (var child in parse.CommandResult.Children)
        {
            if (child is ArgumentResult argument)
            {
                positional.UnionWith(argument.Tokens);
            }
        }

        foreach (var token in parse.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                return null;
            }

            if (positional.Contains(token) && token.Value.Length > 1 && token.Value[0] == '-')
            {
                return token.Value;
            }
        }

        return null;
    }

    private static string UnknownOptionMessage(ParseResult parse, string token)
    {
        // Compared without their dashes, which are not what was mistyped; a one-letter name is suggested only as it is
        // (any other letter is one edit away from it: `-v` is no typo of `-c`).
        var names = new List<string>();
        var bare = new List<string>();
        foreach (var option in parse.CommandResult.Command.Options)
        {
            names.AddRange(option.Aliases);
            names.Add(option.Name);
        }

        foreach (var name in names)
        {
            bare.Add(name.TrimStart('-'));
        }

        var given = token.TrimStart('-');
        var at = given.Length > 1 && Suggestions.Closest(given, bare) is { } found ? bare.IndexOf(found) : bare.IndexOf(given);
        return "unknown option " + MessageText.Quoted(token) + DidYouMean(at >= 0 ? names[at] : null);
    }
}
