using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Archive;
using ArchiveSearch.Engine.Errors;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace ArchiveSearch.Engine.Indexing;

/// <summary>
/// One on-disk index: its single <see cref="IndexWriter"/> and the <see cref="SearcherManager"/> that hands
/// each search a consistent snapshot. Writes become visible to searches only at <see cref="Commit"/>.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    /// <summary>BM25 at index and search time: its per-term score is bounded, which the ranking tiers rely on.</summary>
    internal static readonly Similarity Similarity = new BM25Similarity();

    private readonly FSDirectory directory;
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;

    private SearchIndex(string path, FSDirectory directory, IndexWriter writer, Analyzer analyzer)
    {
        Path = path;
        this.directory = directory;
        this.writer = writer;
        Analyzer = analyzer;
        searchers = new SearcherManager(writer, applyAllDeletes: true, new Bm25SearcherFactory());
    }

    public string Path { get; }
    public Analyzer Analyzer { get; }

    /// <summary>Opens the index at <paramref name="path"/>, creating an empty one if there is none.</summary>
    /// <exception cref="IndexBusyException">another process is writing to this index.</exception>
    public static SearchIndex Open(string path, Analyzer analyzer)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        System.IO.Directory.CreateDirectory(fullPath);
        var directory = FSDirectory.Open(fullPath);
        var config = new IndexWriterConfig(LuceneSettings.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 64,
            Similarity = Similarity,
        };
        try
        {
            var writer = new IndexWriter(directory, config);
            return new SearchIndex(fullPath, directory, writer, analyzer);
        }
        catch (LockObtainFailedException e)
        {
            directory.Dispose();
            throw new IndexBusyException($"The index at {fullPath} is in use by another process (a running service or indexer).", e);
        }
    }

    /// <summary>A searcher over the last committed state; dispose the lease to release it.</summary>
    public SearcherLease AcquireSearcher() => new(searchers);

    public int ArticleCount
    {
        get
        {
            using var lease = AcquireSearcher();
            return lease.Searcher.IndexReader.NumDocs;
        }
    }

    /// <summary>Adds the article, replacing any earlier version with the same id (idempotent).</summary>
    public void Upsert(Article article) =>
        writer.UpdateDocument(new Term(IndexSchema.Id, article.Id), ArticleDocumentMapper.ToDocument(article));

    public void Delete(string id) => writer.DeleteDocuments(new Term(IndexSchema.Id, id));

    /// <summary>Makes every change durable (fsync) and visible to new searches. Call per batch, not per article.</summary>
    public void Commit()
    {
        writer.Commit();
        searchers.MaybeRefreshBlocking();
    }

    public void Dispose()
    {
        searchers.Dispose();
        writer.Dispose();
        directory.Dispose();
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Similarity };
    }
}
