using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Strata.Browser.Tests.Infrastructure;

namespace Strata.Browser.Tests;

/// <summary>The page of <c>strata diff --format html</c>: the two configs side by side, in a real browser.</summary>
public sealed class DiffPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IDisposable
{
    private readonly Reports _reports = new();

    public void Dispose() => _reports.Dispose();

    private Task<string> DiffAsync(string left, string right) => DiffAsync([left], [right]);

    private Task<string> DiffAsync(string[] left, string[] right) =>
        _reports.PageAsync("diff.html", ["diff", "gpt-trainer", "-c", Reports.Example("from-scratch.yaml"), "--left", .. left, "--right", .. right, "--format", "html"]);

    [Fact]
    public async Task Only_the_differing_values_are_shown_until_identical_ones_are_asked_for()
    {
        await using var opened = await browser.OpenAsync(await DiffAsync("training.train_iters=7", "training.train_iters=9"));
        var page = opened.Page;
        var rows = page.Locator("table.diff tbody tr");
        await Assertions.Expect(page.Locator("table.diff tbody tr:visible")).ToHaveCountAsync(1);
        var row = page.Locator("tr[data-path='training.train_iters']");
        var cells = await row.Locator("td").AllInnerTextsAsync();
        Assert.Equal("≠", cells[0]);
        Assert.Equal("7", cells[2]);
        Assert.Contains("cli arg #1", cells[3], StringComparison.Ordinal);
        Assert.Equal("9", cells[4]);
        await page.GetByLabel("Show identical values too").CheckAsync();
        Assert.True(await page.Locator("table.diff tbody tr:visible").CountAsync() > 100);
        Assert.Equal(await rows.CountAsync(), await page.Locator("table.diff tbody tr:visible").CountAsync());
        Assert.Empty(opened.Problems);
        Assert.Empty(opened.Requests);
    }

    [Fact]
    public async Task Each_side_shows_its_own_origin_and_history()
    {
        var other = _reports.Write("other.yaml", "training:\n  train_iters: 5\n");
        await using var opened = await browser.OpenAsync(await DiffAsync(["training.train_iters=7"], ["-c", other]));
        var page = opened.Page;
        var row = page.Locator("tr[data-path='training.train_iters']");
        await Assertions.Expect(row.Locator(".origin-cell > .badge").First).ToHaveTextAsync("override");
        await Assertions.Expect(row.Locator(".origin-cell > .badge").Nth(1)).ToHaveTextAsync("file");
        await row.GetByRole(AriaRole.Button).ClickAsync();
        var detail = row.Locator(".detail");
        await Assertions.Expect(detail).ToContainTextAsync("left side: history");
        await Assertions.Expect(detail).ToContainTextAsync("right side: history");
        await Assertions.Expect(detail).ToContainTextAsync("other.yaml:2:");
    }

    [Fact]
    public async Task Two_equal_configs_say_there_is_no_difference()
    {
        await using var opened = await browser.OpenAsync(await DiffAsync("training.train_iters=7", "training.train_iters=7"));
        await Assertions.Expect(opened.Page.Locator(".empty")).ToContainTextAsync("No differences");
        await Assertions.Expect(opened.Page.Locator("table.diff tbody tr:visible")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_filter_box_narrows_the_rows_by_path()
    {
        await using var opened = await browser.OpenAsync(await DiffAsync(["training.train_iters=7", "optimizer.learning_rate.base=0.5"], ["training.train_iters=7"]));
        var page = opened.Page;
        await Assertions.Expect(page.Locator("table.diff tbody tr:visible")).ToHaveCountAsync(1);
        await page.GetByLabel("Path contains").FillAsync("training");
        await Assertions.Expect(page.Locator("table.diff tbody tr:visible")).ToHaveCountAsync(0);
        await page.GetByLabel("Path contains").FillAsync("learning_rate.base");
        await Assertions.Expect(page.Locator("tr[data-path='optimizer.learning_rate.base']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_page_has_no_serious_accessibility_violations()
    {
        await using var opened = await browser.OpenAsync(await DiffAsync("training.train_iters=7", "training.train_iters=9"));
        var page = opened.Page;
        await page.Locator("tr[data-path='training.train_iters'] button").ClickAsync();
        AxeAssert.NoSeriousViolations(await page.RunAxe());
    }
}
