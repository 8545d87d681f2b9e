using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ArchiveSearch.Web.Tests.Browsers;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ArchiveSearch.Web.Tests.Support;

/// <summary>
/// The real service (the built ArchiveSearch.Api.dll) on a free 127.0.0.1 port over the bundled sample archive,
/// with its index in a temporary folder, and one headless Chromium-based browser found (or installed) by
/// <see cref="BrowserLauncher{TBrowser}"/>. Started once for all page tests; each test opens its own page.
/// </summary>
public sealed class SearchPageHost(IMessageSink messages) : IAsyncLifetime
{
    private readonly string indexFolder = Directory.CreateTempSubdirectory("archive-web-tests-").FullName;
    private readonly StringBuilder log = new();
    private Process? service;
    private IPlaywright? playwright;

    public Uri BaseAddress { get; private set; } = null!;
    public HttpClient Api { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots go under the test output, so CI keeps them with the results.</summary>
    public static string ScreenshotFolder => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The content root: the search page (wwwroot) is copied beside the binaries.
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "ArchiveSearch.Api.dll"),
            $"--Search:ArchivePath={Path.Combine(RepositoryRoot(), "index-data", "archive")}",
            $"--Search:IndexPath={indexFolder}",
            $"--Urls={BaseAddress}",
            "--Protection:SearchRequestsPerMinute=0",
        })
        {
            start.ArgumentList.Add(arg);
        }
        service = Process.Start(start)!;
        service.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        service.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        service.BeginOutputReadLine();
        service.BeginErrorReadLine();
        Api = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(15) };
        await WaitUntilReady();

        playwright = await Playwright.CreateAsync();
        var machine = new LocalMachine();
        var launcher = new BrowserLauncher<IBrowser>(machine, candidate => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = candidate.ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        }), [new AptInstaller(), new PlaywrightInstaller()], Say);
        (Browser, var used) = await launcher.LaunchAsync();
        Say($"Page tests drive {used}");
        await CjkFonts.EnsureAsync(machine, Say);
    }

    /// <summary>What the browser set-up did, in the test output (xunit's diagnostic messages, on in xunit.runner.json).</summary>
    private void Say(string message) => messages.OnMessage(new DiagnosticMessage(message));

    public async Task<IPage> OpenAsync(string query = "", BrowserNewPageOptions? options = null)
    {
        var page = await Browser.NewPageAsync(options ?? new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(new Uri(BaseAddress, "/" + query).ToString());
        return page;
    }

    private async Task WaitUntilReady()
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (service!.HasExited) throw new InvalidOperationException("The service exited:\n" + log);
            try
            {
                // 200 comes as soon as searches answer; "ready" once the first build of the sample archive is done.
                using var health = await Api.GetAsync("/health/ready");
                if (health.StatusCode == HttpStatusCode.OK && (await health.Content.ReadAsStringAsync()).Contains("\"status\":\"ready\"", StringComparison.Ordinal)) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The service did not become ready:\n" + log);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Search.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Search.sln not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        if (playwright is not null)
        {
            await Browser.DisposeAsync();
            playwright.Dispose();
        }
        Api?.Dispose();
        if (service is { HasExited: false })
        {
            service.Kill(entireProcessTree: true);
            await service.WaitForExitAsync();
        }
        service?.Dispose();
        try { Directory.Delete(indexFolder, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class SearchPageCollection : ICollectionFixture<SearchPageHost>
{
    public const string Name = "search page";
}
