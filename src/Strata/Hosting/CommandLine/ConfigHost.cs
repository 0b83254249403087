using Strata.Hosting.CommandLine;

namespace Strata.Hosting;

/// <summary>
/// The command line of a program's configs: register each root config class as a <em>kind</em>, then hand the
/// arguments to <see cref="Run(string[])"/>. Every host gets the same verbs, options, output streams and exit codes as
/// the <c>strata</c> tool (DESIGN §5): <c>resolve</c>, <c>validate</c>, <c>explain</c>, <c>diff</c>, <c>schema</c>,
/// <c>docs</c>, <c>kinds</c>, and <c>run</c> when a kind has a run action.
/// </summary>
/// <example>
/// <code>
/// var host = new ConfigHost("myapp", "Trains my model.")
///     .AddKind&lt;MyConfig&gt;("my-kind", "A training run.", run: (resolved, ct) =&gt; Train(resolved.Config, ct));
/// return host.Run(args);
/// </code>
/// </example>
/// <remarks>
/// Exit codes: 0 when the config is valid (or the run action's own code), 1 when the config or an input is invalid,
/// 2 for a usage error (unknown verb, kind or option). The requested document goes to the output stream and nothing
/// else does; diagnostics go to the error stream, one compiler-like line each, followed by a count. Nothing here uses
/// reflection: each kind captures a resolver for its class, so hosts publish with NativeAOT.
/// </remarks>
public sealed class ConfigHost
{
    private readonly List<HostedKind> _kinds = [];
    private readonly List<(string Name, Func<HostVerbContext, System.CommandLine.Command> Create)> _verbs = [];

    /// <summary>Creates a host.</summary>
    /// <param name="name">The program name shown in help and messages, such as <c>myapp</c>.</param>
    /// <param name="description">The one-line description shown in help, or <see langword="null"/>.</param>
    public ConfigHost(string name, string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Description = description;
    }

    /// <summary>The program name shown in help and messages.</summary>
    public string Name { get; }

    /// <summary>The description shown in help.</summary>
    public string? Description { get; }

    /// <summary>The names of the registered kinds, in registration order.</summary>
    public IReadOnlyList<string> KindNames => HostedKind.Names(_kinds);

    /// <summary>
    /// The environment variables that declared bindings read; <see langword="null"/> (the default) reads the process
    /// environment. Tests and reproducible runs pass a fixed dictionary.
    /// </summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    /// <summary>Services given to preparation hooks (for example checkpoint readers), or <see langword="null"/>.</summary>
    public IServiceProvider? Services { get; init; }

    /// <summary>Registers a root config class under a kind name, for the inspection verbs only.</summary>
    /// <typeparam name="T">The root config class.</typeparam>
    /// <param name="name">The kind name used on the command line, such as <c>gpt-trainer</c>.</param>
    /// <param name="description">A one-line description shown by <c>kinds</c> and in help.</param>
    /// <returns>This host.</returns>
    public ConfigHost AddKind<T>(string name, string description)
        where T : ConfigObject, IConfig<T> =>
        Add(HostedKind.Create<T>(name, description, run: null));

    /// <summary>Registers a root config class under a kind name, with the action that <c>run</c> starts on a resolved config.</summary>
    /// <typeparam name="T">The root config class.</typeparam>
    /// <param name="name">The kind name used on the command line, such as <c>gpt-trainer</c>.</param>
    /// <param name="description">A one-line description shown by <c>kinds</c> and in help.</param>
    /// <param name="run">The program's work on a valid, frozen config; its result is the process exit code.</param>
    /// <returns>This host.</returns>
    public ConfigHost AddKind<T>(string name, string description, Func<Resolved<T>, CancellationToken, Task<int>> run)
        where T : ConfigObject, IConfig<T>
    {
        ArgumentNullException.ThrowIfNull(run);
        return Add(HostedKind.Create(name, description, run));
    }

