using System.CommandLine.Parsing;
using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using Strata.Hosting;
using Strata.Hosting.CommandLine;
using Strata.Sources;

namespace Strata.Cli.Tests.Hosting;

/// <summary>
/// Response files are expanded by the host: read like config files (size, time and encoding limits), tokenised as
/// System.CommandLine 2.0 did, refused when they include each other, nest too deep or hold too much, and every argument
/// read keeps its file and line, which becomes the origin of the overrides it holds.
/// </summary>
public sealed class ResponseFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Rsp(string name, string text) => _dir.Write(name, text);

    private static void AssertUsage(HostResult result, string message)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal("jobs: error: " + message + "\nRun 'jobs --help' for usage.\n", result.Error);
    }

    [Fact]
    public async Task A_response_file_that_includes_itself_is_a_usage_error_naming_the_chain()
    {
        var self = Rsp("self.rsp", "steps=2\n@" + Path.Combine(_dir.Path, "self.rsp") + "\n");

        var result = await TestHost.Run("validate", "job", "@" + self);

        AssertUsage(result, self + ":2: response files include each other: " + self + " -> " + self);
    }

    [Fact]
    public async Task Two_response_files_that_include_each_other_are_a_usage_error_naming_the_chain()
    {
        var a = Path.Combine(_dir.Path, "a.rsp");
        var b = Rsp("b.rsp", "# b\n@" + a + "\n");
        Rsp("a.rsp", "@" + b + "\n");

        var result = await TestHost.Run("validate", "job", "@" + a);

        AssertUsage(result, b + ":2: response files include each other: " + a + " -> " + b + " -> " + a);
    }

    [Fact]
    public async Task The_same_file_named_twice_side_by_side_is_no_recursion()
    {
        var common = Rsp("common.rsp", "steps=3\n");
        var both = Rsp("both.rsp", "@" + common + " @" + common + "\n");

        var result = await TestHost.Run("resolve", "job", "@" + both);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("steps: 3\n", result.Output);
    }

    [Fact]
    public async Task Response_files_nesting_deeper_than_the_limit_are_a_usage_error()
    {
        var depth = ResponseFileExpander.MaxNesting + 1;
        for (var i = depth; i >= 1; i--)
        {
            Rsp(i + ".rsp", i == depth ? "steps=2\n" : "@" + Path.Combine(_dir.Path, (i + 1) + ".rsp") + "\n");
        }

        var result = await TestHost.Run("validate", "job", "@" + Path.Combine(_dir.Path, "1.rsp"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("jobs: error: " + Path.Combine(_dir.Path, ResponseFileExpander.MaxNesting + ".rsp") + ":1: response files nest deeper than the limit of 16 levels: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(" -> " + Path.Combine(_dir.Path, depth + ".rsp") + "\n", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_named_as_a_response_file_is_a_usage_error()
    {
        var result = await TestHost.Run("validate", "job", "@" + _dir.Path);

        AssertUsage(result, _dir.Path + ": cannot read the response file: is a directory, not a file");
    }

    [Fact]
    public async Task A_missing_response_file_is_a_usage_error()
    {
        var missing = Path.Combine(_dir.Path, "missing.rsp");

        var result = await TestHost.Run("validate", "job", "@" + missing);

        AssertUsage(result, missing + ": cannot read the response file: file not found");
    }

    [Fact]
    public async Task A_response_file_that_is_not_utf8_is_refused_at_the_first_bad_byte()
    {
        var path = Path.Combine(_dir.Path, "latin1.rsp");
        File.WriteAllBytes(path, [.. "steps=2\nname="u8, 0xE9, .. "t\n"u8]);

        var result = await TestHost.Run("validate", "job", "@" + path);

        AssertUsage(result, path + ":2:6: cannot read the response file: the file is not valid UTF-8 (byte 0xE9); save it as UTF-8");
    }

    [Fact]
    public void A_response_file_larger_than_the_size_limit_is_refused_without_reading_more_than_the_limit()
    {
        var path = Rsp("big.rsp", "steps=2\n" + new string('#', 200) + "\n");

        Assert.False(ResponseFileExpander.TryExpand(["@" + path], new SourceLimits { MaxFileBytes = 100 }, out _, out var problem));

        Assert.Equal(path + ": cannot read the response file: the file is larger than the limit of 100 bytes", problem);
    }

    [Fact]
    public void A_response_file_naming_one_small_file_a_hundred_thousand_times_is_refused_at_the_bound_of_files_read()
    {
        // Within the bound of arguments, each line opened and read the file again: 7 s for 100 000 lines.
        var leaf = Rsp("leaf.rsp", "steps=2\n");
        var path = Rsp("many.rsp", string.Concat(Enumerable.Repeat("@" + leaf + "\n", 100_000)));
        var watch = Stopwatch.StartNew();

        Assert.False(ResponseFileExpander.TryExpand(["@" + path], SourceLimits.Default, out _, out var problem));

        Assert.Equal(path + ":1000: more than the limit of 1000 response files read in all", problem);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), "took " + watch.Elapsed);
        Assert.True(ResponseFileExpander.TryExpand(["@" + Rsp("enough.rsp", string.Concat(Enumerable.Repeat("@" + leaf + "\n", ResponseFileExpander.MaxFiles - 1)))], SourceLimits.Default, out var expanded, out _));
        Assert.Equal(ResponseFileExpander.MaxFiles - 1, expanded.Tokens.Count);
    }

    [Fact]
    public void An_endless_device_is_refused_after_the_size_limit()
    {
        var watch = Stopwatch.StartNew();

        Assert.False(ResponseFileExpander.TryExpand(["@/dev/zero"], new SourceLimits { MaxFileBytes = 1024 * 1024 }, out _, out var problem));

        Assert.Equal("/dev/zero: cannot read the response file: the file is larger than the limit of 1048576 bytes", problem);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "took " + watch.Elapsed);
    }

    [Fact]
    public void A_fifo_without_a_writer_is_given_up_after_the_time_limit()
    {
        var fifo = Path.Combine(_dir.Path, "fifo.rsp");
        using (var mkfifo = System.Diagnostics.Process.Start(new ProcessStartInfo("mkfifo", [fifo]) { UseShellExecute = false })!)
        {
            mkfifo.WaitForExit();
        }

        var watch = Stopwatch.StartNew();

        Assert.False(ResponseFileExpander.TryExpand(["@" + fifo], new SourceLimits { MaxReadTime = TimeSpan.FromMilliseconds(300) }, out _, out var problem));

        Assert.Equal(fifo + ": cannot read the response file: nothing could be read from it within 0.3 s (a FIFO without a writer, or a device?)", problem);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "took " + watch.Elapsed);
    }

    [Fact]
    public void Response_files_together_are_bounded_by_the_size_limit_of_one_file()
    {
        var a = Rsp("a.rsp", new string('#', 60) + "\n");
        var b = Rsp("b.rsp", new string('#', 60) + "\n");

        Assert.False(ResponseFileExpander.TryExpand(["@" + a, "@" + b], new SourceLimits { MaxFileBytes = 100 }, out _, out var problem));

        Assert.Equal(b + ": the response files hold more than the limit of 100 bytes in all", problem);
    }

    [Fact]
    public void More_arguments_than_the_limit_are_refused_at_the_first_one_past_it()
    {
        var path = Rsp("many.rsp", string.Concat(Enumerable.Repeat("x=1\n", ResponseFileExpander.MaxArguments)));

        Assert.False(ResponseFileExpander.TryExpand(["resolve", "@" + path], SourceLimits.Default, out _, out var problem));

        // resolve and @many.rsp are two: line 99 999 holds the 100 001st argument.
        Assert.Equal(path + ":99999: more than the limit of 100000 arguments", problem);
    }

    [Fact]
    public void An_argument_longer_than_the_longest_valid_override_is_refused_without_being_echoed()
    {
        var limits = new SourceLimits { MaxDepth = 2, MaxKeyLength = 3, MaxScalarLength = 100 };
        var longest = ResponseFileExpander.MaxArgumentLength(limits);
        Assert.Equal(108, longest);
        var path = Rsp("long.rsp", "# comment\n  abc.def=" + new string('v', 100) + "   \"abc.def=" + new string('v', 101) + "\"\n");

        Assert.False(ResponseFileExpander.TryExpand(["@" + path], limits, out _, out var problem));
        Assert.Equal(path + ":2: an argument is 109 characters long, more than the limit of 108", problem);

        Assert.False(ResponseFileExpander.TryExpand(["a", new string('x', 109)], limits, out _, out problem));
        Assert.Equal("argument #2: the argument is 109 characters long, more than the limit of 108", problem);
    }

    [Fact]
    public async Task A_50_MB_typed_argument_is_refused_in_a_bounded_message()
    {
        var result = await TestHost.Run("validate", "job", "steps=" + new string('9', 50 * 1024 * 1024));

        AssertUsage(result, "argument #3: the argument is 52428806 characters long, more than the limit of 1179776");
    }

    [Fact]
    public async Task A_lone_surrogate_in_an_argument_is_a_usage_error()
    {
        var result = await TestHost.Run("validate", "job", "name=a\uD800b");

        AssertUsage(result, "argument #3: the argument is not valid Unicode (a lone surrogate U+D800 at character 7)");
    }

    [Fact]
    public async Task A_quote_that_opens_an_argument_and_is_never_closed_is_an_error_at_its_column()
    {
        var path = Rsp("quote.rsp", "steps=2\n  name=x \"unfinished words\n");

        var result = await TestHost.Run("validate", "job", "@" + path);

        AssertUsage(result, path + ":2:10: a quote is not closed");
    }

    [Fact]
    public async Task An_override_from_a_response_file_is_placed_at_its_line_in_diagnostics()
    {
        var path = Rsp("args.rsp", "# the steps\n\nname=ok\r\n  steps=0\n");

        var result = await TestHost.Run("validate", "job", "name=typed", "@" + path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(path + ":4: error STR0103: steps: must be >= 1, got 0\n1 error, 0 warnings\n", result.Error);
    }

    [Fact]
    public async Task Explain_shows_a_response_file_origin_in_the_table_the_json_and_the_history()
    {
        var config = _dir.Write("job.yaml", "steps: 10\nname: file\n");
        var path = Rsp("args.rsp", "name=read\nsteps=20\n");

        var table = await TestHost.Run("explain", "job", "-c", config, "@" + path, "name=typed", "steps");
        var json = await TestHost.Run("explain", "job", "-c", config, "@" + path, "name=typed", "steps", "--format", "json");

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("steps  20     " + path + ":2 (steps=…)  default → " + config + ":1:8 → " + path + ":2\n", table.Output, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"cli\",\n      \"file\": \"" + path + "\",\n      \"line\": 2,\n      \"column\": 7,\n      \"arg\": 2,\n      \"text\": \"" + path + ":2\"", json.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_sources_comments_name_the_response_file_line_and_the_typed_argument()
    {
        var path = Rsp("args.rsp", "steps=20\n");

        var result = await TestHost.Run("resolve", "job", "@" + path, "name=typed", "--sources");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("steps: 20    # " + path + ":1 (steps=…)\nname: typed  # cli arg #2 (name=…)\n", result.Output);
    }

    [Fact]
    public async Task The_same_override_typed_and_read_keeps_both_places()
    {
        var path = Rsp("args.rsp", "steps=5\n");

        var result = await TestHost.Run("explain", "job", "steps=5", "@" + path, "steps=5", "steps");

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("default → cli arg #1 → " + path + ":1 → cli arg #3\n", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_typed_response_file_after_a_double_dash_is_taken_as_it_is()
    {
        var path = Rsp("args.rsp", "steps=2\n");

        var result = await TestHost.Run("resolve", "job", "--", "@" + path);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("jobs: error: '@" + path + "' is not a KEY=VALUE override", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_in_a_response_file_apply_and_its_files_are_inputs_the_output_may_not_replace()
    {
        var inner = Rsp("inner.rsp", "--format json\n");
        var outer = Rsp("outer.rsp", "steps=4 @" + inner + "\n");

        var json = await TestHost.Run("resolve", "job", "@" + outer);
        var overwrite = await TestHost.Run("resolve", "job", "@" + outer, "-o", inner);

        Assert.Equal(0, json.ExitCode);
        Assert.Equal("{\n  \"steps\": 4\n}\n", json.Output);
        Assert.Equal(2, overwrite.ExitCode);
        Assert.Equal("--format json\n", File.ReadAllText(inner));
    }

    [Fact]
    public void Lines_are_tokenised_as_system_commandline_2_0_tokenises_them()
    {
        var pieces = Gen.Elements("a", "b=1", "x.y='q r'", " ", "  ", "\t", "\"", "\"\"", "\" \"", "#", "@", "é", "\u00A0", "\u2003", "=", "--c");
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(3000),
            Prop.ForAll(
                Gen.ListOf(pieces).Select(static p => string.Concat(p.Take(12)).Trim()).ToArbitrary(),
                static line =>
                {
                    var expected = CommandLineParser.SplitCommandLine(line).ToList();
                    var ranges = new List<(int Start, int Length)>();
                    var open = ResponseFileExpander.Split(line, ranges);
                    var actual = ranges.Select(r => ResponseFileExpander.Unquote(line.AsSpan(r.Start, r.Length))).ToList();

                    // Where an opening quote is never closed, System.CommandLine drops the argument it opens: an error here.
                    return expected.SequenceEqual(actual) && (open < 0 || line[open] == '"');
                }));
    }

    [Fact]
    public void Files_are_read_line_by_line_with_comments_blank_lines_crlf_and_a_bom_as_before()
    {
        var path = Path.Combine(_dir.Path, "all.rsp");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "# comment\r\n\r\n  -c \"my file.yaml\"  \r\nname=a#b\rsteps=2 \"\"\n\t# indented comment\n x=\"1 2\"3"u8]);

        Assert.True(ResponseFileExpander.TryExpand(["resolve", "@" + path], SourceLimits.Default, out var expanded, out var problem), problem);

        Assert.Equal(["resolve", "-c", "my file.yaml", "name=a#b", "steps=2", string.Empty, "x=1 23"], expanded.Tokens);
        Assert.Equal([path], expanded.ResponseFiles);
        Assert.Equal(
            [null, new ArgumentPlace(path, 3), new ArgumentPlace(path, 3), new ArgumentPlace(path, 4), new ArgumentPlace(path, 5), new ArgumentPlace(path, 7)],
            expanded.Tokens.Where(static t => t.Length > 0).Select(t => expanded.PlaceOf(t)));
    }

    [Fact]
    public void A_command_line_without_response_files_is_passed_as_it_is()
    {
        string[] arguments = ["resolve", "job", "@", "steps=1", "--", "@x"];

        Assert.True(ResponseFileExpander.TryExpand(arguments, SourceLimits.Default, out var expanded, out _));

        Assert.Equal(arguments, expanded.Tokens);
        Assert.Empty(expanded.ResponseFiles);
        Assert.All(arguments, a => Assert.Null(expanded.PlaceOf(a)));
    }
}
