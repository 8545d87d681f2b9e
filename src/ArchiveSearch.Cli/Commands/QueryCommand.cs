using System.CommandLine;
using System.Globalization;
using System.Net;
using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Errors;
using ArchiveSearch.Engine.Indexing;
using ArchiveSearch.Engine.Searching;

namespace ArchiveSearch.Cli.Commands;

/// <summary><c>query "…" --index DIR</c> with the API's filters: prints ranked hits and the top facets.</summary>
internal static class QueryCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var text = new Argument<string?>("query") { Description = "Words, \"phrases\", -excluded, title:/hashtag:/source: scoping. Omit to browse.", Arity = ArgumentArity.ZeroOrOne };
        var index = new Option<DirectoryInfo>("--index") { Description = "The index folder.", Required = true };
        var hashtags = new Option<string[]>("--hashtag") { Description = "Only these hashtags (repeatable: any of them)." };
        var sources = new Option<string[]>("--source") { Description = "Only these sources (repeatable)." };
        var types = new Option<string[]>("--type") { Description = "Only these types (repeatable)." };
        var from = new Option<string?>("--from") { Description = "First day, yyyy-MM-dd." };
        var to = new Option<string?>("--to") { Description = "Last day, yyyy-MM-dd." };
        var sort = new Option<string?>("--sort") { Description = "relevance | newest | oldest" };
        var page = new Option<int>("--page") { Description = "Page from 1.", DefaultValueFactory = _ => 1 };
        var size = new Option<int>("--size") { Description = "Hits per page (1–100).", DefaultValueFactory = _ => 10 };
        var command = new Command("query", "Search an index and print the ranked hits.") { text, index, hashtags, sources, types, from, to, sort, page, size };
        command.SetAction(result =>
        {
            try
            {
                var request = new SearchRequest
                {
                    Query = result.GetValue(text),
                    Hashtags = result.GetValue(hashtags) ?? [],
                    Sources = result.GetValue(sources) ?? [],
                    Types = result.GetValue(types) ?? [],
                    From = SearchParameters.ParseDate("from", result.GetValue(from)),
                    To = SearchParameters.ParseDate("to", result.GetValue(to)),
                    Sort = SearchParameters.ParseSort(result.GetValue(sort)),
                    Page = result.GetValue(page),
                    Size = result.GetValue(size),
                };
                return Run(result.GetValue(index)!, request, output, error);
            }
            catch (InvalidSearchRequestException e)
            {
                error.WriteLine($"--{e.Parameter}: {e.Message}");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }

    private static int Run(DirectoryInfo indexFolder, SearchRequest request, TextWriter output, TextWriter error)
    {
        if (!indexFolder.Exists)
        {
            error.WriteLine($"There is no index at {indexFolder.FullName}; build one with: index --archive DIR --index {indexFolder.FullName}");
            return ExitCodes.BadInput;
        }
        try
        {
            // Read-only: no write lock, so it works beside a running service.
            using var index = LiveIndex.OpenReadOnly(indexFolder.FullName, ArticleAnalyzer.Create());
            var response = new ArticleSearcher(index).Search(request);
            Print(response, output);
            return ExitCodes.Ok;
        }
        catch (IndexNotReadyException e)
        {
            error.WriteLine(e.Message + $" Build one with: index --archive DIR --index {indexFolder.FullName}");
            return ExitCodes.BadInput;
        }
    }

    private static void Print(SearchResponse response, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"{response.Total} articles ({response.TookMs:0.0} ms)"));
        var rank = (response.Page - 1) * response.Size;
        foreach (var hit in response.Hits)
        {
            var date = hit.Date?.ToString("yyyy-MM-dd", c) ?? "undated";
            output.WriteLine();
            output.WriteLine(string.Create(c, $"{++rank}. {Plain(hit.Highlights.Title)}"));
            output.WriteLine($"   {date} · {hit.Source ?? "-"} · {hit.Type ?? "-"} · {hit.Id}{(hit.Hashtags.Count > 0 ? " · #" + string.Join(" #", hit.Hashtags) : "")}");
            output.WriteLine($"   {Plain(hit.Highlights.Snippet)}");
            if (hit.Url is not null) output.WriteLine($"   {hit.Url}");
        }
        if (response.Facets.Hashtags.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Hashtags: " + string.Join(", ", response.Facets.Hashtags.Take(10).Select(b => string.Create(c, $"{b.Value} ({b.Count})"))));
        }
    }

    // Highlights are HTML for browsers; on a terminal a match shows as [match].
    private static string Plain(string html) => WebUtility.HtmlDecode(html.Replace("<mark>", "[").Replace("</mark>", "]"));
}
