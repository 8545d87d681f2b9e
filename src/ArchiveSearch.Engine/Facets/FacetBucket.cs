namespace ArchiveSearch.Engine.Facets;

/// <summary>A facet value and how many matching articles carry it.</summary>
public sealed record FacetBucket(string Value, int Count);

/// <summary>A date histogram bucket: its label (<c>2025</c>, <c>2025-05</c> or <c>2025-05-23</c>), first and last day, and count.</summary>
public sealed record DateBucket(string Value, DateOnly From, DateOnly To, int Count);

public enum DateInterval { Day, Month, Year }
