using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Strata.Generators.Diagnostics;
using Strata.Generators.Emitting;
using Strata.Generators.Model;
using Strata.Generators.Parsing;

namespace Strata.Generators;

/// <summary>
/// Implements <c>[Config]</c> classes: their partial properties, their schema and their lifecycle hooks, plus one
/// registry of polymorphic subtypes for the compilation.
/// </summary>
/// <remarks>
/// Four pipelines leave the parser. Each class's source depends only on its own model, which holds no position, so
/// editing one file or moving a line regenerates nothing else; the registry depends on the small registry entries of
/// all classes; diagnostics, which alone carry positions, are reported apart.
/// </remarks>
[Generator(LanguageNames.CSharp)]
internal sealed class ConfigGenerator : IIncrementalGenerator
{
    private const string ConfigAttribute = "Strata.ConfigAttribute";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var results = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ConfigAttribute,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (syntaxContext, cancellationToken) => ConfigParser.Parse(syntaxContext, cancellationToken))
            .WithTrackingName(TrackingNames.ParseResults);

        var models = results
            .Where(static r => r.Model is not null)
            .Select(static (r, _) => r.Model!) // Filtered on a model above.
            .WithTrackingName(TrackingNames.Models);
        context.RegisterSourceOutput(models, static (output, model) =>
            output.AddSource(model.Declaration.HintName, SourceText.From(ConfigEmitter.Emit(model), System.Text.Encoding.UTF8)));

        var registry = results
            .Where(static r => r.Registry is not null)
            .Select(static (r, _) => r.Registry!) // Filtered on an entry above.
            .Collect()
            .Select(static (entries, _) => entries.ToEquatableArray())
            .WithTrackingName(TrackingNames.Registry);
        context.RegisterSourceOutput(registry, static (output, entries) =>
            output.AddSource(RegistryEmitter.HintName, SourceText.From(RegistryEmitter.Emit(entries), System.Text.Encoding.UTF8)));

        var diagnostics = results
            .Select(static (r, _) => r.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (output, infos) =>
        {
            foreach (var info in infos)
            {
                output.ReportDiagnostic(info.ToDiagnostic());
            }
        });

        var typeNames = results
            .Where(static r => r.TypeNameSite is not null)
            .Select(static (r, _) => r.TypeNameSite!) // Filtered on a site above.
            .Collect()
            .Select(static (sites, _) => sites.ToEquatableArray())
            .WithTrackingName(TrackingNames.TypeNames);
        context.RegisterSourceOutput(typeNames, static (output, sites) =>
        {
            foreach (var info in TypeNameChecker.FindDuplicates(sites))
            {
                output.ReportDiagnostic(info.ToDiagnostic());
            }
        });
    }
}
