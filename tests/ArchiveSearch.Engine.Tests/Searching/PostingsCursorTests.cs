using ArchiveSearch.Engine.Indexing;
using ArchiveSearch.Engine.Searching;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using ArchiveSearch.Engine.Tests.Support;

namespace ArchiveSearch.Engine.Tests.Searching;

/// <summary>
/// The cursor that reads Lucene's decoded postings blocks must see every document and frequency <c>NextDoc</c> sees,
/// and leave the enum where <c>NextDoc</c> would have, so that its own advances and refills carry on correctly.
/// </summary>
public sealed class PostingsCursorTests(LongQueryArchive archive) : IClassFixture<LongQueryArchive>
{
    public static TheoryData<string> Fields => [IndexSchema.Title, IndexSchema.AiSummary, IndexSchema.OriginalText, IndexSchema.OriginalTextBigrams];

    [Theory]
    [MemberData(nameof(Fields))]
    public void Every_terms_postings_walked_in_stretches_with_advances_between_equal_what_next_doc_reads(string field)
    {
        using var lease = archive.Index.AcquireSearcher();
        var random = new Random(field.GetHashCode(StringComparison.Ordinal));
        long postings = 0;
        var longLists = 0;
        foreach (var (reader, terms) in EveryTerm(lease.Searcher, field))
        {
            var expected = Walk(terms.Docs(reader.LiveDocs, null));
            var walked = new List<(int Doc, int Freq)>();
            var docs = terms.Docs(reader.LiveDocs, null);
            var doc = docs.NextDoc();
            while (doc != DocIdSetIterator.NO_MORE_DOCS)
            {
                // A stretch through the cursor, then one of Lucene's own calls from where it left the enum.
                var cursor = new PostingsCursor(docs, doc);
                for (var n = random.Next(1, 400); n > 0 && doc != DocIdSetIterator.NO_MORE_DOCS; n--)
                {
                    walked.Add((doc, cursor.Freq));
                    doc = cursor.Next();
                }
                cursor.Save();
                Assert.Equal(doc, docs.DocID);
                if (doc == DocIdSetIterator.NO_MORE_DOCS) break;
                Assert.Equal(cursor.Freq, docs.Freq);
                walked.Add((doc, docs.Freq));
                doc = random.Next(3) == 0 ? docs.Advance(doc + 1 + random.Next(300)) : docs.NextDoc();
                // An advance may pass documents: what NextDoc would have read up to there is not compared.
                if (doc != DocIdSetIterator.NO_MORE_DOCS) expected.RemoveAll(e => e.Doc > walked[^1].Doc && e.Doc < doc);
                else expected.RemoveAll(e => e.Doc > walked[^1].Doc);
            }
            Assert.Equal(expected, walked);
            postings += walked.Count;
            if (walked.Count > 128) longLists++;
        }
        Assert.True(postings > 5_000, $"only {postings} postings");
        Assert.True(longLists > 3, $"only {longLists} posting lists go past their first block");
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void Every_terms_postings_walked_to_random_ends_with_advances_between_equal_what_next_doc_reads(string field)
    {
        using var lease = archive.Index.AcquireSearcher();
        var random = new Random(field.GetHashCode(StringComparison.Ordinal) + 1);
        long postings = 0;
        foreach (var (reader, terms) in EveryTerm(lease.Searcher, field))
        {
            var expected = Walk(terms.Docs(reader.LiveDocs, null));
            var collected = new Collected();
            var docs = terms.Docs(reader.LiveDocs, null);
            var doc = docs.NextDoc();
            while (doc != DocIdSetIterator.NO_MORE_DOCS)
            {
                // A walk to an end within a few blocks (sometimes the document itself: nothing taken), then one of
                // Lucene's own calls from where the cursor left the enum.
                var cursor = new PostingsCursor(docs, doc);
                var end = doc + random.Next(0, 600);
                var reached = cursor.WalkTo(end, ref collected);
                Assert.True(reached >= end, $"stopped at {reached} before {end}");
                Assert.Equal(reached, cursor.Doc);
                cursor.Save();
                Assert.Equal(reached, docs.DocID);
                if (reached == DocIdSetIterator.NO_MORE_DOCS) break;
                Assert.Equal(cursor.Freq, docs.Freq);
                collected.Add(reached, docs.Freq);
                doc = random.Next(3) == 0 ? docs.Advance(reached + 1 + random.Next(300)) : docs.NextDoc();
                if (doc != DocIdSetIterator.NO_MORE_DOCS) expected.RemoveAll(e => e.Doc > reached && e.Doc < doc);
                else expected.RemoveAll(e => e.Doc > reached);
            }
            Assert.Equal(expected, collected.Postings);
            postings += collected.Postings.Count;
        }
        Assert.True(postings > 5_000, $"only {postings} postings");
    }

    [Fact]
    public void A_walk_over_the_segment_with_deleted_articles_skips_them()
    {
        using var lease = archive.Index.AcquireSearcher();
        var leaf = lease.Searcher.IndexReader.Leaves.Single(l => l.AtomicReader.LiveDocs is not null);
        var live = leaf.AtomicReader.LiveDocs;
        var expected = Walk(leaf.AtomicReader.GetTermDocsEnum(new Term(IndexSchema.Title, "open"))!);
        var docs = leaf.AtomicReader.GetTermDocsEnum(new Term(IndexSchema.Title, "open"))!;
        var cursor = new PostingsCursor(docs, docs.NextDoc());
        var collected = new Collected();
        Assert.Equal(DocIdSetIterator.NO_MORE_DOCS, cursor.WalkTo(DocIdSetIterator.NO_MORE_DOCS, ref collected));
        Assert.Equal(expected, collected.Postings);
        Assert.All(collected.Postings, p => Assert.True(live.Get(p.Doc), $"deleted document {p.Doc} walked"));
        Assert.True(collected.Postings.Count > 100, $"only {collected.Postings.Count} postings");
    }

    private readonly struct Collected() : IPostingSink
    {
        public List<(int Doc, int Freq)> Postings { get; } = [];

        public void Add(int doc, int freq) => Postings.Add((doc, freq));
    }

    [Fact]
    public void The_segment_with_deleted_articles_is_walked_through_next_doc_and_skips_them()
    {
        using var lease = archive.Index.AcquireSearcher();
        var leaf = lease.Searcher.IndexReader.Leaves.Single(l => l.AtomicReader.LiveDocs is not null);
        var live = leaf.AtomicReader.LiveDocs;
        var docs = leaf.AtomicReader.GetTermDocsEnum(new Term(IndexSchema.Title, "open"))!;
        var cursor = new PostingsCursor(docs, docs.NextDoc());
        var seen = 0;
        for (var doc = cursor.Doc; doc != DocIdSetIterator.NO_MORE_DOCS; doc = cursor.Next())
        {
            Assert.True(live.Get(doc), $"deleted document {doc} walked");
            seen++;
        }
        Assert.True(seen > 100, $"only {seen} postings");
    }

    /// <summary>Each term of the field in each segment, its enum positioned on it.</summary>
    private static IEnumerable<(AtomicReader Reader, TermsEnum Terms)> EveryTerm(IndexSearcher searcher, string field)
    {
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(field)?.GetEnumerator();
            if (terms is null) continue;
            while (terms.MoveNext()) yield return (leaf.AtomicReader, terms);
        }
    }

    private static List<(int Doc, int Freq)> Walk(DocsEnum docs)
    {
        var all = new List<(int, int)>();
        for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc()) all.Add((doc, docs.Freq));
        return all;
    }
}
