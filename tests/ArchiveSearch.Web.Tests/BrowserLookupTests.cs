using ArchiveSearch.Web.Tests.Browsers;

namespace ArchiveSearch.Web.Tests;

/// <summary>Where the page tests look for a browser, and what they do when there is none: no real browser needed.</summary>
public sealed class BrowserLookupTests
{
    private static FakeMachine Debian(bool root = false) => new(BrowserPlatform.Linux, "/home/ann") { IsPrivileged = root };

    [Fact]
    public void On_linux_the_usual_paths_come_first_then_path_then_playwrights_own_browsers()
    {
        var machine = Debian()
            .Set("PATH", "/opt/bin:/usr/bin")
            .With("/usr/bin/google-chrome", "/usr/bin/chromium", "/opt/bin/chromium", "/home/ann/.cache/ms-playwright/chromium-1187/chrome-linux/chrome");

        var candidates = BrowserLookup.Candidates(machine);

        Assert.Equal(
        [
            new BrowserCandidate("a usual install path", "/usr/bin/chromium"),
            new BrowserCandidate("a usual install path", "/usr/bin/google-chrome"),
            new BrowserCandidate("on PATH", "/opt/bin/chromium"),
            new BrowserCandidate("Playwright's own Chromium in /home/ann/.cache/ms-playwright", null),
        ], candidates);
    }

    [Fact]
    public void The_browser_setting_wins_over_every_installed_browser()
    {
        var machine = Debian().With("/usr/bin/chromium", "/srv/chrome/chrome").Set(BrowserLookup.Variable, "/srv/chrome/chrome");

        Assert.Equal([new BrowserCandidate("set by ARCHIVE_SEARCH_BROWSER", "/srv/chrome/chrome")], BrowserLookup.Candidates(machine));
    }

    [Fact]
    public void The_browser_setting_may_name_a_command_on_path()
    {
        var machine = Debian().Set("PATH", "/usr/local/bin:/usr/bin").With("/usr/bin/brave").Set(BrowserLookup.Variable, "brave");

        Assert.Equal([new BrowserCandidate("set by ARCHIVE_SEARCH_BROWSER", "/usr/bin/brave")], BrowserLookup.Candidates(machine));
    }

    [Fact]
    public void A_browser_setting_that_names_no_file_fails_and_says_so()
    {
        var machine = Debian().With("/usr/bin/chromium").Set(BrowserLookup.Variable, "/opt/missing/chrome");

        var failure = Assert.Throws<BrowserNotFoundException>(() => BrowserLookup.Candidates(machine));

        Assert.Equal("ARCHIVE_SEARCH_BROWSER is set to '/opt/missing/chrome', which is not an existing file. Point it at a Chromium-based "
            + "browser's executable, or unset it to let the tests find or install one.", failure.Message);
    }

    [Fact]
    public void On_macos_chrome_chromium_and_edge_are_looked_for_in_both_applications_folders()
    {
        var machine = new FakeMachine(BrowserPlatform.MacOS, "/Users/ann").With(
            "/Users/ann/Applications/Chromium.app/Contents/MacOS/Chromium",
            "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
            "/Users/ann/Library/Caches/ms-playwright/chromium_headless_shell-1187/chrome-mac/headless_shell");

        Assert.Equal(
        [
            new BrowserCandidate("a usual install path", "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge"),
            new BrowserCandidate("a usual install path", "/Users/ann/Applications/Chromium.app/Contents/MacOS/Chromium"),
            new BrowserCandidate("Playwright's own Chromium in /Users/ann/Library/Caches/ms-playwright", null),
        ], BrowserLookup.Candidates(machine));
    }

    [Fact]
    public void On_windows_chrome_is_looked_for_under_program_files_and_edge_is_the_fallback()
    {
        var machine = new FakeMachine(BrowserPlatform.Windows, @"C:\Users\ann")
            .Set("ProgramFiles", @"C:\Program Files").Set("ProgramFiles(x86)", @"C:\Program Files (x86)").Set("LOCALAPPDATA", @"C:\Users\ann\AppData\Local")
            .With(@"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe", @"C:\Users\ann\AppData\Local\Google\Chrome\Application\chrome.exe");

        Assert.Equal(
        [
            new BrowserCandidate("a usual install path", @"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe"),
            new BrowserCandidate("a usual install path", @"C:\Users\ann\AppData\Local\Google\Chrome\Application\chrome.exe"),
        ], BrowserLookup.Candidates(machine));
    }

    [Fact]
    public void Playwrights_own_browsers_are_looked_for_where_playwright_browsers_path_says()
    {
        var machine = Debian().Set("PLAYWRIGHT_BROWSERS_PATH", "/srv/pw").With("/srv/pw/chromium-1187/chrome-linux/chrome", "/home/ann/.cache/ms-playwright/firefox-1490/firefox");

        Assert.Equal([new BrowserCandidate("Playwright's own Chromium in /srv/pw", null)], BrowserLookup.Candidates(machine));
        Assert.Empty(BrowserLookup.Candidates(Debian().With("/home/ann/.cache/ms-playwright/firefox-1490/firefox")));
    }

