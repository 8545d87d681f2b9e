using System.ComponentModel.DataAnnotations;
using ArchiveSearch.Engine.Indexing;

namespace ArchiveSearch.Api.Configuration;

/// <summary>The <c>Search</c> configuration section.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>The archive folder to index; a relative path is taken from the content root (the API project's folder under <c>dotnet run</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string ArchivePath { get; set; } = "../../index-data/archive";

    /// <summary>Where the Lucene index lives, created when missing; relative like <see cref="ArchivePath"/>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string IndexPath { get; set; } = "../../index-data/index";

    /// <summary>
    /// The key admin endpoints (reindex) require in the <c>X-Api-Key</c> header. Unset: admin endpoints accept
    /// only loopback clients. Read on every request, so a changed key applies without a restart.
    /// </summary>
    public string? AdminApiKey { get; set; }

    /// <summary>Watch the archive folder and run an incremental reindex after files stop changing.</summary>
    public bool Watch { get; set; }

    /// <summary>How long the archive must stay quiet before a watch-triggered reindex starts.</summary>
    [Range(100, 600_000)]
    public int WatchDebounceMilliseconds { get; set; } = 2000;

    /// <summary>
    /// A first build (no index yet, or one a kill interrupted) commits at least this often, so searches answer from
    /// what is indexed so far and a crash keeps it. Each commit costs a segment flush, an fsync and a searcher refresh.
    /// </summary>
    [Range(0.05, 3600)]
    public double FirstBuildCommitSeconds { get; set; } = 5;

    /// <summary>…and at least every this many files written, whichever comes first.</summary>
    [Range(1, 10_000_000)]
    public int FirstBuildCommitFiles { get; set; } = 5_000;

    /// <summary>How often the log prints a first build's progress (files done, rate, time left).</summary>
    [Range(0.05, 3600)]
    public double ProgressLogSeconds { get; set; } = 5;

    internal BatchCommits FirstBuildBatches => new(TimeSpan.FromSeconds(FirstBuildCommitSeconds), FirstBuildCommitFiles);
}
