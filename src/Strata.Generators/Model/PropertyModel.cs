namespace Strata.Generators.Model;

/// <summary>What the implementing part of a partial property must repeat from its declaring part.</summary>
/// <param name="Name">The property name.</param>
/// <param name="TypeName">The fully qualified type, with nullable annotations.</param>
/// <param name="Modifiers">The property's modifiers as written (<c>public partial</c>).</param>
/// <param name="GetterModifiers">The getter's modifiers as written, usually empty.</param>
/// <param name="SetterModifiers">The setter's modifiers as written.</param>
/// <param name="SetterKeyword"><c>set</c>, <c>init</c>, or <see langword="null"/> when the property has no setter.</param>
internal sealed record PropertyModel(string Name, string TypeName, string Modifiers, string GetterModifiers, string SetterModifiers, string? SetterKeyword);
