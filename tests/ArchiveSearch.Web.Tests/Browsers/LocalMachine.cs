namespace ArchiveSearch.Web.Tests.Browsers;

/// <summary>The machine the tests run on.</summary>
public sealed class LocalMachine : IBrowserMachine
{
    public BrowserPlatform Platform =>
        OperatingSystem.IsLinux() ? BrowserPlatform.Linux
        : OperatingSystem.IsMacOS() ? BrowserPlatform.MacOS
        : OperatingSystem.IsWindows() ? BrowserPlatform.Windows
        : BrowserPlatform.Other;

    public bool IsPrivileged => Environment.IsPrivilegedProcess;

    public string HomeFolder => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    public string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    public bool FileExists(string path) => File.Exists(path);

    public IEnumerable<string> SubfolderNames(string path) =>
        Directory.Exists(path) ? Directory.EnumerateDirectories(path).Select(Path.GetFileName).OfType<string>() : [];
}
