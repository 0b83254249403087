using Strata.Hosting.Explain;
using Strata.Provenance;
using Strata.Tests.Model;

namespace Strata.Tests.Provenance;

/// <summary>
/// The inputs of a value a hook set are the fields its hook read (through the generated getters) since the previous value
/// the same hook set, as full dotted paths (<see cref="ValueProvenance.DependsOn"/>); <c>explain</c> shows them.
/// </summary>
public sealed class DependsOnTests
{
    private static Resolved<WhyRootConfig> Resolve(string yaml = "width: 4\n", IReadOnlyDictionary<string, string?>? environment = null) =>
        new ConfigResolver<WhyRootConfig>(new ResolveOptions { Environment = environment ?? new Dictionary<string, string?>() })
            .AddYaml(yaml, "why.yaml")
            .Resolve();

    private static ValueProvenance Entry(Resolved resolved, string path) => resolved.Explain().Single(p => p.Path == path);

    [Fact]
    public void A_value_derived_from_fields_of_its_own_config_depends_on_them()
    {
        Assert.Equal(["width", "height"], Entry(Resolve(), "area").DependsOn);
    }

    [Fact]
    public void A_hook_that_sets_two_values_from_different_inputs_gives_each_its_own()
    {
        var resolved = Resolve();

        Assert.Equal(["width", "height"], Entry(resolved, "area").DependsOn);
        Assert.Equal(["depth"], Entry(resolved, "half").DependsOn);
    }

    [Fact]
    public void A_value_derived_from_children_depends_on_their_full_paths()
    {
        Assert.Equal(["left.scaled", "right.scaled"], Entry(Resolve(), "total").DependsOn);
    }

    [Fact]
    public void A_value_a_parent_prepared_depends_on_the_parent_field_it_read()
    {
        var resolved = Resolve();

        Assert.Equal(["width"], Entry(resolved, "left.factor").DependsOn);
        Assert.Equal(OriginKind.Derived, Entry(resolved, "left.factor").Origin.Kind);
        Assert.Equal(["left.size", "left.factor"], Entry(resolved, "left.scaled").DependsOn);
    }

    [Fact]
    public void A_value_derived_from_another_branch_depends_on_that_branch_s_field()
    {
        var resolved = Resolve();

        Assert.Equal(["left.size"], Entry(resolved, "right.from_sibling").DependsOn);
        Assert.Empty(Entry(resolved, "left.from_sibling").DependsOn);
    }

    [Fact]
    public void A_constant_depends_on_nothing_even_right_after_another_hook_read_values()
    {
        // The children's hooks ran just before and read their notes after their last assignment.
        Assert.Empty(Entry(Resolve(), "constant").DependsOn);
    }

    [Fact]
    public void A_read_of_the_field_itself_is_no_input_and_keeps_the_inputs_of_the_value_it_replaced()
    {
        var resolved = Resolve("width: 10\n");

        Assert.Equal(10, resolved.Config.Padded);
        Assert.Equal(["width"], Entry(resolved, "padded").DependsOn);
    }

    [Fact]
    public void An_environment_variable_the_hook_read_is_an_input_by_its_name()
    {
        var resolved = Resolve(environment: new Dictionary<string, string?> { ["WHY_THREADS"] = "6" });

        Assert.Equal(6, resolved.Config.Threads);
        Assert.Equal(["env WHY_THREADS"], Entry(resolved, "threads").DependsOn);
    }

    [Fact]
    public void A_computed_field_depends_on_what_it_reads()
    {
        Assert.Equal(["area", "depth"], Entry(Resolve(), "volume").DependsOn);
    }

    [Fact]
    public async Task Code_that_locks_the_graph_of_a_resolved_config_does_not_block_the_inputs_of_a_computed_field()
    {
        var resolved = Resolve();
        var graph = resolved.Config.Graph!;
        using var taken = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var token = TestContext.Current.CancellationToken;
        var holder = Task.Run(
            () =>
            {
                lock (graph)
                {
                    taken.Set();
                    release.Wait(TimeSpan.FromSeconds(30));
                }
            },
            token);
        try
        {
            Assert.True(taken.Wait(TimeSpan.FromSeconds(10), token));
            var explain = Task.Run(() => Entry(resolved, "volume").DependsOn, token);
            Assert.Same(explain, await Task.WhenAny(explain, Task.Delay(TimeSpan.FromSeconds(5), token)));
            Assert.Equal(["area", "depth"], await explain);
        }
        finally
        {
            release.Set();
            await holder;
        }
    }

