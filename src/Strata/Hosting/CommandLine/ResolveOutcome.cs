namespace Strata.Hosting.CommandLine;

/// <summary>The result of one resolution: the resolved config when valid, and every diagnostic either way.</summary>
/// <param name="Resolved">The resolved config, or <see langword="null"/> when the inputs are invalid.</param>
/// <param name="Diagnostics">Every diagnostic, in the order of their places (see DiagnosticOrder).</param>
/// <param name="FilesRead">Every file the resolution read (config files, checkpoint files), which an output must not replace.</param>
internal sealed record ResolveOutcome(Resolved? Resolved, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> FilesRead);
