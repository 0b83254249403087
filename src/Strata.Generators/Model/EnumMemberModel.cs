namespace Strata.Generators.Model;

/// <summary>An enum member as a config value: its YAML name, its C# name and the aliases accepted on input.</summary>
internal sealed record EnumMemberModel(string YamlName, string MemberName, EquatableArray<string> Aliases);
