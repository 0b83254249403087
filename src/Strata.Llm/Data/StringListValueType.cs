using Strata.Schema;
using Strata.Tree;

namespace Strata.Llm.Data;

/// <summary>A list of strings where a single string is accepted as a one-element list (the legacy <c>path</c> fields). Always written as a list.</summary>
public sealed class StringListValueType : ConfigValueType<IList<string>>
{
    private static readonly ConfigValueType<IList<string>> s_list = ValueTypes.List(ValueTypes.String);

    /// <inheritdoc />
    public override string DisplayName => "list[str]|str";

    /// <inheritdoc />
    public override ValueShape Shape => ValueShape.List;

    /// <inheritdoc />
    public override ConfigValueType? ElementType => ValueTypes.String;

    /// <inheritdoc />
    public override bool TryRead(ConfigNode node, ValueReadContext context, out IList<string> value) =>
        s_list.TryRead(node is ConfigScalar { IsNull: false } scalar ? new ConfigSequence([scalar], scalar.Origin) : node, context, out value);

    /// <inheritdoc />
    public override ConfigNode Write(IList<string> value, ValueWriteContext context) => s_list.Write(value, context);

    /// <inheritdoc />
    public override bool ValueEquals(IList<string> left, IList<string> right) => s_list.ValueEquals(left, right);

    /// <inheritdoc />
    public override IList<string> Freeze(IList<string> value) => s_list.Freeze(value);
}
