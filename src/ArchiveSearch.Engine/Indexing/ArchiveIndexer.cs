using System.Diagnostics;
using ArchiveSearch.Engine.Archive;

namespace ArchiveSearch.Engine.Indexing;

/// <summary>
/// Reads every article of an archive into an index: files are parsed and analysed on all cores and fed to
/// the one IndexWriter (which is thread-safe), then committed once, so searches see the run all at once.
/// A bad file is reported and skipped; it never stops the run, and its previously indexed version stays.
/// </summary>
public static class ArchiveIndexer
{
    public static IndexRunReport Run(SearchIndex index, string archiveRoot, IProgress<IndexProgress>? progress = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var files = ArchiveScanner.Scan(archiveRoot);
        var problems = new List<ArchiveProblem>();
        var unique = WithoutDuplicateIds(files, problems);

        var indexed = 0;
        var done = 0;
        long bytes = 0;
        var options = new ParallelOptions { CancellationToken = cancellation, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.ForEach(unique, options, file =>
        {
            var result = ArticleFileReader.Read(file);
            if (result.Article is { } article)
            {
                index.Upsert(article);
                Interlocked.Increment(ref indexed);
                Interlocked.Add(ref bytes, file.Length);
            }
            else if (result.Problem is { } problem)
            {
                lock (problems) problems.Add(problem);
            }
            var count = Interlocked.Increment(ref done);
            if (count % 256 == 0) progress?.Report(new IndexProgress(count, unique.Count));
        });
        index.Commit();
        progress?.Report(new IndexProgress(unique.Count, unique.Count));

        problems.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return new IndexRunReport(files.Count, indexed, problems, clock.Elapsed, bytes);
    }

    // Ids come from file names, so two files can claim one id (an article saved twice). The first path in
    // ordinal order wins, whatever order threads finish in, so every run indexes the same file.
    private static List<ArchiveFile> WithoutDuplicateIds(IReadOnlyList<ArchiveFile> files, List<ArchiveProblem> problems)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var unique = new List<ArchiveFile>(files.Count);
        foreach (var file in files)
        {
            var id = ArticleId.For(file.RelativePath);
            if (owners.TryGetValue(id, out var owner))
            {
                problems.Add(new ArchiveProblem(file.RelativePath, null, $"Duplicate article id {id}: {owner} already has it."));
                continue;
            }
            owners[id] = file.RelativePath;
            unique.Add(file);
        }
        return unique;
    }
}
