using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Archive;
using ArchiveSearch.Engine.Errors;
using ArchiveSearch.Engine.Storage;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace ArchiveSearch.Engine.Indexing;

/// <summary>
/// One on-disk index: its single <see cref="IndexWriter"/> (none when read-only) and a <see cref="SearcherManager"/>
/// over its commits. Searches see only committed states, never a write in progress; <see cref="Commit"/>
/// publishes, <see cref="DiscardChanges"/> throws away everything since the last commit.
/// </summary>
public sealed class SearchIndex : ISearcherSource, IDisposable
{
    /// <summary>BM25 at index and search time: its per-term score is bounded, which the ranking tiers rely on.</summary>
    internal static readonly Similarity Similarity = new BM25Similarity();

    /// <summary>
    /// BM25 for a query with no Chinese in it: a word's repetitions saturate more slowly (k1 1.5 against 1.2), which
    /// the evaluation measured as a gain for English queries on both development sets and a loss for Chinese ones
    /// (docs/ranking.md). Norms do not depend on k1, so the same index serves both.
    /// </summary>
    internal static readonly Similarity LatinQuerySimilarity = new BM25Similarity(k1: 1.5f, b: 0.75f);

    static SearchIndex() => ArchiveCodec.Register();

    private static readonly ArchiveCodec Codec = new();

    private readonly Lucene.Net.Store.Directory directory;
    private readonly SearcherManager searchers;
    private readonly bool readOnly;
    private IndexWriter? writer;
    private int leases;
    private volatile bool retired;
    private int disposed;
    private Action? afterRetirement;

    private SearchIndex(string path, Lucene.Net.Store.Directory directory, IndexWriter? writer, Analyzer analyzer)
    {
        Path = path;
        this.directory = directory;
        this.writer = writer;
        readOnly = writer is null;
        Analyzer = analyzer;
        searchers = new SearcherManager(directory, new Bm25SearcherFactory());
    }

    public string Path { get; }
    public Analyzer Analyzer { get; }

    /// <summary>Opens the index at <paramref name="path"/>, creating an empty one if there is none.</summary>
    /// <exception cref="IndexBusyException">another process is writing to this index.</exception>
    public static SearchIndex Open(string path, Analyzer analyzer) => Open(path, analyzer, wrap: null);

