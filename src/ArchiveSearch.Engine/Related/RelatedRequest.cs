using ArchiveSearch.Engine.Errors;

namespace ArchiveSearch.Engine.Related;

/// <summary>The article to find others like, and how many.</summary>
public sealed record RelatedRequest
{
    public const int MaxSize = 20;
    public const int DefaultSize = 5;

    public required string Id { get; init; }
    public int Size { get; init; } = DefaultSize;

    /// <summary>Throws <see cref="InvalidSearchRequestException"/> naming the parameter at fault.</summary>
    public void Validate()
    {
        if (Size < 1 || Size > MaxSize) throw new InvalidSearchRequestException("size", $"size must be between 1 and {MaxSize}.");
    }
}