    [Fact]
    public async Task The_first_browser_that_starts_is_used_and_nothing_is_installed()
    {
        var machine = Debian().With("/usr/bin/chromium", "/usr/bin/google-chrome");
        var installer = new FakeInstaller(machine, "/usr/bin/chromium-browser");
        var launcher = new BrowserLauncher<string>(machine,
            c => c.ExecutablePath == "/usr/bin/chromium" ? throw new InvalidOperationException("Target closed\nmore") : Task.FromResult(c.ExecutablePath!),
            [installer], _ => { });

        var (browser, candidate) = await launcher.LaunchAsync();

        Assert.Equal("/usr/bin/google-chrome", browser);
        Assert.Equal("a usual install path", candidate.Source);
        Assert.Equal(0, installer.Runs);
    }

    [Fact]
    public async Task With_no_browser_the_installers_run_in_order_until_one_gives_a_browser_that_starts()
    {
        var machine = Debian(root: true);
        var failing = new FakeInstaller(machine, null) { Name = "a failing installer" };
        var apt = new FakeInstaller(machine, "/usr/bin/chromium") { Name = "apt-get install -y chromium fonts-noto-cjk" };
        var never = new FakeInstaller(machine, "/usr/bin/google-chrome") { Name = "never" };
        var said = new List<string>();
        var launcher = new BrowserLauncher<string>(machine, c => Task.FromResult(c.ExecutablePath!), [failing, apt, never], said.Add);

        var (browser, _) = await launcher.LaunchAsync();

        Assert.Equal("/usr/bin/chromium", browser);
        Assert.Equal((1, 1, 0), (failing.Runs, apt.Runs, never.Runs));
        Assert.Equal(
        [
            "No browser for the page tests was found: installing one with a failing installer",
            "No browser for the page tests was found: installing one with apt-get install -y chromium fonts-noto-cjk",
            "Installed with apt-get install -y chromium fonts-noto-cjk",
        ], said);
    }

    [Fact]
    public async Task When_nothing_can_be_found_or_installed_the_failure_names_what_was_tried_and_what_to_install()
    {
        var machine = Debian().With("/usr/bin/chromium-browser");
        var installer = new FakeInstaller(machine, null) { Name = "Playwright's installer" };
        var launcher = new BrowserLauncher<string>(machine, _ => throw new InvalidOperationException("snap is not installed"), [installer], _ => { });

        var failure = await Assert.ThrowsAsync<BrowserNotFoundException>(launcher.LaunchAsync);

        Assert.Equal("No browser for the page tests (tests/ArchiveSearch.Web.Tests): /usr/bin/chromium-browser (a usual install path) did not start "
            + "(snap is not installed); Playwright's installer failed. To fix: install Chromium (Debian/Ubuntu: sudo apt-get install chromium "
            + "fonts-noto-cjk; run as root, the tests do this themselves), or let Playwright download its own (pwsh "
            + "tests/ArchiveSearch.Web.Tests/bin/Debug/net10.0/playwright.ps1 install chromium), or set ARCHIVE_SEARCH_BROWSER to a "
            + "Chromium-based browser's executable.", failure.Message);
    }

    [Fact]
    public async Task A_set_browser_that_does_not_start_fails_without_installing_another()
    {
        var machine = Debian(root: true).With("/srv/chrome").Set(BrowserLookup.Variable, "/srv/chrome");
        var installer = new FakeInstaller(machine, "/usr/bin/chromium");
        var launcher = new BrowserLauncher<string>(machine, _ => throw new InvalidOperationException("wrong architecture"), [installer], _ => { });

        var failure = await Assert.ThrowsAsync<BrowserNotFoundException>(launcher.LaunchAsync);

        Assert.Equal("ARCHIVE_SEARCH_BROWSER is set to '/srv/chrome', which did not start: /srv/chrome (set by ARCHIVE_SEARCH_BROWSER) did not start (wrong architecture).",
            failure.Message);
        Assert.Equal(0, installer.Runs);
    }

    [Theory]
    [InlineData(BrowserPlatform.Linux, true, true, true)]
    [InlineData(BrowserPlatform.Linux, false, true, false)]
    [InlineData(BrowserPlatform.Linux, true, false, false)]
    [InlineData(BrowserPlatform.MacOS, true, true, false)]
    public void Apt_installs_only_on_linux_as_root_with_apt_get(BrowserPlatform platform, bool root, bool hasApt, bool applies)
    {
        var machine = new FakeMachine(platform, "/root") { IsPrivileged = root };
        if (hasApt) machine.With(AptInstaller.AptGet);

        Assert.Equal(applies, new AptInstaller().AppliesTo(machine));
    }

    /// <summary>"Installs" by adding a browser file to the fake machine (or fails when it has none to add).</summary>
    private sealed class FakeInstaller(FakeMachine machine, string? adds) : IBrowserInstaller
    {
        public string Name { get; init; } = "a fake installer";
        public int Runs { get; private set; }
        public string Description => Name;
        public bool AppliesTo(IBrowserMachine _) => true;

        public Task<bool> InstallAsync(Action<string> say)
        {
            Runs++;
            if (adds is not null) machine.With(adds);
            return Task.FromResult(adds is not null);
        }
    }
}
