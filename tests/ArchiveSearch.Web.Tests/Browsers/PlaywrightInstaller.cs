namespace ArchiveSearch.Web.Tests.Browsers;

/// <summary>Playwright's own Chromium, downloaded by its installer into the per-user cache (macOS, Windows, Linux without root).</summary>
public sealed class PlaywrightInstaller : IBrowserInstaller
{
    public string Description => "Playwright's installer: playwright install chromium";

    public bool AppliesTo(IBrowserMachine machine) => machine.Platform != BrowserPlatform.Other;

    public Task<bool> InstallAsync(Action<string> say)
    {
        // The installer prints its own progress; its exit code is all that tells success from failure.
        var exitCode = Microsoft.Playwright.Program.Main(["install", "chromium"]);
        if (exitCode != 0) say($"playwright install chromium failed (exit code {exitCode}): the download may be blocked on this network.");
        return Task.FromResult(exitCode == 0);
    }
}
