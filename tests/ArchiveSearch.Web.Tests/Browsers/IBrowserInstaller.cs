namespace ArchiveSearch.Web.Tests.Browsers;

/// <summary>A way to get a browser onto a machine that has none.</summary>
public interface IBrowserInstaller
{
    /// <summary>What it does, as the test output says it (<c>apt-get install -y chromium fonts-noto-cjk</c>).</summary>
    string Description { get; }

    bool AppliesTo(IBrowserMachine machine);

    /// <summary>True when it succeeded; <paramref name="say"/> hears what it did and why it failed.</summary>
    Task<bool> InstallAsync(Action<string> say);
}
