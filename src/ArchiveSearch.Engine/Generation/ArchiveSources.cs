using System.Globalization;
using System.Text;

namespace ArchiveSearch.Engine.Generation;

/// <summary>The twelve sources, weighted per language (Chinese articles come mostly from 微博 and 公众号, English ones from Hacker News, ArXiv, RSS…), and their URLs.</summary>
internal static class ArchiveSources
{
    private static readonly ArchiveSource[] All =
    [
        new("微博", ["微博"], UrlShape.Weibo, WeiboStyle: true),
        new("ArXiv", ["论文"], UrlShape.ArXiv, WeiboStyle: false),
        new("RSS", ["新闻", "新闻", "博客"], UrlShape.News, WeiboStyle: false),
        new("知乎", ["问答", "问答", "博客"], UrlShape.Zhihu, WeiboStyle: false),
        new("Hacker News", ["新闻", "新闻", "博客"], UrlShape.HackerNews, WeiboStyle: false),
        new("Twitter", ["微博"], UrlShape.Twitter, WeiboStyle: true),
        new("公众号", ["博客", "新闻"], UrlShape.WeChat, WeiboStyle: false),
        new("Reddit", ["问答", "新闻"], UrlShape.Reddit, WeiboStyle: false),
        new("豆瓣", ["博客", "问答"], UrlShape.Douban, WeiboStyle: false),
        new("GitHub", ["博客", "新闻"], UrlShape.GitHub, WeiboStyle: false),
        new("YouTube", ["视频"], UrlShape.YouTube, WeiboStyle: false),
        new("Medium", ["博客"], UrlShape.Medium, WeiboStyle: false),
    ];

    //                                                微博 ArXiv RSS 知乎 HN Twitter 公众号 Reddit 豆瓣 GitHub YouTube Medium
    private static readonly WeightedSampler Chinese = new([34, 8, 8, 12, 2, 3, 15, 2, 6, 4, 5, 1]);
    private static readonly WeightedSampler English = new([2, 15, 15, 1, 15, 12, 1, 12, 1, 8, 8, 10]);

    public static IReadOnlyList<ArchiveSource> Sources => All;

    public static ArchiveSource Pick(ArticleLanguage language, ArticleRandom random) =>
        All[(language == ArticleLanguage.Chinese ? Chinese : English).Sample(random)];

    private const string Alphanumeric = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static readonly string[] NewsHosts = ["www.theverge.com", "arstechnica.com", "www.36kr.com", "www.ifanr.com", "www.solidot.org", "lwn.net", "www.infoq.cn", "techcrunch.com"];

    public static string Url(ArchiveSource source, DateOnly date, WordList english, ArticleRandom random)
    {
        var c = CultureInfo.InvariantCulture;
        return source.Url switch
        {
            UrlShape.Weibo => string.Create(c, $"https://weibo.com/{random.Next(1_000_000_000, int.MaxValue)}/{Token(random, 9, Alphanumeric)}"),
            UrlShape.ArXiv => string.Create(c, $"https://arxiv.org/abs/{date.Year % 100:00}{date.Month:00}.{random.Next(0, 30000):00000}"),
            UrlShape.News => string.Create(c, $"https://{random.Pick(NewsHosts)}/{date.Year}/{date.Month:00}/{Slug(english, random)}"),
            UrlShape.Zhihu => string.Create(c, $"https://www.zhihu.com/question/{random.Next(20_000_000, 900_000_000)}"),
            UrlShape.HackerNews => string.Create(c, $"https://news.ycombinator.com/item?id={random.Next(16_000_000, 46_000_000)}"),
            UrlShape.Twitter => string.Create(c, $"https://x.com/{english.Sample(random)}{random.Next(1, 999)}/status/{random.NextULong() >> 4}"),
            UrlShape.WeChat => $"https://mp.weixin.qq.com/s/{Token(random, 22, Alphanumeric + "-_")}",
            UrlShape.Reddit => $"https://www.reddit.com/r/{english.Sample(random)}/comments/{Token(random, 7, Alphanumeric[..36])}/{Slug(english, random)}/",
            UrlShape.Douban => string.Create(c, $"https://www.douban.com/note/{random.Next(600_000_000, 900_000_000)}/"),
            UrlShape.GitHub => $"https://github.com/{english.Sample(random)}{Token(random, 3, Alphanumeric[..36])}/{Slug(english, random)}",
            UrlShape.YouTube => $"https://www.youtube.com/watch?v={Token(random, 11, Alphanumeric + "-_")}",
            UrlShape.Medium => $"https://medium.com/@{english.Sample(random)}/{Slug(english, random)}-{Token(random, 12, Alphanumeric[..16])}",
            _ => throw new ArgumentOutOfRangeException(nameof(source)),
        };
    }

    public static string Token(ArticleRandom random, int length, string alphabet)
    {
        return string.Create(length, (random, alphabet), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = state.alphabet[state.random.Next(state.alphabet.Length)];
        });
    }

    private static string Slug(WordList english, ArticleRandom random)
    {
        var slug = new StringBuilder();
        var words = random.Next(2, 7);
        for (var i = 0; i < words; i++)
        {
            if (i > 0) slug.Append('-');
            slug.Append(english.Sample(random));
        }
        return slug.ToString();
    }
}
