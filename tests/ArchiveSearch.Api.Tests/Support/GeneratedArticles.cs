using System.Globalization;

namespace ArchiveSearch.Api.Tests.Support;

/// <summary>
/// Many small articles in the archive format, the same on every run, for jobs that must take a moment
/// (long enough to cancel). Ids are <c>b</c> followed by the number in hex, so they never clash with
/// <see cref="SampleArticles"/>.
/// </summary>
public static class GeneratedArticles
{
    private static readonly string[] Chinese =
        ["城市", "交通", "科技", "能源", "教育", "医疗", "农业", "气候", "市场", "文化", "体育", "旅游", "研究", "政策", "社区", "数据"];

    private static readonly string[] English =
        ["river", "market", "engine", "garden", "signal", "harbor", "ledger", "canyon", "meadow", "lantern", "orbit", "quarry", "timber", "voyage", "summit", "beacon"];

    /// <summary>Writes <paramref name="count"/> articles into <paramref name="app"/>'s archive under <c>gen/</c>.</summary>
    public static void WriteTo(SearchApplication app, int count)
    {
        for (var i = 0; i < count; i++) app.WriteArchiveFile($"gen/{i:D4}_{Id(i)}.txt", Text(i));
    }

    public static string Id(int i) => "b" + i.ToString("x15", CultureInfo.InvariantCulture);

    private static string Text(int i)
    {
        var words = Enumerable.Range(0, 40).Select(k => $"{Chinese[(i + k * 3) % Chinese.Length]}{English[(i * 7 + k) % English.Length]}");
        var day = new DateOnly(2024, 1, 1).AddDays(i % 365).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"""
            # {Chinese[i % Chinese.Length]}报道 {English[i % English.Length]} report {i}

            **URL**: https://example.com/generated/{i}

            ## 原始摘要

            <p>{string.Join(' ', words)}</p>

            ## AI 摘要

            {string.Join('，', words.Take(12))}。

            ## 元数据

            - **来源**: 生成
            - **类型**: 新闻
            - **保存时间**: {day}T12:00:00Z
            - **目录日期**: {day}

            """;
    }
}
