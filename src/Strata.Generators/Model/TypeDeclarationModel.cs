namespace Strata.Generators.Model;

/// <summary>Where a config class is declared: enough to reopen it in generated code.</summary>
/// <param name="Namespace">The namespace, or <see langword="null"/> for the global namespace.</param>
/// <param name="ContainingTypes">The types it is nested in, outermost first.</param>
/// <param name="Name">The class name.</param>
/// <param name="FullyQualifiedName">The <c>global::</c> name.</param>
internal sealed record TypeDeclarationModel(string? Namespace, EquatableArray<ContainingTypeModel> ContainingTypes, string Name, string FullyQualifiedName)
{
    /// <summary>A file name unique to the class.</summary>
    public string HintName => FullyQualifiedName.Replace("global::", string.Empty) + ".g.cs";
}
