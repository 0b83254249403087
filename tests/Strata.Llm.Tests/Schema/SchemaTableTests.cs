using Strata.Llm.Checkpoints;
using Strata.Schema;

namespace Strata.Llm.Tests.Schema;

/// <summary>The implemented schema against the field list of Fast-LLM's GPT trainer (TestData/gpt-schema-fields.tsv).</summary>
public sealed class SchemaTableTests
{
    private static readonly IReadOnlyList<string[]> s_rows = ReadTsv("gpt-schema-fields.tsv");
    private static readonly IReadOnlyList<string[]> s_differences = ReadTsv("gpt-schema-differences.tsv");
    private static readonly IReadOnlyDictionary<string, ConfigTypeInfo> s_types = CollectTypes();

    public static TheoryData<string, string> Fields()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in s_rows)
        {
            data.Add(row[0], row[1]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void Every_field_of_the_reference_exists_with_its_key_hint_architecture_flag_and_settability(string className, string key)
    {
        var row = s_rows.First(r => r[0] == className && r[1] == key);
        if (IsDifference(className, key, "field"))
        {
            return;
        }

        Assert.True(s_types.TryGetValue(className, out var type), className + " is not reachable from the GPT configs");
        if (row[6] == "no")
        {
            Assert.Contains(type.DerivedFields, d => d.Key == key);
            return;
        }

        var field = type.FindByKey(key);
        Assert.NotNull(field);
        Assert.Equal(row[4], field.Hint.Name());
        Assert.Equal(row[5] == "yes", field.IsArchitecture);
    }

    [Fact]
    public void Every_implemented_field_is_in_the_reference()
    {
        var reference = s_rows.Select(r => (r[0], r[1])).ToHashSet();
        foreach (var (name, type) in s_types)
        {
            foreach (var field in type.Fields)
            {
                Assert.True(reference.Contains((name, field.Key)) || IsDifference(name, field.Key, "added"), name + "." + field.Key + " is not in the reference");
            }

            foreach (var derived in type.DerivedFields)
            {
                Assert.True(reference.Contains((name, derived.Key)) || IsDifference(name, derived.Key, "added"), name + "." + derived.Key + " is not in the reference");
            }
        }
    }

    [Fact]
    public void Every_documented_difference_names_a_row_of_the_reference()
    {
        foreach (var difference in s_differences.Where(static d => d[2] != "added"))
        {
            Assert.Contains(s_rows, r => r[0] == difference[0] && r[1] == difference[1]);
        }
    }

    [Fact]
    public void Every_field_that_Strata_adds_is_implemented_and_not_in_the_reference()
    {
        foreach (var added in s_differences.Where(static d => d[2] == "added"))
        {
            Assert.DoesNotContain(s_rows, r => r[0] == added[0] && r[1] == added[1]);
            var type = s_types[added[0]];
            Assert.True(type.FindByKey(added[1]) is not null || type.DerivedFields.Any(d => d.Key == added[1]), added[0] + "." + added[1] + " is not implemented");
        }
    }

    /// <summary>DESIGN §7.12: a float holds a finite number unless its field says it may hold NaN or infinity, and none of the GPT family does.</summary>
    [Fact]
    public void Every_float_field_of_the_GPT_family_refuses_nan_and_infinity()
    {
        foreach (var (name, type) in s_types)
        {
            foreach (var field in type.Fields)
            {
                if (!HoldsFloats(field.ValueType))
                {
                    continue;
                }

                // The finite rule, or a range bounded on both sides (which NaN and the infinities are outside of).
                Assert.True(
                    field.Rules.Any(static r => r.Description is "finite" or "each finite" || (r.Minimum is not null && r.Maximum is not null)),
                    name + "." + field.Key + " accepts NaN or an infinity");
            }
        }
    }

    private static bool HoldsFloats(ConfigValueType type) => type.Shape switch
    {
        ValueShape.Number => true,
        ValueShape.Nullable or ValueShape.List or ValueShape.Set or ValueShape.Dictionary => type.ElementType is { } element && HoldsFloats(element),
        _ => false,
    };

    [Fact]
    public void Dataset_types_are_registered_under_their_names()
    {
        var root = s_types["GPTSampledDatasetConfig"];
        Assert.Equal(
            ["blended", "concatenated", "concatenated_memmap", "file", "fim", "legacy", "memmap", "random", "sampled", "slice", "test_slow"],
            root.Subtypes.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["concatenated", "concatenated_memmap", "memmap", "slice"],
            s_types["GPTIndexedDatasetConfig"].Subtypes.Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    private static bool IsDifference(string className, string key, string column) =>
        s_differences.Any(d => d[0] == className && d[1] == key && d[2] == column);

    private static Dictionary<string, ConfigTypeInfo> CollectTypes()
    {
        var types = new Dictionary<string, ConfigTypeInfo>(StringComparer.Ordinal);
        void Visit(ConfigTypeInfo info)
        {
            if (!types.TryAdd(info.Name, info))
            {
                return;
            }

            if (info.BaseType is { } baseType)
            {
                Visit(baseType);
            }

            foreach (var subtype in info.Subtypes)
            {
                Visit(subtype.TypeInfo);
            }

            foreach (var field in info.Fields)
            {
                if (field.ValueType.NestedConfig is { } nested)
                {
                    Visit(nested);
                }
            }
        }

        Visit(GPTTrainerConfig.TypeInfo);
        Visit(PretrainedGPTModelConfig.TypeInfo);
        Visit(CheckpointSaveConfig.TypeInfo);
        return types;
    }

    private static List<string[]> ReadTsv(string name) =>
        [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", name)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t'))];
}
