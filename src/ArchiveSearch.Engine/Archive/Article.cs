namespace ArchiveSearch.Engine.Archive;

/// <summary>One archived article, as read from its file.</summary>
public sealed record Article
{
    /// <summary>The id from the file name (<c>NNN_&lt;16 hex&gt;.txt</c>), or a stable hash of the relative path.</summary>
    public required string Id { get; init; }

    /// <summary>Path relative to the archive root, with forward slashes.</summary>
    public required string RelativePath { get; init; }

    public required string Title { get; init; }
    public string? Url { get; init; }

    /// <summary>The original summary exactly as written (HTML).</summary>
    public string OriginalHtml { get; init; } = "";

    /// <summary>The original summary as plain text: tags removed, entities decoded, images and link targets dropped.</summary>
    public string OriginalText { get; init; } = "";

    public string AiSummary { get; init; } = "";
    public string? Source { get; init; }
    public string? Type { get; init; }
    public DateTimeOffset? SavedAt { get; init; }
    public DateOnly? DirectoryDate { get; init; }

    /// <summary>Every metadata key as written, the known ones too, in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Metadata { get; init; } = [];

    /// <summary>Hashtags from title, HTML and AI summary: deduplicated by <see cref="Hashtag.Key"/>, first-seen order.</summary>
    public IReadOnlyList<Hashtag> Hashtags { get; init; } = [];

    /// <summary>SHA-256 of the file's bytes, lowercase hex: how a reindex tells a changed file.</summary>
    public required string ContentHash { get; init; }

    /// <summary>The saved time's UTC date, else the directory date.</summary>
    public DateOnly? Date => SavedAt is { } saved ? DateOnly.FromDateTime(saved.UtcDateTime) : DirectoryDate;
}
