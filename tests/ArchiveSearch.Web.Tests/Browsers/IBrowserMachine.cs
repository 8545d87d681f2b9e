namespace ArchiveSearch.Web.Tests.Browsers;

public enum BrowserPlatform { Linux, MacOS, Windows, Other }

/// <summary>What the browser lookup reads of the machine, so its order can be tested without a real browser.</summary>
public interface IBrowserMachine
{
    BrowserPlatform Platform { get; }

    /// <summary>Root on Linux or macOS, an elevated process on Windows.</summary>
    bool IsPrivileged { get; }

    string HomeFolder { get; }

    string? Variable(string name);

    bool FileExists(string path);

    /// <summary>The names of the sub-folders of <paramref name="path"/>; none when it does not exist.</summary>
    IEnumerable<string> SubfolderNames(string path);
}
