using System.CommandLine;
using Strata.Hosting.CommandLine;
using Strata.Schema;

namespace Strata.Hosting.Exporters;

/// <summary>
/// The verbs that write a document generated from a kind's schema, without resolving anything: <c>schema &lt;kind&gt;</c>
/// (a JSON Schema of its config files, for editors) and <c>docs &lt;kind&gt;</c> (a Markdown reference of every field).
/// Both take the kind and <c>-o FILE</c>; they differ only by their generator.
/// </summary>
internal static class ExportVerbs
{
    public static Command Schema(HostContext context) =>
        Create(context, "schema", "Write a JSON Schema of a kind's config files, for editors.", JsonSchemaWriter.Write);

    public static Command Docs(HostContext context) =>
        Create(context, "docs", "Write a Markdown reference of every field of a kind.", SchemaDocs.Markdown);

    private static Command Create(HostContext context, string name, string description, Func<string, string, ConfigTypeInfo, string> generate)
    {
        var kindArgument = HostSymbols.Kind(context);
        var output = HostSymbols.Output();
        var command = new Command(name, description) { kindArgument, output };
        HostCommandLine.SetAction(command, context, parse =>
        {
            var kind = context.FindKind(parse.GetValue(kindArgument) ?? string.Empty);
            HostOutput.Write(context, parse.GetValue(output), generate(kind.Name, kind.Description, kind.TypeInfo), []);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Every config class reachable from the root, breadth first, each once; subtypes follow their base.</summary>
    public static List<ConfigTypeInfo> Reachable(ConfigTypeInfo root)
    {
        var order = new List<ConfigTypeInfo>();
        var seen = new HashSet<ConfigTypeInfo>(ReferenceEqualityComparer.Instance);
        var queue = new Queue<ConfigTypeInfo>();
        Enqueue(root);
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            order.Add(type);
            foreach (var subtype in type.Subtypes)
            {
                Enqueue(subtype.TypeInfo);
            }

            foreach (var field in type.Fields)
            {
                if (field.ValueType.NestedConfig is { } nested)
                {
                    Enqueue(nested);
                }
            }
        }

        return order;

        void Enqueue(ConfigTypeInfo type)
        {
            if (seen.Add(type))
            {
                queue.Enqueue(type);
            }
        }
    }
}
