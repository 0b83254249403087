using System.CommandLine;

namespace Strata.Hosting.CommandLine;

/// <summary>Creates the options and arguments that several verbs share, with the names of DESIGN §5.</summary>
internal static class HostSymbols
{
    /// <summary>The verbosity names of <c>--show</c>, in increasing order.</summary>
    public static readonly string[] ShowLevels = ["explicit", "core", "optional", "performance", "debug", "all"];

    public static Argument<string> Kind(HostContext context)
    {
        var names = HostedKind.Names(context.Kinds);
        var argument = new Argument<string>("kind")
        {
            Description = names.Length == 0 ? "The kind of config." : "The kind of config: " + string.Join(", ", names) + ".",
            HelpName = "kind",
        };
        if (names.Length > 0)
        {
            argument.AcceptOnlyFromAmong(names);
        }

        return argument;
    }

    public static Argument<string[]> Positionals(string helpName, string description) =>
        new(helpName) { Description = description, Arity = ArgumentArity.ZeroOrMore, CustomParser = Values };

    public static Option<string[]> Config() => new("--config", "-c")
    {
        Description = "A YAML or JSON config file; repeat to layer files, later ones win.",
        HelpName = "FILE",
        AllowMultipleArgumentsPerToken = false,
        CustomParser = Values,
    };

    /// <summary>
    /// The tokens of a list argument, as given. System.CommandLine's own conversion makes the array through reflection
    /// (the type loader, on its first use in a NativeAOT process), for what is a copy of the tokens.
    /// </summary>
    private static string[] Values(System.CommandLine.Parsing.ArgumentResult result)
    {
        var values = new string[result.Tokens.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = result.Tokens[i].Value;
        }

        return values;
    }

    public static Option<bool> Lenient() => new("--lenient")
    {
        Description = "Report unknown keys as warnings instead of errors.",
    };

    public static Option<bool> StrictUnknown() => new("--strict-unknown")
    {
        Description = "Report unknown keys as errors (the default).",
    };

    public static Option<bool> WarningsAsErrors() => new("--warnings-as-errors")
    {
        Description = "Fail on any warning.",
    };

    public static Option<string> Format(string description, params string[] formats)
    {
        var option = new Option<string>("--format")
        {
            Description = description,
            HelpName = string.Join('|', formats),
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    public static Option<string> Show()
    {
        var option = new Option<string>("--show")
        {
            Description = "How much to write: explicit (only what was set, the default), or every field up to core, optional, performance, debug or all.",
            HelpName = "LEVEL",
            DefaultValueFactory = static _ => "explicit",
        };
        option.AcceptOnlyFromAmong(ShowLevels);
        return option;
    }

    public static Option<string?> Output()
    {
        var option = new Option<string?>("--output", "-o")
        {
            Description = "Write the document to FILE (atomically) instead of standard output.",
            HelpName = "FILE",
        };
        option.Validators.Add(static result =>
        {
            // An empty path names no file (and - is standard output): a usage error, reported by the parser.
            if (result.Tokens.Count > 0 && result.Tokens[^1].Value.Length == 0)
            {
                result.AddError("-o needs a file name (use - for standard output)");
            }
        });
        return option;
    }

    public static Verbosity ParseVerbosity(string? name) => name switch
    {
        "core" => Verbosity.Core,
        "optional" => Verbosity.Optional,
        "performance" => Verbosity.Performance,
        "debug" => Verbosity.Debug,
        "all" => Verbosity.All,
        _ => Verbosity.Explicit,
    };
}
