namespace Strata.Generators.Model;

/// <summary>A lifecycle hook implemented by the user as a partial method.</summary>
/// <param name="Shape">Whether and how the class implements it.</param>
/// <param name="Accessibility">The accessibility modifiers written on the user's part, which the declaration must repeat.</param>
/// <param name="NeedsDeclaration">Whether the generator writes the defining declaration (the user wrote only the body).</param>
internal sealed record HookModel(HookShape Shape, string Accessibility, bool NeedsDeclaration)
{
    public static HookModel None { get; } = new(HookShape.None, string.Empty, NeedsDeclaration: false);
}
