using Lucene.Net.Index;
using Lucene.Net.Util;

namespace ArchiveSearch.Engine.Indexing;

/// <summary>A segment's SortedSet doc values in memory: document d's ordinals are <c>Ords[Starts[d]..Starts[d+1]]</c>.</summary>
internal sealed class OrdinalColumn(int[] starts, int[] ords, string[] values)
{
    public ReadOnlySpan<int> Of(int doc) => ords.AsSpan(starts[doc], starts[doc + 1] - starts[doc]);

    /// <summary>The arrays behind the column, for saving it (<see cref="ColumnFiles"/>).</summary>
    internal (int[] Starts, int[] Ords, string[] Values) Parts => (starts, ords, values);

    private FacetLabel[]? labels;

    /// <summary>Each ordinal's value, in the doc values' (byte) order.</summary>
    public IReadOnlyList<string> Values => values;

    /// <summary>
    /// Each ordinal's value split into its key and the spelling shown (values are "key\u001Fdisplay"), once per segment
    /// rather than once per search. Computed on first use; two racing first uses compute the same labels.
    /// </summary>
    public IReadOnlyList<FacetLabel> Labels => labels ??= values.Select(FacetLabel.Of).ToArray();

    public static OrdinalColumn Load(AtomicReader reader, string field)
    {
        var source = reader.GetSortedSetDocValues(field);
        var starts = new int[reader.MaxDoc + 1];
        if (source is null) return new OrdinalColumn(starts, [], []);
        var ords = new List<int>(reader.MaxDoc);
        if (DocValues.UnwrapSingleton(source) is { } single)
        {
            // At most one value per document (a source, a type): one lookup each instead of an ordinal list walk.
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                starts[doc] = ords.Count;
                var ord = single.GetOrd(doc);
                if (ord >= 0) ords.Add(ord);
            }
        }
        else
        {
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                starts[doc] = ords.Count;
                source.SetDocument(doc);
                long ord;
                while ((ord = source.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) ords.Add((int)ord);
            }
        }
        starts[reader.MaxDoc] = ords.Count;
        var values = new string[source.ValueCount];
        var bytes = new BytesRef();
        for (var ord = 0; ord < values.Length; ord++)
        {
            source.LookupOrd(ord, bytes);
            values[ord] = bytes.Utf8ToString();
        }
        return new OrdinalColumn(starts, [.. ords], values);
    }
}
