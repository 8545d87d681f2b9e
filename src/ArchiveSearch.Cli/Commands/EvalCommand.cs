using System.CommandLine;
using System.Globalization;
using System.Text;
using ArchiveSearch.Engine.Searching;
using ArchiveSearch.Engine.Errors;
using ArchiveSearch.Engine.Evaluation;

namespace ArchiveSearch.Cli.Commands;

/// <summary>
/// <c>eval --queries FILE.tsv --archive DIR [--index DIR] [--worst N] [--json FILE] [--label TEXT]</c>:
/// indexes an archive with the service's engine and scores known-item queries against it.
/// </summary>
internal static class EvalCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var queries = new Option<FileInfo>("--queries") { Description = "TSV: query<TAB>expected article id per line; # comments and blank lines skipped.", Required = true };
        var archive = new Option<DirectoryInfo>("--archive") { Description = "The archive the ids refer to (walked recursively).", Required = true };
        var index = new Option<DirectoryInfo?>("--index") { Description = "Index folder to build or update and keep (default: a temporary one, deleted afterwards)." };
        var worst = new Option<int>("--worst") { Description = "How many of the worst queries to list.", DefaultValueFactory = _ => 10 };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the figures as JSON to this file." };
        var label = new Option<string?>("--label") { Description = "A name for this run (the configuration measured), kept in the JSON." };
        var features = new Option<string?>("--features") { Description = $"Query-side relevance features: default, none, or a list of {string.Join(", ", RelevanceFeatures.Names)}." };
        var baseline = new Option<string?>("--baseline")
        {
            Description = "Rank with a stock setup instead of the service, for comparison: 'stock' (SmartChineseAnalyzer, BM25, words OR-ed per field, "
                + "best field as Elasticsearch's multi_match) or 'stock-sum' (fields summed, as most_fields).",
        };
        baseline.AcceptOnlyFromAmong("stock", "stock-sum");
        var command = new Command("eval", "Measure ranking: MRR@10, Recall@1, Recall@10 and nDCG@10 of known-item queries, overall and for zh and en queries.")
        {
            queries, archive, index, worst, json, label, features, baseline,
        };
        command.SetAction(result => Run(
            result.GetValue(queries)!, result.GetValue(archive)!, result.GetValue(index), Math.Max(0, result.GetValue(worst)),
            result.GetValue(json), result.GetValue(label), result.GetValue(features), result.GetValue(baseline), output, error));
        return command;
    }

    private static int Run(FileInfo queryFile, DirectoryInfo archive, DirectoryInfo? indexFolder, int worst, FileInfo? json, string? label, string? features,
        string? baseline, TextWriter output, TextWriter error)
    {
        if (!queryFile.Exists)
        {
            error.WriteLine($"The query file {queryFile.FullName} does not exist.");
            return ExitCodes.BadInput;
        }
        if (!archive.Exists)
        {
            error.WriteLine($"The archive folder {archive.FullName} does not exist.");
            return ExitCodes.BadInput;
        }
        IReadOnlyList<EvalQuery> queries;
        try
        {
            queries = QueryFile.Read(queryFile.FullName);
        }
        catch (QueryFileFormatException e)
        {
            error.WriteLine($"{queryFile.FullName}:{e.Line}: {e.Message}");
            return ExitCodes.BadInput;
        }

        var temporary = indexFolder is null ? Directory.CreateTempSubdirectory("archive-eval-").FullName : null;
        try
        {
            var evaluation = baseline is null
                ? EvaluationRunner.IndexAndRun(archive.FullName, indexFolder?.FullName ?? temporary!, queries, RelevanceFeatures.Parse(features))
                : StockBaseline.IndexAndRun(archive.FullName, queries, baseline == "stock" ? StockFieldCombination.BestField : StockFieldCombination.SumOfFields);
            Print(evaluation, worst, output);
            if (json is not null) File.WriteAllText(json.FullName, EvaluationJson.Write(evaluation, label, queryFile.Name) + "\n", new UTF8Encoding(false));
            return ExitCodes.Ok;
        }
        catch (InvalidSearchRequestException e)
        {
            error.WriteLine($"--{e.Parameter}: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (IndexBusyException e)
        {
            error.WriteLine(e.Message + " Use another --index folder, or leave it out to evaluate on a temporary index.");
            return ExitCodes.Busy;
        }
        finally
        {
            if (temporary is not null) TryDelete(temporary);
        }
    }

    private static void Print(ArchiveEvaluation evaluation, int worst, TextWriter output)
    {
        var report = evaluation.Report;
        var indexing = evaluation.Indexing;
        output.WriteLine(string.Create(C, $"Archive: {evaluation.ArticlesInIndex} articles ({indexing.Skipped.Count} files skipped), indexed in {indexing.Elapsed.TotalSeconds:0.00} s"));
        output.WriteLine(string.Create(C, $"Queries: {report.Overall.Queries}, searched in {report.SearchElapsed.TotalSeconds:0.00} s"));
        if (report.MissingIds.Count > 0)
            output.WriteLine(string.Create(C, $"Warning: {report.MissingIds.Count} expected ids are not in the archive: {string.Join(", ", report.MissingIds.Take(10))}"));
        output.WriteLine();
        output.WriteLine("          queries   MRR@10      R@1     R@10  nDCG@10");
        Row("overall", report.Overall, output);
        if (report.Chinese.Queries > 0) Row("zh", report.Chinese, output);
        if (report.English.Queries > 0) Row("en", report.English, output);
        output.WriteLine();
        output.WriteLine("by length, in words as SmartCn cuts them:");
        foreach (var (language, lengthClass, metrics) in report.ByLength) Row($"{language} {lengthClass}", metrics, output, width: 16);

        var worstQueries = report.Worst(worst);
        if (worstQueries.Count == 0) return;
        output.WriteLine();
        output.WriteLine(string.Create(C, $"Worst {worstQueries.Count}:"));
        foreach (var o in worstQueries)
        {
            var rank = o.Rank is { } r ? string.Create(C, $"rank {r}") : "not found";
            output.WriteLine(string.Create(C, $"  {rank,-9}  {o.Query.Query}  (line {o.Query.Line}, expected {o.Query.ExpectedId})"));
            output.WriteLine(o.Error is not null ? $"             refused: {o.Error}" : $"             top hit: {o.TopHitTitle ?? "(no hits)"}");
        }
    }

    private static void Row(string name, MetricSummary s, TextWriter output, int width = 8) =>
        output.WriteLine(string.Create(C, $"{name.PadRight(width)}{s.Queries,9}{s.Mrr10,9:0.0000}{s.Recall1,9:0.0000}{s.Recall10,9:0.0000}{s.Ndcg10,9:0.0000}"));

    private static void TryDelete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