    /// <summary>Registers a root config class under a kind name, with a synchronous action that <c>run</c> starts on a resolved config.</summary>
    /// <typeparam name="T">The root config class.</typeparam>
    /// <param name="name">The kind name used on the command line, such as <c>gpt-trainer</c>.</param>
    /// <param name="description">A one-line description shown by <c>kinds</c> and in help.</param>
    /// <param name="run">The program's work on a valid, frozen config; its result is the process exit code.</param>
    /// <returns>This host.</returns>
    public ConfigHost AddKind<T>(string name, string description, Func<Resolved<T>, CancellationToken, int> run)
        where T : ConfigObject, IConfig<T>
    {
        ArgumentNullException.ThrowIfNull(run);
        return Add(HostedKind.Create<T>(name, description, (resolved, token) => Task.FromResult(run(resolved, token))));
    }

    /// <summary>
    /// Adds a verb of the program's own (a checkpoint conversion, for example) next to the config verbs: listed after
    /// <c>docs</c> in help, parsed with the same rules (unknown options, response files, usage errors with exit code 2).
    /// </summary>
    /// <param name="name">
    /// The verb's name on the command line, the name of the command that <paramref name="create"/> makes: a command line
    /// that names another verb never creates this one.
    /// </param>
    /// <param name="create">
    /// Creates the verb's command; called at most once per invocation, since a command belongs to one command tree. The
    /// context gives the streams, the host's diagnostic printing and the resolve inputs of the config verbs; set the
    /// command's action with <see cref="HostVerbContext.SetAction"/>.
    /// </param>
    /// <returns>This host.</returns>
    public ConfigHost AddVerb(string name, Func<HostVerbContext, System.CommandLine.Command> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        _verbs.Add((name, create));
        return this;
    }

    /// <summary>Runs the command line on the console: the document on standard output, diagnostics on standard error.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <returns>The exit code: 0 valid, 1 invalid config or input, 2 usage error, or the run action's code.</returns>
    public int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    /// <summary>Runs the command line on the console: the document on standard output, diagnostics on standard error.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="cancellationToken">Cancels a running <c>run</c> action.</param>
    /// <returns>The exit code: 0 valid, 1 invalid config or input, 2 usage error, or the run action's code.</returns>
    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var console = new HostConsole(Console.Out, Console.Error, HostConsole.DetectColor());

        // Only the process's own arguments have bytes to compare with: .NET replaced what was not UTF-8 with U+FFFD.
        return RunAsync(args, console, ArgumentEncoding.FindInvalidUtf8(args), cancellationToken);
    }

    /// <summary>Runs the command line with the given streams, without colour (for tests and embedding).</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="output">Receives the requested document.</param>
    /// <param name="error">Receives the diagnostics and messages.</param>
    /// <param name="cancellationToken">Cancels a running <c>run</c> action.</param>
    /// <returns>The exit code: 0 valid, 1 invalid config or input, 2 usage error, or the run action's code.</returns>
    public Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        return RunAsync(args, new HostConsole(output, error, UseColor: false), encodingProblem: null, cancellationToken);
    }

    private async Task<int> RunAsync(IReadOnlyList<string> args, HostConsole console, string? encodingProblem, CancellationToken cancellationToken)
    {
        try
        {
            return await HostCommandLine.InvokeAsync(this, _kinds, console, args, encodingProblem, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await console.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
            await console.Error.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private ConfigHost Add(HostedKind kind)
    {
        foreach (var known in _kinds)
        {
            if (string.Equals(known.Name, kind.Name, StringComparison.Ordinal))
            {
                throw new ArgumentException("A kind named '" + kind.Name + "' is already registered.", nameof(kind));
            }
        }

        _kinds.Add(kind);
        return this;
    }

    internal IReadOnlyList<(string Name, Func<HostVerbContext, System.CommandLine.Command> Create)> Verbs => _verbs;

    internal ResolveOptions CreateOptions(bool lenient, bool warningsAsErrors) => new()
    {
        LenientUnknownKeys = lenient,
        WarningsAsErrors = warningsAsErrors,
        Environment = Environment,
        Services = Services,
    };
}