    [Fact]
    public void Values_no_hook_set_have_no_inputs()
    {
        var resolved = Resolve("width: 4\nleft: {scaled: 3}\n");

        Assert.Empty(Entry(resolved, "width").DependsOn);
        Assert.Empty(Entry(resolved, "height").DependsOn);
        Assert.Empty(Entry(resolved, "left.scaled").DependsOn);
        Assert.Equal(["left.scaled", "right.scaled"], Entry(resolved, "total").DependsOn);
    }

    [Fact]
    public void Reads_outside_hooks_are_not_recorded_and_cost_nothing_afterwards()
    {
        var resolved = Resolve();
        var graph = resolved.Config.Graph;

        Assert.NotNull(graph);
        Assert.Null(graph.Reads);
        _ = resolved.Config.Width + resolved.Config.Left.Size;
        Assert.Null(graph.Reads);
    }

    [Fact]
    public void A_config_made_by_program_code_reads_without_a_recorder()
    {
        var config = new WhyRootConfig { Width = 2 };

        Assert.Equal(2, config.Width);
        Assert.Null(config.Graph);
    }

    [Fact]
    public void The_table_names_each_input_with_its_place_after_the_derived_origin()
    {
        var resolved = Resolve("width: 4\n");
        var table = ExplainWriter.Table([Entry(resolved, "area"), Entry(resolved, "total")], []);

        Assert.Contains("derived from width (why.yaml:1:8), height (default)", table, StringComparison.Ordinal);
        Assert.Contains("derived from left.scaled (derived), right.scaled (derived)", table, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_of_a_derived_value_lists_its_inputs_as_depends_on()
    {
        var resolved = Resolve();
        var json = ExplainWriter.Json([Entry(resolved, "area"), Entry(resolved, "width")]);

        using var document = System.Text.Json.JsonDocument.Parse(json);
        var area = document.RootElement[0];
        Assert.Equal(["width", "height"], area.GetProperty("depends_on").EnumerateArray().Select(static e => e.GetString()));
        Assert.False(document.RootElement[1].TryGetProperty("depends_on", out _));
    }

    [Fact]
    public void Why_walks_the_chain_down_to_the_layers_and_shows_a_shared_input_once()
    {
        var resolved = Resolve("width: 4\n");
        var text = WhyWriter.Text([Entry(resolved, "total")], [], []);

        Assert.Equal(
            """
            total = 8  (derived)
              left.scaled = 8  (derived)
                left.size = 2  (default)
                left.factor = 4  (derived)
                  width = 4  (why.yaml:1:8)
              right.scaled = 0  (derived)
                right.size = 2  (default)
                right.factor = 0  (default)

            """,
            text);
    }

    [Fact]
    public void Why_names_a_constant_and_marks_an_input_met_before()
    {
        var resolved = Resolve("width: 4\n");
        var text = WhyWriter.Text([Entry(resolved, "constant"), Entry(resolved, "area"), Entry(resolved, "padded")], [], []);

        Assert.Equal(
            """
            constant = 9  (derived, from no other value)
            area = 20  (derived)
              width = 4  (why.yaml:1:8)
              height = 5  (default)
            padded = 8  (derived)
              width  (shown above)

            """,
            text);
    }

    [Fact]
    public void Why_follows_an_interpolation_to_the_value_it_took_and_down_to_its_layer()
    {
        var resolved = Resolve("width: 4\ndepth: ${height}\nheight: 6\n");
        var all = resolved.Explain();
        var text = WhyWriter.Text([Entry(resolved, "half"), Entry(resolved, "depth")], [], all);

        Assert.Equal(
            """
            half = 3  (derived)
              depth = 6  (interpolation of height (why.yaml:2:8))
                height = 6  (why.yaml:3:9)
            depth  (shown above)

            """,
            text);
        Assert.Equal(["half", "depth", "height"], WhyWriter.Values([Entry(resolved, "half")], all).Select(static v => v.Path));
    }

    [Fact]
    public void Why_is_bounded_in_lines_however_many_values_are_asked()
    {
        var resolved = Resolve();
        var all = resolved.Explain();
        var many = Enumerable.Repeat(all, 200).SelectMany(static a => a).ToList();

        var text = WhyWriter.Text(many, [], []);

        Assert.True(text.Split('\n').Length <= WhyWriter.MaxLines + 2);
        Assert.EndsWith("more lines left out)\n", text, StringComparison.Ordinal);
    }
}
