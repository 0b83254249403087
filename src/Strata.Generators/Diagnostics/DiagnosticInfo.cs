using Microsoft.CodeAnalysis;
using Strata.Generators.Model;

namespace Strata.Generators.Diagnostics;

/// <summary>An equatable description of a diagnostic to report: descriptor, position and message arguments.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor, location, arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location?.ToLocation(), Arguments.Cast<object?>().ToArray());
}
