using Microsoft.Playwright;

namespace Strata.Browser.Tests.Infrastructure;

/// <summary>A page opened by <see cref="BrowserFixture.OpenAsync"/>, with what it did that a report must never do.</summary>
public sealed class OpenedPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    internal OpenedPage(IBrowserContext context, IPage page, string url)
    {
        _context = context;
        Page = page;
        Url = url;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Problems.Add("console " + message.Type + ": " + message.Text);
            }
        };
        page.PageError += (_, error) => Problems.Add("uncaught: " + error);
        page.Dialog += async (_, dialog) =>
        {
            Problems.Add("dialog: " + dialog.Message);
            await dialog.DismissAsync();
        };
        page.Request += (_, request) =>
        {
            if (request.Url != Url)
            {
                Requests.Add(request.Url);
            }
        };
    }

    public IPage Page { get; }

    public string Url { get; }

    /// <summary>Console errors and warnings, uncaught exceptions and dialogs, in the order they came.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Every request the page made beyond loading itself.</summary>
    public List<string> Requests { get; } = [];

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
