using ArchiveSearch.Engine.Reindexing;

namespace ArchiveSearch.Api.Endpoints;

/// <summary>A reindex job as the API shows it.</summary>
public sealed record ReindexJobView(
    string Id,
    ReindexMode Mode,
    ReindexState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    ReindexProgressView Progress,
    IReadOnlyList<SkippedFileView> SkippedFiles,
    string? Error)
{
    public static ReindexJobView From(ReindexJob job)
    {
        var p = job.Progress;
        var estimate = p.Estimate();
        return new(job.Id, job.Mode, job.State, job.CreatedAt, job.StartedAt, job.EndedAt,
            new ReindexProgressView(p.Total, p.Scanned, p.Added, p.Updated, p.Deleted, p.Unchanged, p.Skipped,
                IndexingStatus.Rate(estimate), IndexingStatus.Eta(estimate)),
            p.Problems.Select(x => new SkippedFileView(x.RelativePath, x.Line, x.Reason)).ToList(),
            job.Error);
    }
}

/// <summary>
/// <c>Scanned</c> of <c>Total</c> files done; the counts say what happened to them. <c>FilesPerSecond</c>: the rate over
/// the last half minute (a finished job's average); <c>EtaSeconds</c>: the time left at that rate. Both null until measured.
/// </summary>
public sealed record ReindexProgressView(int Total, int Scanned, int Added, int Updated, int Deleted, int Unchanged, int Skipped,
    double? FilesPerSecond, int? EtaSeconds);

public sealed record SkippedFileView(string Path, int? Line, string Reason);
