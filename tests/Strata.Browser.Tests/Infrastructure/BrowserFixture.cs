using Microsoft.Playwright;

namespace Strata.Browser.Tests.Infrastructure;

/// <summary>
/// One headless Chromium for the tests of a class: the machine's own (Debian's <c>chromium</c> package, or the
/// executable <c>STRATA_CHROMIUM</c> names), driven by Playwright. Playwright's own browsers are never downloaded. Where no
/// browser is installed, every test that needs one reports itself skipped with the reason.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] s_candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    private IPlaywright? _playwright;

    /// <summary>The browser, or <see langword="null"/> when none is installed (<see cref="Missing"/> says why).</summary>
    public IBrowser? Browser { get; private set; }

    /// <summary>Why there is no browser.</summary>
    public string Missing { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("STRATA_CHROMIUM") is { Length: > 0 } named ? named : Array.Find(s_candidates, File.Exists);
        if (executable is null || !File.Exists(executable))
        {
            Missing = "no Chromium on this machine: install Debian's chromium package (apt-get install chromium) or set STRATA_CHROMIUM to a Chromium executable";
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>
    /// Opens a page in a fresh context and records what a user would not see: console errors, uncaught exceptions,
    /// dialogs, and every request other than the page's own file.
    /// </summary>
    public async Task<OpenedPage> OpenAsync(string file)
    {
        Assert.SkipWhen(Browser is null, Missing);
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        var opened = new OpenedPage(context, page, new Uri(file).AbsoluteUri);
        await page.GotoAsync(opened.Url);
        return opened;
    }
}
