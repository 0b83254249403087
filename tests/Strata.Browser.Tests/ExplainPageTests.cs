using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Strata.Browser.Tests.Infrastructure;

namespace Strata.Browser.Tests;

/// <summary>The page of <c>strata explain --format html</c>, as a user sees it in a real browser.</summary>
public sealed class ExplainPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IDisposable
{
    private const string Secret = "hf_s3cr3t_token_value";

    private readonly Reports _reports = new();

    public void Dispose() => _reports.Dispose();

    private Task<string> FromScratchAsync(params string[] overrides) =>
        _reports.PageAsync("explain.html", ["explain", "gpt-trainer", "-c", Reports.Example("from-scratch.yaml"), "--format", "html", .. overrides]);

    private static ILocator Leaf(IPage page, string path) => page.Locator("li.leaf[data-path='" + path + "']");

    [Fact]
    public async Task The_page_opens_without_console_errors_and_requests_nothing_beyond_itself()
    {
        await using var opened = await browser.OpenAsync(await FromScratchAsync("training.train_iters=7"));
        await Assertions.Expect(opened.Page.Locator("h1")).ToHaveTextAsync("explain gpt-trainer");
        Assert.Empty(opened.Problems);
        Assert.Empty(opened.Requests);
    }

    [Fact]
    public async Task A_group_is_collapsed_until_its_name_is_clicked_and_then_shows_its_children()
    {
        await using var opened = await browser.OpenAsync(await FromScratchAsync());
        var page = opened.Page;
        var model = page.Locator("details[data-path='model']");
        var baseModel = model.Locator(":scope > ul > li > details[data-path='model.base_model']");
        await Assertions.Expect(baseModel).Not.ToBeVisibleAsync();
        await model.Locator(":scope > summary").ClickAsync();
        await Assertions.Expect(baseModel).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Typing_in_the_filter_box_narrows_the_tree_to_the_matching_paths_and_opens_their_groups()
    {
        await using var opened = await browser.OpenAsync(await FromScratchAsync());
        var page = opened.Page;
        var total = await page.Locator("li.leaf").CountAsync();
        await page.GetByLabel("Path contains").FillAsync("train_iters");
        await Assertions.Expect(page.Locator("#count")).ToHaveTextAsync("Showing 1 of " + total + " values");
        var iters = Leaf(page, "training.train_iters");
        await Assertions.Expect(iters).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("li.leaf:visible")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("details[data-path='model']")).Not.ToBeVisibleAsync();
    }

    [Fact]
    public async Task Unticking_an_origin_kind_hides_every_value_of_that_kind()
    {
        await using var opened = await browser.OpenAsync(await FromScratchAsync());
        var page = opened.Page;
        await page.GetByLabel("Path contains").FillAsync("model.");
        Assert.True(await page.Locator("li.leaf[data-kind='default']:visible").CountAsync() > 0);
        await page.Locator("#kind-default").UncheckAsync();
        await Assertions.Expect(page.Locator("li.leaf[data-kind='default']:visible")).ToHaveCountAsync(0);
        Assert.True(await page.Locator("li.leaf[data-kind='file']:visible").CountAsync() > 0);
    }

    [Fact]
    public async Task Only_what_differs_from_the_default_leaves_the_values_a_layer_a_variable_or_a_hook_set()
    {
        await using var opened = await browser.OpenAsync(await FromScratchAsync("training.train_iters=7"));
        var page = opened.Page;
        await page.GetByLabel("Only what differs from the default").CheckAsync();
        await Assertions.Expect(page.Locator("li.leaf[data-kind='default']:visible")).ToHaveCountAsync(0);
        await Assertions.Expect(Leaf(page, "training.train_iters")).ToBeVisibleAsync();
        Assert.True(await page.Locator("li.leaf[data-kind='derived']:visible").CountAsync() > 0);
    }

