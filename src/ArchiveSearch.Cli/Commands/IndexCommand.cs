using System.CommandLine;
using System.Globalization;
using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Errors;
using ArchiveSearch.Engine.Indexing;
using ArchiveSearch.Engine.Reindexing;

namespace ArchiveSearch.Cli.Commands;

/// <summary><c>index --archive DIR --index DIR [--full]</c>: the service's reindex, from the command line.</summary>
internal static class IndexCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var archive = new Option<DirectoryInfo>("--archive") { Description = "The archive folder (walked recursively).", Required = true };
        var index = new Option<DirectoryInfo>("--index") { Description = "The index folder (created when missing).", Required = true };
        var full = new Option<bool>("--full") { Description = "Rebuild from scratch beside the current index and switch when done (default: incremental)." };
        var command = new Command("index", "Bring an index up to date with an archive: add new, replace changed, delete removed files; bad files are reported and skipped.") { archive, index, full };
        command.SetAction(result => Run(result.GetValue(archive)!, result.GetValue(index)!, result.GetValue(full) ? ReindexMode.Full : ReindexMode.Incremental, output, error));
        return command;
    }

    private static int Run(DirectoryInfo archive, DirectoryInfo indexFolder, ReindexMode mode, TextWriter output, TextWriter error)
    {
        if (!archive.Exists)
        {
            error.WriteLine($"The archive folder {archive.FullName} does not exist.");
            return ExitCodes.BadInput;
        }
        try
        {
            using var index = LiveIndex.Open(indexFolder.FullName, ArticleAnalyzer.Create());
            var progress = new ReindexProgress();
            IndexRunReport report;
            using (Console.IsOutputRedirected || output != Console.Out ? null : new TerminalProgress(output, progress))
            {
                report = Reindexer.Run(index, archive.FullName, mode, progress);
            }
            Print(report, index.ArticleCount, output);
            return ExitCodes.Ok;
        }
        catch (IndexBusyException e)
        {
            error.WriteLine(e.Message + " Stop the service, or ask it to reindex.");
            return ExitCodes.Busy;
        }
    }

    private static void Print(IndexRunReport report, int total, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"Files:     {report.FilesScanned}"));
        output.WriteLine(string.Create(c, $"Added:     {report.Added}"));
        output.WriteLine(string.Create(c, $"Updated:   {report.Updated}"));
        output.WriteLine(string.Create(c, $"Deleted:   {report.Deleted}"));
        output.WriteLine(string.Create(c, $"Unchanged: {report.Unchanged}"));
        output.WriteLine(string.Create(c, $"Skipped:   {report.Skipped.Count}"));
        foreach (var problem in report.Skipped)
        {
            var line = problem.Line is { } n ? string.Create(c, $":{n}") : "";
            output.WriteLine($"  {problem.RelativePath}{line}: {problem.Reason}");
        }
        output.WriteLine(string.Create(c, $"Elapsed:   {report.Elapsed.TotalSeconds:0.00} s ({report.ArticlesPerSecond:0} articles/s, {report.SourceBytes / 1048576.0 / Math.Max(report.Elapsed.TotalSeconds, 1e-9):0.0} MB/s)"));
        output.WriteLine(string.Create(c, $"In index:  {total} articles"));
    }

    /// <summary>One self-overwriting line on a terminal, redrawn a few times a second while the run goes on.</summary>
    private sealed class TerminalProgress : IDisposable
    {
        private readonly TextWriter output;
        private readonly ReindexProgress progress;
        private readonly Timer timer;

        public TerminalProgress(TextWriter output, ReindexProgress progress)
        {
            this.output = output;
            this.progress = progress;
            timer = new Timer(_ => Draw(), null, 250, 250);
        }

        private void Draw() => output.Write($"\rIndexing {progress.Scanned}/{progress.Total}…");

        public void Dispose()
        {
            timer.Dispose();
            Draw();
            output.WriteLine();
        }
    }
}
