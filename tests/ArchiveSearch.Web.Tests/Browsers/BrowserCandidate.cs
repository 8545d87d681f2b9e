namespace ArchiveSearch.Web.Tests.Browsers;

/// <summary>A browser the page tests may drive: where it was found, and its executable (null: Playwright's own Chromium).</summary>
public sealed record BrowserCandidate(string Source, string? ExecutablePath)
{
    public override string ToString() => ExecutablePath is null ? Source : $"{ExecutablePath} ({Source})";
}
