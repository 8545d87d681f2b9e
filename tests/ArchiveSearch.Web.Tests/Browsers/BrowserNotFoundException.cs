namespace ArchiveSearch.Web.Tests.Browsers;

/// <summary>No browser could be found, started or installed; the message says what to install.</summary>
public sealed class BrowserNotFoundException(string message) : Exception(message);
