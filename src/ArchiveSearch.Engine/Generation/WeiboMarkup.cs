using System.Text;

namespace ArchiveSearch.Engine.Generation;

/// <summary>The HTML pieces the archiver copies from Weibo: hashtag search links and sinaimg pictures.</summary>
internal static class WeiboMarkup
{
    /// <summary><c>&lt;a href="https://m.weibo.cn/search?…q=%23tag%23…"&gt;&lt;span class="surl-text"&gt;#tag#&lt;/span&gt;&lt;/a&gt;</c></summary>
    public static void AppendHashtagLink(StringBuilder html, string tag)
    {
        var encoded = Uri.EscapeDataString("#" + tag + "#").Replace("%20", "+", StringComparison.Ordinal);
        html.Append("<a href=\"https://m.weibo.cn/search?containerid=231522type%3D1%26t%3D10%26q%3D")
            .Append(encoded).Append("&amp;extparam=").Append(encoded)
            .Append("\" data-hide=\"\"><span class=\"surl-text\">#").Append(tag).Append("#</span></a>");
    }

    public static void AppendImage(StringBuilder html, ArticleRandom random, bool weibo)
    {
        const string Hex = "0123456789abcdef";
        const string Base36 = "0123456789abcdefghijklmnopqrstuvwxyz";
        if (weibo)
        {
            html.Append("<img style=\"\" src=\"https://tvax").Append((char)('1' + random.Next(4))).Append(".sinaimg.cn/large/")
                .Append(ArchiveSources.Token(random, 10, Base36)).Append("gy1").Append(ArchiveSources.Token(random, 15, Base36))
                .Append(".jpg\" referrerpolicy=\"no-referrer\">");
        }
        else
        {
            html.Append("<img src=\"https://images.example.net/").Append(ArchiveSources.Token(random, 24, Hex)).Append(".png\">");
        }
    }
}
