using ArchiveSearch.Engine.Archive;
using ArchiveSearch.Engine.Generation;

namespace ArchiveSearch.Engine.Tests.Generation;

/// <summary>One ~2,000-article corpus, parsed once with the real parser, checked against the brief's shape.</summary>
public sealed class CorpusGeneratorShapeTests : IClassFixture<CorpusGeneratorShapeTests.ParsedCorpus>
{
    private readonly ParsedCorpus corpus;

    public CorpusGeneratorShapeTests(ParsedCorpus corpus) => this.corpus = corpus;

    public sealed class ParsedCorpus : IDisposable
    {
        private readonly GeneratedCorpus generated = new(2000, seed: 2025);

        public ParsedCorpus()
        {
            var results = generated.Files.Select(ArticleFileReader.Read).ToList();
            Problems = [.. results.Where(r => r.Problem is not null).Select(r => r.Problem!)];
            Articles = [.. results.Where(r => r.Article is not null).Select(r => r.Article!)];
        }

        public IReadOnlyList<ArchiveProblem> Problems { get; }
        public IReadOnlyList<Article> Articles { get; }

        public void Dispose() => generated.Dispose();
    }

    [Fact]
    public void Every_file_parses_with_zero_skips()
    {
        Assert.Empty(corpus.Problems);
        Assert.Equal(2000, corpus.Articles.Count);
        Assert.All(corpus.Articles, a => Assert.Matches("^[0-9a-f]{16}$", a.Id));
    }

    [Fact]
    public void Chinese_and_English_are_about_two_to_one()
    {
        var chinese = corpus.Articles.Count(a => a.AiSummary.Any(ChineseWords.IsCjk));
        var english = corpus.Articles.Count - chinese;
        var ratio = (double)chinese / english;
        Assert.InRange(ratio, 1.6, 2.4);
    }

    [Fact]
    public void Titles_html_and_summaries_stay_within_their_lengths()
    {
        Assert.All(corpus.Articles, a =>
        {
            Assert.InRange(a.Title.Length, ArticleComposer.MinTitle, ArticleComposer.MaxTitle);
            Assert.InRange(a.OriginalHtml.Length, ArticleComposer.MinHtml, ArticleComposer.MaxHtml);
            Assert.InRange(a.AiSummary.Length, ArticleComposer.MinSummary, ArticleComposer.MaxSummary);
        });
        Assert.Contains(corpus.Articles, a => a.Title.StartsWith('#') && a.Title.EndsWith("...", StringComparison.Ordinal));
        Assert.Contains(corpus.Articles, a => a.OriginalHtml.Contains("<img ", StringComparison.Ordinal));
        Assert.Contains(corpus.Articles, a => a.OriginalHtml.Contains("&amp;", StringComparison.Ordinal));
        Assert.Contains(corpus.Articles, a => a.OriginalHtml.Contains("&quot;", StringComparison.Ordinal));
        Assert.Contains(corpus.Articles, a => a.OriginalHtml.Contains("<span class=\"surl-text\">#", StringComparison.Ordinal));
        var withUrl = corpus.Articles.Count(a => a.Url is not null);
        Assert.InRange(withUrl, corpus.Articles.Count * 3 / 4, corpus.Articles.Count - 1);
    }

    [Fact]
    public void There_are_at_least_ten_sources_and_five_types()
    {
        Assert.True(corpus.Articles.Select(a => a.Source).Distinct().Count() >= 10);
        Assert.True(corpus.Articles.Select(a => a.Type).Distinct().Count() >= 5);
        Assert.All(corpus.Articles, a => Assert.NotNull(a.SavedAt));
    }

    [Fact]
    public void Each_article_has_one_to_four_hashtags_with_a_zipf_like_spread()
    {
        Assert.All(corpus.Articles, a => Assert.InRange(a.Hashtags.Count, 1, 4));
        var counts = corpus.Articles.SelectMany(a => a.Hashtags.Select(h => h.Key)).CountBy(k => k).Select(kv => kv.Value).Order().ToList();
        var median = counts[counts.Count / 2];
        Assert.True(counts[^1] >= 10 * median, $"top {counts[^1]}, median {median}");
    }

    [Fact]
    public void Dates_span_eight_years_and_grow_denser()
    {
        var dates = corpus.Articles.Select(a => a.Date!.Value).ToList();
        Assert.All(dates, d => Assert.InRange(d, new DateOnly(2018, 1, 1), new DateOnly(2025, 12, 31)));
        Assert.All(corpus.Articles, a => Assert.Equal(a.DirectoryDate, a.Date));
        Assert.All(corpus.Articles, a => Assert.StartsWith(a.DirectoryDate!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "/", a.RelativePath, StringComparison.Ordinal));
        Assert.True(dates.Count(d => d.Year == 2025) > dates.Count(d => d.Year == 2018));
    }

    [Fact]
    public void Words_come_from_the_dictionaries()
    {
        Assert.True(ChineseWords.List.Count > 30_000);
        Assert.True(EnglishWords.List.Count > 2_000);
        Assert.Equal("the", EnglishWords.List.Words[0]);
        Assert.All(ChineseWords.List.Words, w => Assert.True(w.Length <= 4 && w.All(ChineseWords.IsCjk), w));
        Assert.Equal(HashtagPool.Size, HashtagPool.Shared.Values.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
