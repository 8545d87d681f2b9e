namespace ArchiveSearch.Api.Tests.Support;

/// <summary>
/// A small archive in the real file format, per-date folders: twelve good articles (Chinese and English,
/// Weibo hashtags, four sources and types, June 2024 to May 2025) and one file without a title line.
/// Ids are constants so tests name the article they expect.
/// </summary>
public static class SampleArticles
{
    public const string QuantumChip = "a100000000000001";      // 微博, 2024-11-05, #量子计算##科技前沿#, 量子计算 in the title
    public const string YearInReview = "a100000000000002";     // 微博, 2024-12-12, #科技前沿#, 量子计算 only in the AI summary
    public const string VectorDatabases = "a100000000000003";  // Hacker News, Blog, 2025-01-15: "vector" and "database"
    public const string PostgresTuning = "a100000000000004";   // Hacker News, Blog, 2025-01-20: "database" only
    public const string RustRelease = "a100000000000005";      // Hacker News, Blog, 2025-02-03: Rust in the title
    public const string SparseModels = "a100000000000006";     // ArXiv, 论文, 2025-02-10: Rust only in the AI summary
    public const string ReasoningSurvey = "a100000000000007";  // ArXiv, 论文, 2025-03-01 03:00
    public const string OpenModelWeek = "a100000000000008";    // 微博, 2025-03-01 12:00, #人工智能#
    public const string CityDriving = "a100000000000009";      // 微博, 2025-04-18, #人工智能##新能源汽车#
    public const string OpenSourceWeek = "a10000000000000a";   // Hacker News, Blog, 2025-05-23 08:00, #OpenSource#
    public const string OldHousing = "a10000000000000b";       // 澎湃新闻, 新闻, 2024-06-30, no URL, no AI summary
    public const string RankingNotes = "a10000000000000c";     // ArXiv, 论文, 2025-05-23 09:15, a .md file with English headings
    public const string NoTitle = "a10000000000000d";          // malformed: no title line

    public const int GoodArticleCount = 12;

    /// <summary>Every good article, newest saved first.</summary>
    public static readonly string[] NewestFirst =
    [
        RankingNotes, OpenSourceWeek, CityDriving, OpenModelWeek, ReasoningSurvey, SparseModels,
        RustRelease, PostgresTuning, VectorDatabases, YearInReview, QuantumChip, OldHousing,
    ];

    public const string QuantumChipHtml =
        """<a href="https://m.weibo.cn/search?containerid=231522type%3D1%26q%3D%23%E9%87%8F%E5%AD%90%E8%AE%A1%E7%AE%97%23" data-hide=""><span class="surl-text">#量子计算#</span></a><a href="https://m.weibo.cn/search?containerid=231522type%3D1%26q%3D%23%E7%A7%91%E6%8A%80%E5%89%8D%E6%B2%BF%23" data-hide=""><span class="surl-text">#科技前沿#</span></a><br><br>研究团队表示，新芯片的相干时间提升了三倍 &amp; 错误率下降了一半。<br><br>详情见 &lt;发布会&gt; 实录&#x3002;<img style="" src="https://img.example.com/chip.jpg" referrerpolicy="no-referrer"><br><br>""";

