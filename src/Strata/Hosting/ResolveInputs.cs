using System.CommandLine;
using Strata.Sources;

namespace Strata.Hosting;

/// <summary>
/// The inputs every resolving verb reads: the kind, <c>-c FILE</c> options, positional <c>KEY=VALUE</c> overrides (and,
/// for <c>explain</c>, paths), <c>--lenient</c>/<c>--strict-unknown</c> and <c>--warnings-as-errors</c>.
/// </summary>
internal sealed class ResolveInputs
{
    private readonly HostContext _context;
    private readonly bool _acceptsPaths;

    public ResolveInputs(HostContext context, bool acceptsPaths)
    {
        _context = context;
        _acceptsPaths = acceptsPaths;
        Kind = HostSymbols.Kind(context);
        Positionals = acceptsPaths
            ? HostSymbols.Positionals("KEY=VALUE|PATH", "Overrides (key.path=value, applied in order after the files) and the dotted paths to explain (all leaves when none).")
            : HostSymbols.Positionals("KEY=VALUE", "Overrides: key.path=value, applied in order after the files.");
    }

    public Argument<string> Kind { get; }

    public Argument<string[]> Positionals { get; }

    public Option<string[]> Config { get; } = HostSymbols.Config();

    public Option<bool> Lenient { get; } = HostSymbols.Lenient();

    public Option<bool> StrictUnknown { get; } = HostSymbols.StrictUnknown();

    public Option<bool> WarningsAsErrors { get; } = HostSymbols.WarningsAsErrors();

    public void AddTo(Command command)
    {
        command.Add(Kind);
        command.Add(Positionals);
        command.Add(Config);
        command.Add(Lenient);
        command.Add(StrictUnknown);
        command.Add(WarningsAsErrors);
    }

    /// <summary>The options of a resolution from the flags; <c>--lenient</c> with <c>--strict-unknown</c> is a usage error.</summary>
    public static ResolveOptions ReadOptions(HostContext context, ParseResult parse, Option<bool> lenient, Option<bool> strict, Option<bool> warningsAsErrors)
    {
        var isLenient = parse.GetValue(lenient);
        if (isLenient && parse.GetValue(strict))
        {
            throw new UsageException("--lenient and --strict-unknown cannot be used together");
        }

        return context.Host.CreateOptions(isLenient, parse.GetValue(warningsAsErrors));
    }

    /// <summary>Reads the kind, the request and (for <c>explain</c>) the paths.</summary>
    public (HostedKind Kind, ResolveRequest Request, IReadOnlyList<string> Paths) Read(ParseResult parse)
    {
        var kind = _context.FindKind(parse.GetValue(Kind) ?? string.Empty);
        var overrides = new List<string>();
        List<ArgumentPlace?>? places = null;
        var paths = new List<string>();
        foreach (var token in parse.GetValue(Positionals) ?? [])
        {
            if (token.Contains('=', StringComparison.Ordinal))
            {
                // An override read from a response file is placed at its line there; a typed one is cli arg #N.
                var place = _context.PlaceOf(token);
                if (place is not null && places is null)
                {
                    places = [.. Enumerable.Repeat<ArgumentPlace?>(null, overrides.Count)];
                }

                overrides.Add(token);
                places?.Add(place);
            }
            else if (_acceptsPaths)
            {
                paths.Add(token);
            }
            else
            {
                throw new UsageException(MessageText.Quoted(token) + " is not a KEY=VALUE override (give config files with -c FILE)");
            }
        }

        var options = ReadOptions(_context, parse, Lenient, StrictUnknown, WarningsAsErrors);
        return (kind, new ResolveRequest(parse.GetValue(Config) ?? [], overrides, options, places), paths);
    }
}
