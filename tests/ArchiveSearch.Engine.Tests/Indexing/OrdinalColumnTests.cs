using ArchiveSearch.Engine.Indexing;

namespace ArchiveSearch.Engine.Tests.Indexing;

/// <summary>The per-document ordinal array a single-valued facet (source, type) is counted from.</summary>
public sealed class OrdinalColumnTests
{
    [Fact]
    public void A_column_with_at_most_one_value_per_document_gives_each_documents_ordinal_and_minus_one_for_none()
    {
        // Documents 0..3: ord 2, none, ord 0, ord 2.
        var column = new OrdinalColumn(starts: [0, 1, 1, 2, 3], ords: [2, 0, 2], values: ["a", "b", "c"]);

        Assert.Equal([2, -1, 0, 2], column.SingleOrds!);
        for (var doc = 0; doc < 4; doc++) Assert.Equal(column.Of(doc).ToArray(), column.SingleOrds![doc] < 0 ? [] : [column.SingleOrds[doc]]);
    }

    [Fact]
    public void A_column_where_a_document_has_two_values_has_no_single_ordinals()
    {
        // Document 2 has two hashtags.
        var column = new OrdinalColumn(starts: [0, 1, 1, 3], ords: [0, 0, 1], values: ["a", "b"]);

        Assert.Null(column.SingleOrds);
    }
}
