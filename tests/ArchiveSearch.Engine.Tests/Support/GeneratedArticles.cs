using System.Globalization;
using System.Text;

namespace ArchiveSearch.Engine.Tests.Support;

/// <summary>Writes deterministic archive files in the real format, for tests that need hundreds or thousands of articles.</summary>
internal static class GeneratedArticles
{
    private static readonly string[] Chinese = ["模型", "数据库", "向量", "检索", "城市", "旅行", "开源", "社区", "芯片", "能源", "教育", "医疗", "音乐", "电影", "经济", "市场"];
    private static readonly string[] English = ["model", "database", "vector", "search", "city", "travel", "open", "source", "chip", "energy", "music", "market"];

    /// <summary>The text of article number <paramref name="n"/>: every one contains the word 文章 and "common".</summary>
    public static string Text(int n, string extra = "")
    {
        var random = new Random(n);
        string Words(string[] pool, int count, string separator) =>
            string.Join(separator, Enumerable.Range(0, count).Select(_ => pool[random.Next(pool.Length)]));
        var day = new DateOnly(2024, 1, 1).AddDays(n % 500);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# 文章 {n}：{Words(Chinese, 3, "")} {Words(English, 2, " ")}\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"**URL**: https://example.org/{n}\n\n## 原始摘要\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"{Words(Chinese, 40, "，")}。<br><br>common {Words(English, 30, " ")}. {extra}\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"## AI 摘要\n\n{Words(Chinese, 20, "")}。\n\n## 元数据\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"- **来源**: {(n % 3 == 0 ? "ArXiv" : "微博")}\n- **类型**: 新闻\n");
        sb.Append(CultureInfo.InvariantCulture, $"- **保存时间**: {day:yyyy-MM-dd}T08:00:00Z\n- **目录日期**: {day:yyyy-MM-dd}\n");
        return sb.ToString();
    }

    public static string PathOf(int n) =>
        string.Create(CultureInfo.InvariantCulture, $"{new DateOnly(2024, 1, 1).AddDays(n % 500):yyyy-MM-dd}/{n % 1000:000}_{n:x16}.txt");

    public static string IdOf(int n) => n.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Writes articles <paramref name="from"/> … <paramref name="from"/> + <paramref name="count"/> − 1 under <paramref name="root"/>.</summary>
    public static void Write(string root, int from, int count)
    {
        for (var n = from; n < from + count; n++)
        {
            var path = Path.Combine(root, PathOf(n));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Text(n));
        }
    }
}
