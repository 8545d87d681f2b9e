namespace ArchiveSearch.Engine.Archive;

/// <summary>A hashtag: <see cref="Display"/> keeps the first-seen spelling, <see cref="Key"/> is what compares.</summary>
public sealed record Hashtag(string Display, string Key)
{
    /// <summary>Trims, folds full-width forms to half-width and collapses inner white space; the key also lower-cases.</summary>
    public static Hashtag? Create(string raw)
    {
        var display = TextNormalizer.FoldWidth(raw).Trim();
        display = TextNormalizer.CollapseWhitespace(display);
        if (display.Length == 0) return null;
        return new Hashtag(display, KeyOf(display));
    }

    /// <summary>The comparison key of a hashtag typed by a user (a filter value): same folding as indexing.</summary>
    public static string KeyOf(string value) =>
        TextNormalizer.CollapseWhitespace(TextNormalizer.FoldWidth(value).Trim()).ToLowerInvariant();
}
