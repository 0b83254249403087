using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;
using Strata.Hosting.CommandLine;

namespace Strata.Hosting.Verbs;

/// <summary>
/// <c>diff &lt;kind&gt; A B</c>, or <c>diff &lt;kind&gt; [INPUTS] --left INPUTS --right INPUTS</c>: resolves two configs
/// and prints the effective values that differ. Each side is a full set of inputs, read as <c>resolve</c> reads them
/// (<see cref="ResolveInputs"/>): the inputs before <c>--left</c> and <c>--right</c>, then those of its own group.
/// </summary>
internal static class DiffVerb
{
    private const string Absent = "(absent)";

    public static Command Create(HostContext context)
    {
        var command = new Command("diff", "Resolve two configs and print every effective value that differs.");
        var inputs = new ResolveInputs(context, command, acceptsPaths: true, ("KEY=VALUE|FILE", "Overrides of both sides; without --left and --right, the two config files A and B."));
        var left = new Option<bool>("--left") { Description = "The left side's own inputs follow (-c FILE, KEY=VALUE, up to --right), after those given before it." };
        var right = new Option<bool>("--right") { Description = "The right side's own inputs follow (-c FILE, KEY=VALUE), after those given before --left." };
        var format = Format();
        var exitCode = ExitCode();
        command.Add(left);
        command.Add(right);
        command.Add(format);
        command.Add(exitCode);
        HostCommandLine.SetAction(command, context, parse =>
        {
            var (leftRequest, rightRequest) = ReadSides(context, parse, inputs, left, right);
            var kind = context.FindKind(leftRequest.Kind);
            var a = kind.Resolve(leftRequest);
            var b = kind.Resolve(rightRequest);
            WriteDiagnostics(context, a.Diagnostics, b.Diagnostics);
            if (a.Resolved is null || b.Resolved is null)
            {
                return ExitCodes.Invalid;
            }

            var differences = ConfigComparer.Compare(a.Resolved.Config, b.Resolved.Config);
            context.Console.Output.Write(parse.GetValue(format) == "json" ? Json(differences) : Text(differences));
            return differences.Count > 0 && parse.GetValue(exitCode) ? ExitCodes.Invalid : ExitCodes.Success;
        });
        return command;
    }

    private static Option<string> Format() => HostSymbols.Format("The output format.", "text", "json");

    private static Option<bool> ExitCode() => new("--exit-code")
    {
        Description = "Exit with 1 when the configs differ and 0 when they do not, as git diff --exit-code does.",
    };

    /// <summary>
    /// The requests of the two sides. Without <c>--left</c> and <c>--right</c>: the inputs given, each side with one of
    /// the two files. With them: the arguments are split at the markers, and each side's (the common ones, then its group)
    /// parsed again as the verb's own, so that a side is read exactly as <c>resolve</c> reads a command line; a usage
    /// error names its side, or both when it is in the common inputs.
    /// </summary>
    private static (ResolveRequest Left, ResolveRequest Right) ReadSides(HostContext context, ParseResult parse, ResolveInputs inputs, Option<bool> left, Option<bool> right)
    {
        Token? kind = null;
        foreach (var child in parse.CommandResult.Children)
        {
            if (child is ArgumentResult { Argument.Name: "kind", Tokens.Count: > 0 } argument)
            {
                kind = argument.Tokens[0];
            }
        }

        // The kind first, then the common arguments; the other side's group is left out of each.
        List<string> common = [], leftGroup = [], rightGroup = [];
        var group = common;
        foreach (var token in parse.Tokens)
        {
            if (token.Type == TokenType.Option && (token.Value == left.Name || token.Value == right.Name))
            {
                group = token.Value == left.Name ? leftGroup : rightGroup;
            }
            else if (token.Type != TokenType.Command && !ReferenceEquals(token, kind))
            {
                group.Add(token.Value);
            }
        }

        if (group == common)
        {
            var files = new List<string>();
            var request = inputs.Read(parse, files);
            if (files.Count != 2)
            {
                throw new UsageException("expected two config files, A and B, or each side's inputs after --left and --right; got " + files.Count.ToString(CultureInfo.InvariantCulture) + (files.Count == 1 ? " file" : " files"));
            }

            return (With(request, files[0]), With(request, files[1]));
        }

        var side = new Command(parse.CommandResult.Command.Name);
        var sideInputs = new ResolveInputs(context, side, acceptsPaths: false);
        side.Add(Format());
        side.Add(ExitCode());
        var leftRequest = ReadSide(side, sideInputs, [kind?.Value ?? string.Empty, .. common, .. leftGroup], out var leftErrors);
        var rightRequest = ReadSide(side, sideInputs, [kind?.Value ?? string.Empty, .. common, .. rightGroup], out var rightErrors);
        if (leftRequest is null || rightRequest is null)
        {
            var messages = new List<string>();
            foreach (var message in leftErrors)
            {
                messages.Add((rightErrors.Contains(message) ? "both sides: " : "left side: ") + message);
            }

            foreach (var message in rightErrors)
            {
                if (!leftErrors.Contains(message))
                {
                    messages.Add("right side: " + message);
                }
            }

            throw new UsageException(messages);
        }

        return (leftRequest, rightRequest);
    }

