using System.ComponentModel.DataAnnotations;
using ArchiveSearch.Engine.Searching;

namespace ArchiveSearch.Api.Configuration;

/// <summary>The <c>Protection</c> section: rate limits, search limits, CORS and time budgets. Every limit answers 429 or 400 naming it.</summary>
public sealed class ProtectionOptions
{
    public const string Section = "Protection";

    /// <summary>Searches (and article look-ups) per client address per minute; 0 turns the limit off.</summary>
    [Range(0, 10_000_000)]
    public int SearchRequestsPerMinute { get; set; } = 6000;

    /// <summary>Admin requests (reindex) per client address per minute.</summary>
    [Range(1, 100_000)]
    public int AdminRequestsPerMinute { get; set; } = 30;

    /// <summary>Wrong or missing admin keys tolerated per client address per 15 minutes; past it every admin request is refused with 429.</summary>
    [Range(1, 10_000)]
    public int FailedAdminKeysPer15Minutes { get; set; } = 10;

    /// <summary>How long one search may match and count before it answers with partial results.</summary>
    [Range(10, 600_000)]
    public int SearchTimeBudgetMilliseconds { get; set; } = 2000;

    [Range(1, 100_000)] public int MaxQueryLength { get; set; } = SearchLimits.Default.MaxQueryLength;
    [Range(1, 1000)] public int MaxQueryWords { get; set; } = SearchLimits.Default.MaxQueryWords;
    [Range(1, 10_000)] public int MaxPageSize { get; set; } = SearchLimits.Default.MaxPageSize;
    [Range(1, 1_000_000)] public int MaxResultWindow { get; set; } = SearchLimits.Default.MaxResultWindow;
    [Range(1, 100_000)] public int MaxFacetSize { get; set; } = SearchLimits.Default.MaxFacetSize;
    [Range(1, 10_000)] public int MaxFilterValues { get; set; } = SearchLimits.Default.MaxFilterValues;
    [Range(1, 100)] public int MinPrefixLength { get; set; } = SearchLimits.Default.MinPrefixLength;
    [Range(1, 1000)] public int MaxPrefixExpansions { get; set; } = SearchLimits.Default.MaxPrefixExpansions;

    public SearchLimits ToLimits() => new()
    {
        MaxQueryLength = MaxQueryLength,
        MaxQueryWords = MaxQueryWords,
        MaxPageSize = MaxPageSize,
        MaxResultWindow = MaxResultWindow,
        MaxFacetSize = MaxFacetSize,
        MaxFilterValues = MaxFilterValues,
        MinPrefixLength = MinPrefixLength,
        MaxPrefixExpansions = MaxPrefixExpansions,
    };

    /// <summary>Origins allowed to call the API from a browser (CORS); empty: none.</summary>
    public string[] CorsOrigins { get; set; } = [];
}
