namespace ArchiveSearch.Engine.Suggesting;

public enum SuggestionKind
{
    /// <summary>A hashtag beginning with the typed text; choosing it filters by the hashtag.</summary>
    Hashtag,
    /// <summary>A title word completing the last typed word.</summary>
    Word,
    /// <summary>A whole title containing the typed text.</summary>
    Title,
}
