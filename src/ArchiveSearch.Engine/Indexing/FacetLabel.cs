namespace ArchiveSearch.Engine.Indexing;

/// <summary>A facet value's key (what filters match) and its spelling as shown.</summary>
internal readonly record struct FacetLabel(string Key, string Display)
{
    public static FacetLabel Of(string value)
    {
        var separator = value.IndexOf(IndexSchema.FacetSeparator);
        return separator < 0 ? new FacetLabel(value, value) : new FacetLabel(value[..separator], value[(separator + 1)..]);
    }
}
