using Strata.Generators.Diagnostics;

namespace Strata.Generators.Model;

/// <summary>
/// What the parser learns from one <c>[Config]</c> class. The generator splits it into independent pipelines: the model
/// (code), the registry entry (subtypes), and the diagnostics, which alone carry positions.
/// </summary>
/// <param name="Model">The class model, or <see langword="null"/> when the class cannot be generated.</param>
/// <param name="Registry">The registry entry, or <see langword="null"/> when the class cannot be generated.</param>
/// <param name="TypeNameSite">Where its <c>type</c> name is declared, if it has one.</param>
/// <param name="Diagnostics">The problems found.</param>
internal sealed record ParseResult(
    ConfigClassModel? Model,
    RegistryEntry? Registry,
    TypeNameSite? TypeNameSite,
    EquatableArray<DiagnosticInfo> Diagnostics);
