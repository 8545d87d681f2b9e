using System.CommandLine;
using System.Globalization;
using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Errors;
using ArchiveSearch.Engine.Indexing;

namespace ArchiveSearch.Cli.Commands;

/// <summary><c>index --archive DIR --index DIR</c>: adds or replaces every article of the archive in the index.</summary>
internal static class IndexCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var archive = new Option<DirectoryInfo>("--archive") { Description = "The archive folder (walked recursively).", Required = true };
        var index = new Option<DirectoryInfo>("--index") { Description = "The index folder (created when missing).", Required = true };
        var command = new Command("index", "Index every article of an archive; bad files are reported and skipped.") { archive, index };
        command.SetAction(result => Run(result.GetValue(archive)!, result.GetValue(index)!, output, error));
        return command;
    }

    private static int Run(DirectoryInfo archive, DirectoryInfo indexFolder, TextWriter output, TextWriter error)
    {
        if (!archive.Exists)
        {
            error.WriteLine($"The archive folder {archive.FullName} does not exist.");
            return ExitCodes.BadInput;
        }
        try
        {
            using var index = SearchIndex.Open(indexFolder.FullName, ArticleAnalyzer.Create());
            var progress = Console.IsOutputRedirected || output != Console.Out ? null : new TerminalProgress(output);
            var report = ArchiveIndexer.Run(index, archive.FullName, progress);
            progress?.Finish();
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
        output.WriteLine(string.Create(c, $"Indexed:   {report.Indexed}"));
        output.WriteLine(string.Create(c, $"Skipped:   {report.Skipped.Count}"));
        foreach (var problem in report.Skipped)
        {
            var line = problem.Line is { } n ? string.Create(c, $":{n}") : "";
            output.WriteLine($"  {problem.RelativePath}{line}: {problem.Reason}");
        }
        output.WriteLine(string.Create(c, $"Elapsed:   {report.Elapsed.TotalSeconds:0.00} s ({report.ArticlesPerSecond:0} articles/s, {report.SourceBytes / 1048576.0 / Math.Max(report.Elapsed.TotalSeconds, 1e-9):0.0} MB/s)"));
        output.WriteLine(string.Create(c, $"In index:  {total} articles"));
    }

    /// <summary>One self-overwriting line on a terminal.</summary>
    private sealed class TerminalProgress(TextWriter output) : IProgress<IndexProgress>
    {
        public void Report(IndexProgress value) => output.Write($"\rIndexing {value.Done}/{value.Total}…");

        public void Finish() => output.WriteLine();
    }
}