    private static ResolveRequest? ReadSide(Command side, ResolveInputs inputs, List<string> arguments, out List<string> errors)
    {
        errors = [];

        // Response files were expanded with the whole command line: the parser must not read them again.
        var parse = side.Parse(arguments, new ParserConfiguration { ResponseFileTokenReplacer = null });
        foreach (var error in parse.Errors)
        {
            errors.Add(MessageText.OfLibrary(error.Message));
        }

        try
        {
            return errors.Count == 0 ? inputs.Read(parse) : null;
        }
        catch (UsageException e)
        {
            errors.AddRange(e.Messages);
            return null;
        }
    }

    /// <summary>The request with one more config file, after its own.</summary>
    private static ResolveRequest With(ResolveRequest request, string file) =>
        new(request.Kind, [.. request.Files, file], request.Overrides, request.Options, request.OverridePlaces);

    /// <summary>
    /// Each side's diagnostics under its name, with their count; one found on both sides (in an input they share) is
    /// written once, under <c>both sides</c>.
    /// </summary>
    private static void WriteDiagnostics(HostContext context, IReadOnlyList<Diagnostic> left, IReadOnlyList<Diagnostic> right)
    {
        var leftTexts = Texts(left);
        var rightTexts = Texts(right);
        List<Diagnostic> both = [], leftOnly = [], rightOnly = [];
        foreach (var d in left)
        {
            (rightTexts.Contains(d.ToString()) ? both : leftOnly).Add(d);
        }

        foreach (var d in right)
        {
            if (!leftTexts.Contains(d.ToString()))
            {
                rightOnly.Add(d);
            }
        }

        foreach (var (name, diagnostics) in new[] { ("both sides", both), ("left side", leftOnly), ("right side", rightOnly) })
        {
            if (diagnostics.Count > 0)
            {
                context.Console.Error.Write(name + ":\n");
                context.Printer.Write(diagnostics);
            }
        }
    }

    private static HashSet<string> Texts(IReadOnlyList<Diagnostic> diagnostics)
    {
        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in diagnostics)
        {
            texts.Add(d.ToString());
        }

        return texts;
    }

    private static string Text(IReadOnlyList<ConfigDifference> differences)
    {
        if (differences.Count == 0)
        {
            // Said, not left blank: an empty output reads like a command that did nothing.
            return "no differences\n";
        }

        var width = 0;
        foreach (var d in differences)
        {
            width = Math.Max(width, d.Path.Length);
        }

        var sb = new StringBuilder();
        foreach (var d in differences)
        {
            sb.Append(d.Path.PadRight(width)).Append("  ").Append(d.Left ?? Absent).Append(" → ").Append(d.Right ?? Absent).Append('\n');
        }

        return sb.ToString();
    }

    private static string Json(IReadOnlyList<ConfigDifference> differences) => JsonText.Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var d in differences)
        {
            writer.WriteStartObject();
            writer.WriteString("path", d.Path);
            writer.WriteString("left", d.Left); // null as JSON null
            writer.WriteString("right", d.Right);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });
}