    public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>
    {
        [$"2024-11-05/000_{QuantumChip}.txt"] = $"""
            # #量子计算##科技前沿#中国团队发布新一代量子计算芯片

            **URL**: https://weibo.com/1000000001/QuantumChip

            ## 原始摘要

            {QuantumChipHtml}

            ## AI 摘要

            中国科研团队发布新一代量子计算芯片，相干时间显著提升。

            ## 元数据

            - **来源**: 微博
            - **类型**: 微博
            - **保存时间**: 2024-11-05T08:30:00Z
            - **目录日期**: 2024-11-05
            - **作者**: 科技日报

            """,

        [$"2024-12-12/000_{YearInReview}.txt"] = Article(
            "#科技前沿#年终盘点：十大科技新闻", "https://weibo.com/1000000001/YearInReview",
            """<a href="https://m.weibo.cn/search?q=%23%E7%A7%91%E6%8A%80%E5%89%8D%E6%B2%BF%23"><span class="surl-text">#科技前沿#</span></a> 年终盘点来了。""",
            "回顾今年的科技新闻，包括人工智能、量子计算和新能源汽车。",
            "微博", "微博", "2024-12-12T10:00:00Z"),

        [$"2025-01-15/000_{VectorDatabases}.txt"] = Article(
            "Vector databases in practice", "https://news.example.com/item?id=3",
            "<p>A field report on running a vector database &lt;at scale&gt;.</p>",
            "The author compares vector database engines and their index structures.",
            "Hacker News", "Blog", "2025-01-15T14:00:00Z"),

        [$"2025-01-20/000_{PostgresTuning}.txt"] = Article(
            "Postgres tuning notes", "https://news.example.com/item?id=4",
            "<p>Checklists for a busy server.</p>",
            "Tips for tuning a relational database: indexes, vacuum and memory settings.",
            "Hacker News", "Blog", "2025-01-20T09:00:00Z"),

        [$"2025-02-03/000_{RustRelease}.txt"] = Article(
            "Rust 1.85 released", "https://news.example.com/item?id=5",
            "<p>Release notes and the new edition.</p>",
            "The team shipped the 2024 edition of the language.",
            "Hacker News", "Blog", "2025-02-03T18:00:00Z"),

        [$"2025-02-10/000_{SparseModels}.txt"] = Article(
            "Scaling laws for sparse models", "https://arxiv.org/abs/2502.00006",
            "<p>Abstract: sparse experts scale well.</p>",
            "We study sparse mixture-of-experts models; the training code is written in Rust.",
            "ArXiv", "论文", "2025-02-10T16:45:00Z"),

        [$"2025-03-01/000_{ReasoningSurvey}.txt"] = Article(
            "大语言模型的推理能力综述", "https://arxiv.org/abs/2503.00007",
            "<p>本文综述了推理能力的评测方法。</p>",
            "本文综述大语言模型在数学推理和代码生成上的进展。",
            "ArXiv", "论文", "2025-03-01T03:00:00Z"),

        [$"2025-03-01/001_{OpenModelWeek}.txt"] = Article(
            "#人工智能#大模型开源周", "https://weibo.com/1000000001/OpenModelWeek",
            """<a href="https://m.weibo.cn/search?q=%23%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD%23"><span class="surl-text">#人工智能#</span></a>本周多家公司开源了大模型权重。""",
            "多家公司在本周开源大模型权重，社区反响热烈。",
            "微博", "微博", "2025-03-01T12:00:00Z"),

        [$"2025-04-18/000_{CityDriving}.txt"] = Article(
            "#人工智能##新能源汽车#智能驾驶进入城市道路", "https://weibo.com/1000000001/CityDriving",
            """<span class="surl-text">#人工智能#</span><span class="surl-text">#新能源汽车#</span><br>多个城市开放智能驾驶测试道路。""",
            "智能驾驶开始在城市道路上大规模测试。",
            "微博", "微博", "2025-04-18T07:20:00Z"),

        [$"2025-05-23/000_{OpenSourceWeek}.txt"] = Article(
            "#OpenSource# A week of open source releases", "https://news.example.com/item?id=10",
            """<span class="surl-text">#OpenSource#</span> Several projects cut releases this week.""",
            "A roundup of open source releases from the past week.",
            "Hacker News", "Blog", "2025-05-23T08:00:00Z"),

        // No URL and no AI summary.
        [$"2024-06-30/000_{OldHousing}.txt"] = """
            # 城市更新：老旧小区改造进展

            ## 原始摘要

            <p>多地老旧小区完成加装电梯和管网改造。</p>

            ## 元数据

            - **来源**: 澎湃新闻
            - **类型**: 新闻
            - **保存时间**: 2024-06-30T23:30:00Z
            - **目录日期**: 2024-06-30

            """,

        // A Markdown file with the English headings some tools write.
        [$"2025-05-23/001_{RankingNotes}.md"] = """
            # Learning to rank for search engines

            **URL**: https://arxiv.org/abs/2505.00012

            ## Original summary

            <p>We revisit learning to rank with click logs.</p>

            ## AI summary

            A study of ranking models trained on click logs.

            ## Metadata

            - **Source**: ArXiv
            - **Type**: 论文
            - **Saved at**: 2025-05-23T09:15:00Z
            - **Directory date**: 2025-05-23

            """,

        // No title line: reported and skipped, the rest of the archive still indexed.
        [$"2025-05-23/002_{NoTitle}.txt"] = """
            ## 原始摘要

            <p>这个文件缺少标题行。</p>

            ## 元数据

            - **来源**: 微博
            - **保存时间**: 2025-05-23T10:00:00Z

            """,
    };

    private static string Article(string title, string url, string html, string ai, string source, string type, string savedAt) => $"""
        # {title}

        **URL**: {url}

        ## 原始摘要

        {html}

        ## AI 摘要

        {ai}

        ## 元数据

        - **来源**: {source}
        - **类型**: {type}
        - **保存时间**: {savedAt}
        - **目录日期**: {savedAt[..10]}

        """;
}
