namespace Strata.Generators.Model;

/// <summary>Which form of a lifecycle hook (<c>Prepare</c>, <c>Derive</c>, <c>Validate</c>) a config class implements.</summary>
internal enum HookShape
{
    None,
    WithArgument,
    Parameterless,
}
