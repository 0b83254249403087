using Strata.Schema;

namespace Strata.Resolution;

/// <summary>Walks the graph of config objects, linking each child to its parent and path step on the way.</summary>
internal static class ConfigGraph
{
    public static List<(ConfigObject Child, string Step)> Children(ConfigObject config)
    {
        var children = new List<(ConfigObject Child, string Step)>();
        foreach (var field in config.ConfigType.Fields)
        {
            if (field.ValueType.NestedConfig is not null)
            {
                field.CollectChildren(config, children);
            }
        }

        foreach (var (child, step) in children)
        {
            child.AttachTo(config, step);
        }

        return children;
    }

    public static void PreOrder(ConfigObject root, Action<ConfigObject> visit)
    {
        visit(root);
        foreach (var (child, _) in Children(root))
        {
            PreOrder(child, visit);
        }
    }

    public static void PostOrder(ConfigObject root, Action<ConfigObject> visit)
    {
        foreach (var (child, _) in Children(root))
        {
            PostOrder(child, visit);
        }

        visit(root);
    }
}