    /// <param name="wrap">Tests wrap the file-system directory to inject I/O failures (a full disk).</param>
    internal static SearchIndex Open(string path, Analyzer analyzer, Func<Lucene.Net.Store.Directory, Lucene.Net.Store.Directory>? wrap)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        System.IO.Directory.CreateDirectory(fullPath);
        Lucene.Net.Store.Directory directory = new MappedDirectory(fullPath);
        if (wrap is not null) directory = wrap(directory);
        try
        {
            var writer = new IndexWriter(directory, WriterConfig(analyzer));
            // A searcher needs a commit to open; an empty first commit makes a new index searchable at once.
            if (!DirectoryReader.IndexExists(directory)) writer.Commit();
            return new SearchIndex(fullPath, directory, writer, analyzer);
        }
        catch (LockObtainFailedException e)
        {
            directory.Dispose();
            throw new IndexBusyException($"The index at {fullPath} is in use by another process (a running service or indexer).", e);
        }
    }

    /// <summary>Opens an existing index for searching only: no write lock, so it works beside a running service.</summary>
    public static SearchIndex OpenReadOnly(string path, Analyzer analyzer)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var directory = new MappedDirectory(fullPath);
        if (!DirectoryReader.IndexExists(directory))
        {
            directory.Dispose();
            throw new IndexNotReadyException($"There is no index at {fullPath}.");
        }
        return new SearchIndex(fullPath, directory, null, analyzer);
    }

    private static IndexWriterConfig WriterConfig(Analyzer analyzer) => new(LuceneSettings.Version, analyzer)
    {
        OpenMode = OpenMode.CREATE_OR_APPEND,
        RAMBufferSizeMB = 64,
        Similarity = Similarity,
        Codec = Codec,
        MergeScheduler = MergeScheduler(),
        MergePolicy = new TieredMergePolicy(),
    };

    /// <summary>Segments merged at once, and per tier, while bulk loading; Lucene's default, kept otherwise, is 10.</summary>
    internal const int BulkMergeWidth = 30;

    /// <summary>
    /// While a run may write a large share of the index (a first build, a full rebuild), segments are merged <see cref="BulkMergeWidth"/>
    /// at a time and never packed into compound files: such a run ends with a merge into one segment anyway, and each
    /// tier of merges, like each compound file, writes every byte once more. Off again, an index that takes small
    /// updates keeps few segments (each costs every search) and few files.
    /// </summary>
    internal bool BulkLoading
    {
        get => !Writer.Config.UseCompoundFile;
        set
        {
            var config = Writer.Config;
            config.UseCompoundFile = !value;
            var policy = (TieredMergePolicy)config.MergePolicy;
            var defaults = new TieredMergePolicy();
            policy.MaxMergeAtOnce = value ? BulkMergeWidth : defaults.MaxMergeAtOnce;
            policy.SegmentsPerTier = value ? BulkMergeWidth : defaults.SegmentsPerTier;
            policy.NoCFSRatio = value ? 0 : defaults.NoCFSRatio;
        }
    }

    /// <summary>
    /// Lucene's concurrent scheduler, one merge at a time, but up to six waiting before it stalls the indexing threads:
    /// with its default of two, a large build's indexing threads wait on big merges while a core idles.
    /// </summary>
    private static ConcurrentMergeScheduler MergeScheduler()
    {
        var scheduler = new ConcurrentMergeScheduler();
        scheduler.SetMaxMergesAndThreads(maxMergeCount: 6, maxThreadCount: 1);
        return scheduler;
    }

    public SearcherLease AcquireSearcher() =>
        TryAcquireSearcher() ?? throw new ObjectDisposedException(nameof(SearchIndex), "This index was retired after a rebuild.");

    /// <summary>A lease, or null once the index is retired (the caller then asks the live index again).</summary>
    internal SearcherLease? TryAcquireSearcher()
    {
        Interlocked.Increment(ref leases);
        if (retired)
        {
            ReleaseLease();
            return null;
        }
        return new SearcherLease(searchers, this);
    }

    internal void ReleaseLease()
    {
        if (Interlocked.Decrement(ref leases) == 0 && retired) CloseOnce();
    }

    public int ArticleCount
    {
        get
        {
            using var lease = AcquireSearcher();
            return lease.Searcher.IndexReader.NumDocs;
        }
    }

    private IndexWriter Writer => writer ?? throw new InvalidOperationException(readOnly ? "This index was opened read-only." : "The writer is closed.");

    /// <summary>Adds the article, replacing any earlier version with the same id (idempotent).</summary>
    public void Upsert(Article article) =>
        Writer.UpdateDocument(new Term(IndexSchema.Id, article.Id), ArticleDocumentMapper.ToDocument(article));

    /// <summary>
    /// Adds an article whose id the index does not hold. Cheaper than <see cref="Upsert"/>: no delete term is queued
    /// for it, and Lucene then looks none up for every term of the segment when it flushes.
    /// </summary>
    public void AddNew(Article article) => Writer.AddDocument(ArticleDocumentMapper.ToDocument(article));

    public void Delete(string id) => Writer.DeleteDocuments(new Term(IndexSchema.Id, id));

    /// <summary>Segments in the searchable (committed) index: each costs every search a little.</summary>
    internal int SegmentCount
    {
        get
        {
            using var lease = AcquireSearcher();
            return lease.Searcher.IndexReader.Leaves.Count;
        }
    }

    /// <summary>Merges the index down to at most <paramref name="maxSegments"/> segments; the merge is part of the next commit.</summary>
    public void Compact(int maxSegments) => Writer.ForceMerge(maxSegments);

    /// <summary>Makes every change durable (fsync) and visible to new searches. Call per batch, not per article.</summary>
    public void Commit()
    {
        Writer.SetCommitData(new Dictionary<string, string> { [AnalysisKey] = ArticleAnalyzer.Version });
        Writer.Commit();
        searchers.MaybeRefreshBlocking();
    }

    private const string AnalysisKey = "analysis";

    /// <summary>The analysis version the last commit was written with; null for an empty index never written to.</summary>
    public string? AnalysisVersion
    {
        get
        {
            using var lease = AcquireSearcher();
            if (lease.Searcher.IndexReader is not DirectoryReader reader) return null;
            return reader.IndexCommit.UserData.TryGetValue(AnalysisKey, out var version) ? version : null;
        }
    }

    /// <summary>True when the index holds articles analysed differently from how queries are analysed now.</summary>
    public bool NeedsRebuild => ArticleCount > 0 && AnalysisVersion != ArticleAnalyzer.Version;

    /// <summary>Throws away every change since the last commit; searches never saw them.</summary>
    public void DiscardChanges()
    {
        // Rollback closes the writer, so a fresh one takes its place on the same (unchanged) commit.
        Writer.Rollback();
        writer = new IndexWriter(directory, WriterConfig(Analyzer));
    }

    /// <summary>Every indexed article's id with its path and content hash, from stored fields.</summary>
    public Dictionary<string, IndexedFile> ReadIndexedFiles()
    {
        var files = new Dictionary<string, IndexedFile>(StringComparer.Ordinal);
        var fields = new HashSet<string> { IndexSchema.Id, IndexSchema.Path, IndexSchema.ContentHash };
        using var lease = AcquireSearcher();
        var reader = lease.Searcher.IndexReader;
        var live = MultiFields.GetLiveDocs(reader);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (live is not null && !live.Get(doc)) continue;
            var stored = reader.Document(doc, fields);
            files[stored.Get(IndexSchema.Id)] = new IndexedFile(stored.Get(IndexSchema.Path) ?? "", stored.Get(IndexSchema.ContentHash) ?? "");
        }
        return files;
    }

    /// <summary>Stops handing out searchers; closes once the last lease is released, then runs <paramref name="then"/>.</summary>
    internal void Retire(Action? then = null)
    {
        afterRetirement = then;
        retired = true;
        if (Volatile.Read(ref leases) == 0) CloseOnce();
    }

    public void Dispose()
    {
        retired = true;
        CloseOnce();
    }

    private void CloseOnce()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        searchers.Dispose();
        writer?.Dispose();
        directory.Dispose();
        afterRetirement?.Invoke();
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        private bool first = true;

        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            // Runs before the searcher is published: searches keep using the previous one while new segments load.
            // The first searcher, which opening the index waits for, loads on every core.
            SegmentColumns.WarmUp(reader, onEveryCore: first);
            first = false;
            return new IndexSearcher(reader) { Similarity = Similarity };
        }
    }
}

/// <summary>What the index holds of one file: enough to tell whether the file changed.</summary>
public sealed record IndexedFile(string RelativePath, string ContentHash);
