using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;
using Strata.Hosting.CommandLine;
using Strata.Reporting;
using Strata.Serialization;

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
        var format = HostSymbols.Format("The output format: lines, JSON, or a self-contained HTML page of both configs side by side.", "text", "json", "html");
        var output = HostSymbols.Output();
        var exitCode = new Option<bool>("--exit-code")
        {
            Description = "Exit with 1 when the configs differ and 0 when they do not, as git diff --exit-code does.",
        };
        command.Add(left);
        command.Add(right);
        command.Add(format);
        command.Add(exitCode);
        command.Add(output);
        HostCommandLine.SetAction(command, context, parse =>
        {
            var (leftRequest, rightRequest) = ReadSides(context, parse, inputs, left, right, [format, exitCode, output]);
            var outputPath = parse.GetValue(output);
            HostOutput.EnsureNotAnInput(context, outputPath, [.. leftRequest.Files, .. rightRequest.Files]);
            var kind = context.FindKind(leftRequest.Kind);
            var a = kind.Resolve(leftRequest);
            var b = kind.Resolve(rightRequest);
            foreach (var (name, diagnostics) in BySide(a.Diagnostics, b.Diagnostics))
            {
                // Under the side's name: the places of two sides look alike (both have a cli arg #1).
                context.Console.Error.Write(name + ":\n");
                context.Printer.Write(diagnostics);
            }

            if (a.Resolved is null || b.Resolved is null)
            {
                return ExitCodes.Invalid;
            }

            var differences = ConfigComparer.Compare(a.Resolved.Config, b.Resolved.Config);
            var text = parse.GetValue(format) switch
            {
                "json" => Json(differences),
                "html" => HtmlReport.Diff(a.Resolved, b.Resolved, leftRequest.Kind, differences, leftRequest.Overrides, rightRequest.Overrides),
                _ => Text(differences),
            };
            HostOutput.Write(context, outputPath, text, [.. a.FilesRead, .. b.FilesRead]);
            return differences.Count > 0 && parse.GetValue(exitCode) ? ExitCodes.Invalid : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// The requests of the two sides. Without <c>--left</c> and <c>--right</c>: the inputs given, each side with one of
    /// the two files. With them: the arguments are split at the markers, and each side's (the common ones, then its group)
    /// parsed again as the verb's own, so that a side is read exactly as <c>resolve</c> reads a command line; a usage
    /// error names its side, or both when it is in the common inputs.
    /// </summary>
    private static (ResolveRequest Left, ResolveRequest Right) ReadSides(HostContext context, ParseResult parse, ResolveInputs inputs, Option<bool> left, Option<bool> right, Option[] shared)
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
        foreach (var option in shared)
        {
            side.Add(option); // The verb's own options may be anywhere in a side's part.
        }
        List<string> leftErrors = [], rightErrors = [];
        var leftRequest = ReadSide(side, sideInputs, [kind?.Value ?? string.Empty, .. common, .. leftGroup], leftErrors);
        var rightRequest = ReadSide(side, sideInputs, [kind?.Value ?? string.Empty, .. common, .. rightGroup], rightErrors);
        if (leftRequest is null || rightRequest is null)
        {
            var messages = new List<string>();
            foreach (var (name, errors) in BySide(leftErrors, rightErrors))
            {
                foreach (var error in errors)
                {
                    messages.Add(name + ": " + error);
                }
            }

            throw new UsageException(messages);
        }

        return (leftRequest, rightRequest);
    }

    private static ResolveRequest? ReadSide(Command side, ResolveInputs inputs, List<string> arguments, List<string> errors)
    {
        // Response files were expanded with the whole command line, which parsed with the same symbols: so does a part.
        var parse = side.Parse(arguments, new ParserConfiguration { ResponseFileTokenReplacer = null });
        try
        {
            return inputs.Read(parse);
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
    /// The problems of the two sides by side, in order, each group named and not empty; one found on both sides (in an
    /// input they share) is in the first group, <c>both sides</c>, once.
    /// </summary>
    private static List<(string Name, List<T> Items)> BySide<T>(IReadOnlyList<T> left, IReadOnlyList<T> right)
        where T : notnull
    {
        var leftTexts = new HashSet<string>(StringComparer.Ordinal);
        var rightTexts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in right)
        {
            rightTexts.Add(item.ToString()!);
        }

        List<T> both = [], leftOnly = [], rightOnly = [];
        foreach (var item in left)
        {
            leftTexts.Add(item.ToString()!);
            (rightTexts.Contains(item.ToString()!) ? both : leftOnly).Add(item);
        }

        foreach (var item in right)
        {
            if (!leftTexts.Contains(item.ToString()!))
            {
                rightOnly.Add(item);
            }
        }

        var groups = new List<(string, List<T>)>();
        foreach (var group in new[] { ("both sides", both), ("left side", leftOnly), ("right side", rightOnly) })
        {
            if (group.Item2.Count > 0)
            {
                groups.Add(group);
            }
        }

        return groups;
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
            width = Math.Max(width, MessageText.Printable(d.Path).Length);
        }

        var sb = new StringBuilder();
        foreach (var d in differences)
        {
            // A key or a value holds no control or format character once it reaches the terminal.
            sb.Append(MessageText.Printable(d.Path).PadRight(width)).Append("  ")
                .Append(MessageText.Printable(d.Left ?? Absent)).Append(" → ").Append(MessageText.Printable(d.Right ?? Absent)).Append('\n');
        }

        return sb.ToString();
    }

    private static string Json(IReadOnlyList<ConfigDifference> differences)
    {
        var json = new JsonEmitter(indented: true);
        json.StartList();
        foreach (var d in differences)
        {
            json.StartMap();
            json.Member("path", d.Path);
            json.Member("left", d.Left); // null as JSON null
            json.Member("right", d.Right);
            json.EndMap();
        }

        json.EndList();
        return json.ToString();
    }
}
