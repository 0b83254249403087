namespace Strata;

/// <summary>Collects diagnostics during one resolution; never shared between threads.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public int ErrorCount { get; private set; }

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => ErrorCount > 0;

    public void Add(Diagnostic diagnostic)
    {
        _items.Add(diagnostic);
        if (diagnostic.Severity == DiagnosticSeverity.Error)
        {
            ErrorCount++;
        }
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            Add(d);
        }
    }

    public void Error(string code, string path, Origin? origin, string message) =>
        Add(new Diagnostic(DiagnosticSeverity.Error, code, path, origin, message));

    public void Warning(string code, string path, Origin? origin, string message) =>
        Add(new Diagnostic(DiagnosticSeverity.Warning, code, path, origin, message));

    public void Info(string code, string path, Origin? origin, string message) =>
        Add(new Diagnostic(DiagnosticSeverity.Info, code, path, origin, message));
}
