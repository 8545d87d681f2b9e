using ArchiveSearch.Engine.Errors;

namespace ArchiveSearch.Engine.Suggesting;

/// <summary>What someone has typed so far, and how many completions to answer with.</summary>
public sealed record SuggestRequest
{
    /// <summary>Suggestions complete a few typed words: more than this is a search, not typing.</summary>
    public const int MaxQueryLength = 100;
    public const int MaxSize = 20;
    public const int DefaultSize = 8;

    public string? Query { get; init; }
    public int Size { get; init; } = DefaultSize;

    /// <summary>Throws <see cref="InvalidSearchRequestException"/> naming the parameter at fault.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Query)) throw new InvalidSearchRequestException("q", "q is required: the text typed so far.");
        if (Query.Length > MaxQueryLength)
            throw new InvalidSearchRequestException("q", $"q is {Query.Length} characters long; at most {MaxQueryLength} are allowed for suggestions.");
        if (Size < 1 || Size > MaxSize) throw new InvalidSearchRequestException("size", $"size must be between 1 and {MaxSize}.");
    }
}
