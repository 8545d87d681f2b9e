namespace ArchiveSearch.Web.Tests.Browsers;

/// <summary>
/// Starts the first browser of <see cref="BrowserLookup"/> that starts. When none does, runs the installers that
/// apply to the machine, in order, looking again after each; when that fails too, throws a message naming what to
/// install. A browser named by <see cref="BrowserLookup.Variable"/> is the only one tried and nothing is installed.
/// </summary>
/// <typeparam name="TBrowser">Playwright's <c>IBrowser</c>; anything in the tests of the lookup itself.</typeparam>
public sealed class BrowserLauncher<TBrowser>(
    IBrowserMachine machine,
    Func<BrowserCandidate, Task<TBrowser>> launch,
    IReadOnlyList<IBrowserInstaller> installers,
    Action<string> say)
    where TBrowser : class
{
    public async Task<(TBrowser Browser, BrowserCandidate Candidate)> LaunchAsync()
    {
        var failures = new List<string>();
        var failed = new HashSet<BrowserCandidate>();
        if (await FirstThatStarts(failures, failed) is { } found) return found;
        if (machine.Variable(BrowserLookup.Variable) is { } chosen)
        {
            throw new BrowserNotFoundException($"{BrowserLookup.Variable} is set to '{chosen}', which did not start: {string.Join("; ", failures)}.");
        }
        foreach (var installer in installers.Where(i => i.AppliesTo(machine)))
        {
            say($"No browser for the page tests{(failed.Count > 0 ? " started" : " was found")}: installing one with {installer.Description}");
            if (!await installer.InstallAsync(say))
            {
                failures.Add($"{installer.Description} failed");
                continue;
            }
            if (await FirstThatStarts(failures, failed) is { } installed)
            {
                say($"Installed with {installer.Description}");
                return installed;
            }
            failures.Add($"after {installer.Description}, still no browser started");
        }
        throw new BrowserNotFoundException(FailureMessage(machine.Platform, failures));
    }

    private async Task<(TBrowser Browser, BrowserCandidate Candidate)?> FirstThatStarts(List<string> failures, HashSet<BrowserCandidate> failed)
    {
        foreach (var candidate in BrowserLookup.Candidates(machine).Where(c => !failed.Contains(c)))
        {
            try
            {
                return (await launch(candidate), candidate);
            }
            catch (Exception e) when (e is not BrowserNotFoundException)
            {
                failed.Add(candidate);
                failures.Add($"{candidate} did not start ({FirstLine(e.Message)})");
            }
        }
        return null;
    }

    /// <summary>What was tried, then what to install on this platform.</summary>
    internal static string FailureMessage(BrowserPlatform platform, IReadOnlyList<string> failures)
    {
        var install = platform switch
        {
            BrowserPlatform.Linux => "install Chromium (Debian/Ubuntu: sudo apt-get install chromium fonts-noto-cjk; run as root, the tests do this themselves)",
            BrowserPlatform.MacOS => "install Google Chrome or Chromium into /Applications",
            BrowserPlatform.Windows => "install Google Chrome or Microsoft Edge",
            _ => "install Chromium",
        };
        var tried = failures.Count == 0 ? "no Chromium, Chrome or Edge was found and no installer applies to this machine" : string.Join("; ", failures);
        return $"No browser for the page tests (tests/ArchiveSearch.Web.Tests): {tried}. To fix: {install}, "
            + "or let Playwright download its own (pwsh tests/ArchiveSearch.Web.Tests/bin/Debug/net10.0/playwright.ps1 install chromium), "
            + $"or set {BrowserLookup.Variable} to a Chromium-based browser's executable.";
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