    [Fact]
    public async Task Each_value_is_marked_by_its_origin_in_words_and_the_legend_names_every_kind()
    {
        await using var opened = await browser.OpenAsync(await FromScratchAsync("training.train_iters=7"));
        var page = opened.Page;
        await page.GetByLabel("Path contains").FillAsync("training.train_iters");
        await Assertions.Expect(Leaf(page, "training.train_iters").Locator(".row > .badge")).ToHaveTextAsync("override");
        await Assertions.Expect(Leaf(page, "training.train_iters").Locator(".row > .origin")).ToHaveTextAsync("cli arg #1 (training.train_iters=…)");
        var legend = page.Locator(".legend");
        foreach (var kind in new[] { "default", "checkpoint", "file", "include", "preset", "override", "env", "derived", "interpolation" })
        {
            await Assertions.Expect(legend.Locator(".badge", new() { HasTextString = kind }).First).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task Clicking_a_value_shows_its_history_oldest_first()
    {
        await using var opened = await browser.OpenAsync(await FromScratchAsync("training.train_iters=7"));
        var page = opened.Page;
        await page.GetByLabel("Path contains").FillAsync("training.train_iters");
        var leaf = Leaf(page, "training.train_iters");
        var history = leaf.Locator(".detail");
        await Assertions.Expect(history).Not.ToBeVisibleAsync();
        await leaf.GetByRole(AriaRole.Button, new() { Name = "train_iters" }).ClickAsync();
        await Assertions.Expect(history).ToBeVisibleAsync();
        var steps = await history.Locator("li").AllInnerTextsAsync();
        Assert.Equal(3, steps.Count);
        Assert.StartsWith("default", steps[0], StringComparison.Ordinal);
        Assert.Contains("from-scratch.yaml:", steps[1], StringComparison.Ordinal);
        Assert.Contains("cli arg #1", steps[2], StringComparison.Ordinal);
        await Assertions.Expect(leaf.GetByRole(AriaRole.Button)).ToHaveAttributeAsync("aria-expanded", "true");
    }

    [Fact]
    public async Task Clicking_a_derived_value_shows_the_fields_it_was_derived_from()
    {
        await using var opened = await browser.OpenAsync(await FromScratchAsync("model.base_model.transformer.num_layers=4"));
        var page = opened.Page;
        const string path = "model.base_model.transformer.init_method_std_attn_proj";
        await page.GetByLabel("Path contains").FillAsync(path);
        var leaf = Leaf(page, path);
        await Assertions.Expect(leaf.Locator(".row > .badge")).ToHaveTextAsync("derived");
        await leaf.GetByRole(AriaRole.Button).ClickAsync();
        var detail = leaf.Locator(".detail");
        await Assertions.Expect(detail).ToContainTextAsync("derived from");
        await Assertions.Expect(detail).ToContainTextAsync("model.base_model.transformer.num_layers");
    }

    [Fact]
    public async Task An_interpolated_value_is_marked_as_such_and_names_the_field_it_took()
    {
        await using var opened = await browser.OpenAsync(await FromScratchAsync("run.experiment_name=run-${training.train_iters}"));
        var page = opened.Page;
        await page.GetByLabel("Path contains").FillAsync("experiment_name");
        var leaf = Leaf(page, "run.experiment_name");
        await Assertions.Expect(leaf.Locator(".row > .badge")).ToHaveTextAsync("interpolation");
        await leaf.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(leaf.Locator(".detail")).ToContainTextAsync("the value of");
        await Assertions.Expect(leaf.Locator(".detail")).ToContainTextAsync("training.train_iters");
    }

    [Fact]
    public async Task The_layers_and_the_fingerprint_head_the_page()
    {
        await using var opened = await browser.OpenAsync(await FromScratchAsync("training.train_iters=7"));
        var page = opened.Page;
        var layers = await page.Locator("ol.layers > li").AllInnerTextsAsync();
        Assert.Equal(2, layers.Count);
        Assert.EndsWith("from-scratch.yaml", layers[0], StringComparison.Ordinal);
        Assert.Contains("training.train_iters=7", layers[1], StringComparison.Ordinal);
        await Assertions.Expect(page.Locator(".fingerprint")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]{64}$"));
    }

    [Fact]
    public async Task A_secret_is_absent_from_the_page_and_its_document()
    {
        var file = await FromScratchAsync("training.checkpoint.callback.environment.HF_TOKEN=" + Secret);
        Assert.DoesNotContain(Secret, await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        await using var opened = await browser.OpenAsync(file);
        var page = opened.Page;
        Assert.DoesNotContain(Secret, await page.ContentAsync(), StringComparison.Ordinal);
        await page.GetByLabel("Path contains").FillAsync("callback.environment");
        await Assertions.Expect(page.Locator("li.leaf:visible .value").First).ToContainTextAsync("***");
    }

    [Fact]
    public async Task Markup_in_a_value_is_shown_as_text_and_never_runs()
    {
        const string hostile = "</script><img src=x onerror=alert(1)><script>alert(2)</script>";
        await using var opened = await browser.OpenAsync(await FromScratchAsync("run.experiment_name=" + hostile));
        var page = opened.Page;
        await page.GetByLabel("Path contains").FillAsync("experiment_name");
        await Assertions.Expect(Leaf(page, "run.experiment_name").Locator(".row > .value")).ToContainTextAsync("<img src=x onerror=alert(1)>");
        await Assertions.Expect(page.Locator("img")).ToHaveCountAsync(0);
        Assert.Empty(opened.Problems);
        Assert.Empty(opened.Requests);
    }

    [Fact]
    public async Task A_key_named_like_an_object_property_of_the_script_is_a_group_like_any_other()
    {
        await using var opened = await browser.OpenAsync(await FromScratchAsync("reference_models={__proto__: {}, constructor: {}}"));
        var page = opened.Page;
        await page.GetByLabel("Path contains").FillAsync("reference_models.__proto__.model.base_model.transformer.num_layers");
        await Assertions.Expect(Leaf(page, "reference_models.__proto__.model.base_model.transformer.num_layers")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("details[data-path='reference_models.constructor']")).ToHaveCountAsync(1);
        Assert.Empty(opened.Problems);
    }

    [Fact]
    public async Task A_value_from_an_included_file_is_marked_as_an_include()
    {
        _reports.Write("base.yaml", "training:\n  train_iters: 11\n");
        var run = _reports.Write("run.yaml", "include: [base.yaml]\nrun:\n  experiment_name: exp\n");
        var file = await _reports.PageAsync("include.html", "explain", "gpt-trainer", "-c", Reports.Example("from-scratch.yaml"), "-c", run, "--format", "html");
        await using var opened = await browser.OpenAsync(file);
        var page = opened.Page;
        await page.GetByLabel("Path contains").FillAsync("train_iters");
        await Assertions.Expect(Leaf(page, "training.train_iters").Locator(".row > .badge")).ToHaveTextAsync("include");
        await Assertions.Expect(page.Locator("ol.layers > li", new() { HasTextString = "base.yaml" }).Locator(".badge")).ToHaveTextAsync("include");
    }

    [Fact]
    public async Task Printed_the_page_hides_its_controls()
    {
        await using var opened = await browser.OpenAsync(await FromScratchAsync());
        var page = opened.Page;
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".controls")).Not.ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".legend")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_page_has_no_serious_accessibility_violations()
    {
        await using var opened = await browser.OpenAsync(await FromScratchAsync("training.train_iters=7"));
        var page = opened.Page;
        await page.Locator("details[data-path='training'] > summary").ClickAsync();
        await page.Locator("li.leaf[data-path='training.train_iters'] button").ClickAsync();
        var result = await page.RunAxe();
        AxeAssert.NoSeriousViolations(result);
    }
}
