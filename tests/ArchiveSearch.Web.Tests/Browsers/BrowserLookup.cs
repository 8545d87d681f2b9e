namespace ArchiveSearch.Web.Tests.Browsers;

/// <summary>
/// Where the page tests look for a Chromium-based browser, in order: the <see cref="Variable"/> setting (which,
/// when set, is the only candidate), the usual install paths of the platform, the same names on PATH, then
/// Playwright's own installed browsers. Nothing here starts a browser: <see cref="BrowserLauncher{TBrowser}"/> tries them.
/// </summary>
public static class BrowserLookup
{
    /// <summary>An executable path, or a command on PATH, of the browser to use; no other is tried.</summary>
    public const string Variable = "ARCHIVE_SEARCH_BROWSER";

    private static readonly string[] LinuxPaths =
    [
        "/usr/bin/chromium", // Debian
        "/usr/bin/chromium-browser", // Ubuntu (a snap wrapper on recent releases), Fedora
        "/usr/bin/google-chrome",
        "/usr/bin/google-chrome-stable",
        "/snap/bin/chromium",
        "/usr/bin/microsoft-edge",
    ];

    private static readonly string[] PathCommands = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge"];

    private static readonly string[] MacApplications =
    [
        "Google Chrome.app/Contents/MacOS/Google Chrome",
        "Chromium.app/Contents/MacOS/Chromium",
        "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    ];

    private static readonly string[] WindowsApplications =
    [
        @"Google\Chrome\Application\chrome.exe",
        @"Chromium\Application\chrome.exe",
        @"Microsoft\Edge\Application\msedge.exe", // present on every Windows 10 and 11
    ];

    /// <exception cref="BrowserNotFoundException">the setting names a browser that does not exist.</exception>
    public static IReadOnlyList<BrowserCandidate> Candidates(IBrowserMachine machine)
    {
        if (machine.Variable(Variable) is { } chosen)
        {
            var path = IsRooted(chosen) ? chosen : OnPath(machine, chosen);
            if (path is null || !machine.FileExists(path))
            {
                throw new BrowserNotFoundException(
                    $"{Variable} is set to '{chosen}', which is not {(IsRooted(chosen) ? "an existing file" : "a command on PATH")}. "
                    + $"Point it at a Chromium-based browser's executable, or unset it to let the tests find or install one.");
            }
            return [new BrowserCandidate($"set by {Variable}", path)];
        }

        var found = new List<BrowserCandidate>();
        void Add(string path, string source)
        {
            if (machine.FileExists(path) && found.All(c => c.ExecutablePath != path)) found.Add(new BrowserCandidate(source, path));
        }

        foreach (var path in InstallPaths(machine)) Add(path, "a usual install path");
        foreach (var command in PathCommands)
        {
            if (OnPath(machine, command) is { } path) Add(path, "on PATH");
        }
        if (PlaywrightBrowsersFolder(machine) is { } folder && machine.SubfolderNames(folder).Any(IsPlaywrightChromium))
        {
            found.Add(new BrowserCandidate($"Playwright's own Chromium in {folder}", null));
        }
        return found;
    }

    /// <summary>Where <c>playwright install</c> puts browsers (PLAYWRIGHT_BROWSERS_PATH, else the per-user cache).</summary>
    public static string? PlaywrightBrowsersFolder(IBrowserMachine machine)
    {
        if (machine.Variable("PLAYWRIGHT_BROWSERS_PATH") is { } set) return set == "0" ? null : set;
        return machine.Platform switch
        {
            BrowserPlatform.Linux => Join(machine, machine.Variable("XDG_CACHE_HOME") ?? Join(machine, machine.HomeFolder, ".cache"), "ms-playwright"),
            BrowserPlatform.MacOS => Join(machine, machine.HomeFolder, "Library", "Caches", "ms-playwright"),
            BrowserPlatform.Windows => machine.Variable("LOCALAPPDATA") is { } local ? Join(machine, local, "ms-playwright") : null,
            _ => null,
        };
    }

    private static IEnumerable<string> InstallPaths(IBrowserMachine machine) => machine.Platform switch
    {
        BrowserPlatform.Linux => LinuxPaths,
        BrowserPlatform.MacOS => new[] { "/Applications", Join(machine, machine.HomeFolder, "Applications") }
            .SelectMany(folder => MacApplications.Select(app => Join(machine, folder, app))),
        BrowserPlatform.Windows => new[] { "ProgramFiles", "ProgramFiles(x86)", "LOCALAPPDATA" }
            .Select(machine.Variable).OfType<string>()
            .SelectMany(folder => WindowsApplications.Select(app => Join(machine, folder, app))),
        _ => [],
    };

    private static bool IsPlaywrightChromium(string folder) =>
        folder.StartsWith("chromium-", StringComparison.Ordinal) || folder.StartsWith("chromium_headless_shell-", StringComparison.Ordinal);

    private static string? OnPath(IBrowserMachine machine, string command)
    {
        var windows = machine.Platform == BrowserPlatform.Windows;
        var names = windows && !command.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) ? [command, command + ".exe"] : new[] { command };
        var folders = (machine.Variable("PATH") ?? "").Split(windows ? ';' : ':', StringSplitOptions.RemoveEmptyEntries);
        return folders.SelectMany(folder => names.Select(name => Join(machine, folder, name))).FirstOrDefault(machine.FileExists);
    }

    private static bool IsRooted(string path) => path.StartsWith('/') || path.StartsWith('\\') || (path.Length > 2 && path[1] == ':');

    // Not Path.Combine: the separator is the machine's under test, not the one the tests run on.
    private static string Join(IBrowserMachine machine, params string[] parts)
    {
        var separator = machine.Platform == BrowserPlatform.Windows ? '\\' : '/';
        return string.Join(separator, parts.Select((p, i) => i == 0 ? p.TrimEnd('/', '\\') : p.Trim('/', '\\')));
    }
}
