using FaqBot.Core.Configuration;
using FaqBot.Core.Knowledge;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace FaqBot.Web.Tests.Browser;

/// <summary>The real web host on a loopback port (Kestrel, not the in-memory test server) and
/// Debian's Chromium driven by Playwright. No browser is ever downloaded: CI installs the
/// <c>chromium</c> package, and without it the browser tests fail rather than skip.</summary>
public sealed class BrowserHost : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Every wait (actions and <c>Expect</c> assertions) ends after 30 s at most.</summary>
    public const float Timeout = 30_000;

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserHost()
        : this(_ => { })
    {
    }

    /// <summary>A host whose settings the caller changes first (another knowledge folder, say).</summary>
    internal BrowserHost(Action<FaqBotFactory> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(Factory);
    }

    public FaqBotFactory Factory { get; } = new();

    /// <summary>Where the host listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public KnowledgeBase Knowledge => Factory.Services.GetRequiredService<KnowledgeHolder>().Current;

    public ClinicOptions Clinic => Factory.Services.GetRequiredService<IOptions<ClinicOptions>>().Value;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser did not start.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's Chromium at {ChromiumPath} and will not download a browser. " +
                "Install it with: apt-get install -y chromium (.ci/run does this).");
        }

        foreach (var asset in new[] { "index.html", "chat.js", "lib/webchat.js" })
        {
            var path = Path.Combine(AppContext.BaseDirectory, "wwwroot", asset);
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"The page asset {path} is not in the test output; the host serves wwwroot from there.");
            }
        }

        Factory.UseKestrel(0);
        Factory.StartServer();
        BaseAddress = Factory.ClientOptions.BaseAddress;
        if (!BaseAddress.IsLoopback || BaseAddress.Port == 0)
        {
            throw new InvalidOperationException($"Expected the host on a loopback port, got {BaseAddress}.");
        }

        Assertions.SetDefaultExpectTimeout(Timeout);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = Timeout,
        });
    }

    /// <summary>A fresh browser context (so a fresh conversation) with the clinic page open.</summary>
    public async Task<IPage> OpenPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-US",
            TimezoneId = "America/Chicago",
        });
        context.SetDefaultTimeout(Timeout);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        return page;
    }

    /// <summary>A blank page in a fresh browser context (so signed out), for the staff pages.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "en-US",
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(Timeout);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}
