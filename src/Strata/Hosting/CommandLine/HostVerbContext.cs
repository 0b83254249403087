using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using Strata.Hosting.CommandLine;

namespace Strata.Hosting;

/// <summary>
/// What a verb of the program's own (<see cref="ConfigHost.AddVerb"/>) gets from its host: the streams, the raw
/// arguments, the resolve inputs of the config verbs, and the host's way of reporting diagnostics, errors and usage
/// mistakes, so that the verb reads like the config verbs (compiler-like diagnostic lines and a count on the error
/// stream, the same exit codes).
/// </summary>
public sealed class HostVerbContext
{
    private readonly HostContext _context;

    internal HostVerbContext(HostContext context) => _context = context;

    /// <summary>The host, with its name, environment and services.</summary>
    public ConfigHost Host => _context.Host;

    /// <summary>Receives the requested document, and nothing else.</summary>
    public TextWriter Output => _context.Console.Output;

    /// <summary>Receives diagnostics and messages.</summary>
    public TextWriter Error => _context.Console.Error;

    /// <summary>The arguments as given, before response files (<c>@FILE</c>) are expanded.</summary>
    public IReadOnlyList<string> Arguments => _context.Arguments;

    /// <summary>
    /// Adds the inputs of the resolving verbs to a command, as <c>validate</c> has them: the kind argument (one of the
    /// host's kinds), positional <c>KEY=VALUE</c> overrides, <c>-c FILE</c>, <c>--lenient</c>,
    /// <c>--strict-unknown</c> and <c>--warnings-as-errors</c>. The verb's action reads them with
    /// <see cref="ResolveInputs.Read(System.CommandLine.ParseResult)"/> and resolves the request with <see cref="TryResolve"/>.
    /// </summary>
    /// <param name="command">The verb's command.</param>
    /// <returns>The inputs, to read from the verb's parse result.</returns>
    public ResolveInputs AddResolveInputs(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new ResolveInputs(_context, command, acceptsPaths: false);
    }

    /// <summary>
    /// Resolves a request as the config verbs do: the kind's files, then its overrides (one read from a response file is
    /// placed at its line there, <see cref="Origin.FromResponseFile"/>; a typed one is <c>cli arg #N</c>).
    /// </summary>
    /// <param name="request">The request read from the verb's command line.</param>
    /// <param name="resolved">The resolved config, when valid; its <see cref="Resolved.Config"/> is of the kind's class.</param>
    /// <param name="diagnostics">Every diagnostic, in the order of their places (the inputs in the order given, then line and column).</param>
    /// <returns>Whether the config is valid.</returns>
    public bool TryResolve(ResolveRequest request, [NotNullWhen(true)] out Resolved? resolved, out IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = _context.FindKind(request.Kind).Resolve(request);
        resolved = outcome.Resolved;
        diagnostics = outcome.Diagnostics;
        return resolved is not null;
    }

    /// <summary>
    /// Writes the diagnostics one compiler-like line each, at most 100 (the errors kept first, in the order given), then
    /// the count line of them all (coloured when the host colours).
    /// </summary>
    /// <param name="diagnostics">The diagnostics, in the order found.</param>
    /// <param name="always">Whether to write the count line even when there is nothing to report.</param>
    public void WriteDiagnostics(IReadOnlyList<Diagnostic> diagnostics, bool always = false)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        _context.Printer.Write(diagnostics, always);
    }

    /// <summary>Writes a message that is not about a config (<c>program: error: message</c>); the verb then returns 1.</summary>
    /// <param name="message">The message.</param>
    public void WriteError(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _context.Printer.WriteError(_context.Host.Name, message);
    }

    /// <summary>Reports a mistake in the command line found by the verb, with the hint to its help, and returns the usage exit code (2).</summary>
    /// <param name="parse">The parse result of the verb.</param>
    /// <param name="message">What is wrong.</param>
    /// <returns>2.</returns>
    public int Usage(ParseResult parse, string message)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(message);
        return HostCommandLine.ReportUsage(_context, parse, message);
    }

    /// <summary>
    /// Sets the verb's action as the host sets its own: a <see cref="ConfigException"/> is printed as diagnostics and an
    /// unreadable or unwritable file as an error line, both with exit code 1, and a usage mistake found by
    /// <see cref="ResolveInputs.Read(System.CommandLine.ParseResult)"/> as a usage error with exit code 2, never as a stack trace.
    /// </summary>
    /// <param name="command">The verb's command.</param>
    /// <param name="action">The verb's work; its result is the exit code (0 done, 1 invalid input, 2 usage error).</param>
    public void SetAction(Command command, Func<ParseResult, CancellationToken, Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(action);
        HostCommandLine.SetAction(command, _context, action);
    }
}
