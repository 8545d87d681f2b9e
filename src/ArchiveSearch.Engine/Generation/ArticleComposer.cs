using System.Globalization;
using System.Text;

namespace ArchiveSearch.Engine.Generation;

/// <summary>
/// Writes one article in the archive format from its own random generator: title, URL (most of the time),
/// the original HTML summary, the AI summary and the metadata. Two Chinese articles to one English one.
/// </summary>
internal sealed class ArticleComposer(TextComposer text, HashtagPool hashtags)
{
    public const int MinTitle = 20, MaxTitle = 120;
    public const int MinHtml = 200, MaxHtml = 4000;
    public const int MinSummary = 80, MaxSummary = 400;
    private const string Paragraph = "<br><br>";

    public static ArticleComposer Shared { get; } = new(TextComposer.Shared, HashtagPool.Shared);

    /// <summary>Appends the file's whole text to <paramref name="output"/>.</summary>
    public void Compose(StringBuilder output, ArticleRandom random, DateOnly date)
    {
        var language = random.Chance(2.0 / 3) ? ArticleLanguage.Chinese : ArticleLanguage.English;
        var source = ArchiveSources.Pick(language, random);
        var type = random.Pick(source.Types);
        var tags = hashtags.Draw(language, random);
        var weiboStyle = source.WeiboStyle || (language == ArticleLanguage.Chinese && random.Chance(0.1));

        var opening = new StringBuilder();
        text.Append(opening, language, random, 40, random.Next(60, 240), html: false);

        output.Append("# ");
        AppendTitle(output, language, random, weiboStyle, tags, opening);
        output.Append("\n\n");
        if (random.Chance(0.9))
            output.Append("**URL**: ").Append(ArchiveSources.Url(source, date, text.English, random)).Append("\n\n");

        output.Append("## 原始摘要\n\n");
        AppendHtml(output, language, random, weiboStyle, tags, opening);
        output.Append("\n\n## AI 摘要\n\n");
        var summaryMax = random.Next(MinSummary + 40, MaxSummary + 1);
        text.Append(output, language, random, Math.Max(MinSummary, summaryMax - 80), summaryMax);
        output.Append("\n\n## 元数据\n\n");

        var saved = date.ToDateTime(new TimeOnly(0, 0)).AddSeconds(random.Next(86_400));
        var c = CultureInfo.InvariantCulture;
        output.Append("- **来源**: ").Append(source.Name).Append('\n');
        output.Append("- **类型**: ").Append(type).Append('\n');
        output.Append("- **保存时间**: ").Append(saved.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", c)).Append('\n');
        output.Append("- **目录日期**: ").Append(date.ToString("yyyy-MM-dd", c)).Append('\n');
    }

    // Weibo-style: maybe "#话题#" first, then the post's opening, cut with "..." most of the time.
    private void AppendTitle(StringBuilder output, ArticleLanguage language, ArticleRandom random, bool weiboStyle, string[] tags, StringBuilder opening)
    {
        var start = output.Length;
        if (!weiboStyle)
        {
            text.AppendPhrase(output, language, random, MinTitle, random.Next(MinTitle + 10, MaxTitle + 1), titleCase: language == ArticleLanguage.English);
            return;
        }
        if (random.Chance(0.6))
        {
            var shown = random.Next(1, tags.Length + 1);
            for (var i = 0; i < shown; i++) output.Append('#').Append(tags[i]).Append('#');
        }
        var prefix = output.Length - start;
        var room = random.Next(Math.Max(MinTitle, prefix + 15), MaxTitle + 1) - prefix;
        if (opening.Length <= room)
        {
            output.Append(opening);
        }
        else
        {
            var cut = room - 3;
            if (language == ArticleLanguage.English)
            {
                var space = opening.ToString(0, cut + 1).LastIndexOf(' ');
                if (space > cut / 2) cut = space;
            }
            output.Append(opening, 0, cut).Append("...");
        }
        if (output.Length - start < MinTitle) text.AppendPhrase(output, language, random, MinTitle - (output.Length - start), MaxTitle - (output.Length - start), titleCase: false);
    }

    private void AppendHtml(StringBuilder output, ArticleLanguage language, ArticleRandom random, bool weiboStyle, string[] tags, StringBuilder opening)
    {
        var links = new StringBuilder();
        var asLinks = weiboStyle || random.Chance(0.5);
        foreach (var tag in tags)
        {
            if (asLinks) WeiboMarkup.AppendHashtagLink(links, tag);
            else links.Append('#').Append(tag).Append("# ");
        }
        links.Append(Paragraph);

        var images = new StringBuilder();
        if (random.Chance(weiboStyle ? 0.45 : 0.2))
        {
            var count = random.Next(1, 5);
            for (var i = 0; i < count; i++)
            {
                WeiboMarkup.AppendImage(images, random, weiboStyle);
                images.Append(Paragraph);
            }
        }

        var u = random.NextDouble();
        var target = MinHtml + 40 + (int)((MaxHtml - MinHtml - 50) * u * u);
        if (links.Length + images.Length + opening.Length + 60 > target) images.Clear();
        target = Math.Min(MaxHtml - 10, Math.Max(target, links.Length + images.Length + opening.Length + 60));

        var start = output.Length;
        if (weiboStyle) output.Append(links);
        output.Append(opening).Append(Paragraph);
        var tail = (weiboStyle ? 0 : links.Length) + images.Length;
        while (true)
        {
            var remaining = target - tail - (output.Length - start);
            if (remaining < 40) break;
            var max = Math.Min(remaining - Paragraph.Length, random.Next(60, 700));
            text.Append(output, language, random, Math.Max(10, max - 60), max, html: true);
            output.Append(Paragraph);
        }
        output.Append(images);
        if (!weiboStyle) output.Append(links);
    }
}
