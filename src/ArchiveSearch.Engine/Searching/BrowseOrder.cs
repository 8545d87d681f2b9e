using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ArchiveSearch.Engine.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Int32 = J2N.Numerics.Int32;
using Int64 = J2N.Numerics.Int64;

namespace ArchiveSearch.Engine.Searching;

/// <summary>
/// Every live article of a reader in a browse's order (a time key descending, then document id), computed once per
/// reader: a page of the unfiltered browse is then a slice of it. Sorting all the articles for each page put every one
/// through the top-hits queue, since they are indexed oldest first and each is newer than the page's last.
/// </summary>
internal static class BrowseOrder
{
    private static readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<string, Lazy<(long[] Keys, int[] Docs)>>> ByReader = [];

    /// <summary>
    /// The page <paramref name="offset"/>…+<paramref name="size"/> of the reader's articles sorted by <paramref name="field"/>
    /// descending then by document, or the <paramref name="size"/> after <paramref name="after"/>: the same hits, with the
    /// same sort values, as a <see cref="TopFieldCollector"/> sorting a match-all query by that field and the document.
    /// Null when <paramref name="after"/> does not hold such sort values.
    /// </summary>
    public static ScoreDoc[]? Page(IndexReader reader, string field, int offset, int size, FieldDoc? after)
    {
        var (keys, docs) = ByReader.GetOrCreateValue(reader).GetOrAdd(field, f => new Lazy<(long[], int[])>(() => Sort(reader, f))).Value;
        int start;
        if (after is null)
        {
            start = Math.Min(offset, docs.Length);
        }
        else
        {
            if (after.Fields is not [Int64 afterKey, Int32 afterDoc]) return null;
            start = FirstAfter(keys, docs, afterKey.ToInt64(), afterDoc.ToInt32());
        }
        var page = new ScoreDoc[Math.Min(size, docs.Length - start)];
        for (var i = 0; i < page.Length; i++)
        {
            var at = start + i;
            page[i] = new FieldDoc(docs[at], float.NaN, [Int64.GetInstance(keys[at]), Int32.GetInstance(docs[at])]);
        }
        return page;
    }

    /// <summary>The first position whose (key, document) sorts after the cursor's: a smaller key, or the same key and a later document.</summary>
    private static int FirstAfter(long[] keys, int[] docs, long key, int doc)
    {
        int low = 0, high = keys.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            var after = keys[mid] < key || (keys[mid] == key && docs[mid] > doc);
            if (after) high = mid;
            else low = mid + 1;
        }
        return low;
    }

    private static (long[] Keys, int[] Docs) Sort(IndexReader reader, string field)
    {
        var entries = new List<(long NotKey, int Doc)>(reader.NumDocs);
        foreach (var leaf in reader.Leaves)
        {
            var column = SegmentColumns.Numeric(leaf.AtomicReader, field);
            var live = leaf.AtomicReader.LiveDocs;
            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                // ~key orders descending keys ascending without overflow (long.MinValue, an undated article, included).
                if (live is null || live.Get(doc)) entries.Add((~column[doc], leaf.DocBase + doc));
            }
        }
        var sorted = entries.ToArray();
        Array.Sort(sorted);
        return ([.. sorted.Select(e => ~e.NotKey)], [.. sorted.Select(e => e.Doc)]);
    }
}
