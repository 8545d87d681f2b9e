using ArchiveSearch.Api.Configuration;
using ArchiveSearch.Engine.Reindexing;
using Microsoft.Extensions.Options;

namespace ArchiveSearch.Api.Hosting;

/// <summary>
/// With <c>Search:Watch</c> on, runs an incremental reindex once the archive folder has been quiet for the
/// debounce period after a change, so the index follows the archive without anyone asking.
/// </summary>
internal sealed partial class ArchiveWatcher(IndexHost host, IOptions<SearchOptions> options, IHostEnvironment environment, ILogger<ArchiveWatcher> logger)
    : IHostedService, IDisposable
{
    private FileSystemWatcher? watcher;
    private Timer? quiet;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Watch) return Task.CompletedTask;
        var archive = Path.GetFullPath(options.Value.ArchivePath, environment.ContentRootPath);
        if (!Directory.Exists(archive))
        {
            LogCannotWatch(archive);
            return Task.CompletedTask;
        }
        quiet = new Timer(_ => Reindex(), null, Timeout.Infinite, Timeout.Infinite);
        watcher = new FileSystemWatcher(archive)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += (_, _) => Restart();
        watcher.Created += (_, _) => Restart();
        watcher.Deleted += (_, _) => Restart();
        watcher.Renamed += (_, _) => Restart();
        // Lost events (a burst overflowing the buffer) still mean "something changed".
        watcher.Error += (_, _) => Restart();
        watcher.EnableRaisingEvents = true;
        LogWatching(archive, options.Value.WatchDebounceMilliseconds);
        return Task.CompletedTask;
    }

    private void Restart() => quiet?.Change(options.Value.WatchDebounceMilliseconds, Timeout.Infinite);

    private void Reindex()
    {
        if (!host.IsReady || host.Jobs.IsRunning)
        {
            Restart();
            return;
        }
        try
        {
            var job = host.Jobs.Start(ReindexMode.Incremental);
            LogStarted(job.Id);
        }
        catch (ReindexAlreadyRunningException)
        {
            Restart();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        watcher?.Dispose();
        watcher = null;
        quiet?.Dispose();
        quiet = null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {Archive}: an incremental reindex runs {Debounce} ms after changes stop")]
    private partial void LogWatching(string archive, int debounce);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch {Archive}: the folder does not exist")]
    private partial void LogCannotWatch(string archive);

    [LoggerMessage(Level = LogLevel.Information, Message = "Archive changed: started incremental reindex job {JobId}")]
    private partial void LogStarted(string jobId);
}
