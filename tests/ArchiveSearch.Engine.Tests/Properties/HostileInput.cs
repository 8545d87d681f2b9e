using FsCheck;
using FsCheck.Fluent;

namespace ArchiveSearch.Engine.Tests.Properties;

/// <summary>Generators of the inputs people and scripts actually throw at a search box and an archive folder.</summary>
internal static class HostileInput
{
    private static readonly string[] Fragments =
    [
        "\"", "\"\"", ":", "title:", "hashtag:", "source:", "tag:", "-", "+", "--", "++", "#", "##", "#话题#", "AND", "OR", "NOT",
        "(", ")", "*", "?", "~", "^", "\\", "/", "[", "]", "{", "}", "&", "|", "!", "'", "，", "。", "“", "”", "\u3000", " ", "  ",
        "\t", "\n", "\r\n", "\0", "😀", "🦀", "𠮷", "\uD800", "\uDC00", "\uFEFF", "\u202E", "<script>", "&amp;", "%00", "行为报告",
        "向量数据库", "Claude4", "Claude 4", "ＧＰＴ５", "rust", "databases", "a", "的", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\u0301", "title:\"", "-\"", "+-",
    ];

    /// <summary>Concatenations of syntax fragments, words and random characters: the adversarial query.</summary>
    public static Arbitrary<string> Queries() =>
        Gen.OneOf(
                Gen.Elements(Fragments),
                ArbMap.Default.GeneratorFor<char>().Select(c => c.ToString()),
                ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""))
            .ListOf()
            .Select(parts => string.Concat(parts))
            .ToArbitrary();

    /// <summary>Random bytes, and broken variants of a valid article (truncated, bytes flipped, sections shuffled).</summary>
    public static Arbitrary<byte[]> ArticleBytes() =>
        Gen.OneOf(
                ArbMap.Default.GeneratorFor<byte[]>().Select(b => b ?? []),
                Gen.Choose(0, Valid.Length).Select(n => Valid[..n]),
                Gen.Zip(Gen.Choose(0, Valid.Length - 1), ArbMap.Default.GeneratorFor<byte>())
                    .Select(t => { var copy = (byte[])Valid.Clone(); copy[t.Item1] = t.Item2; return copy; }),
                Queries().Generator.Select(q => System.Text.Encoding.UTF8.GetBytes("# " + q + "\n\n## 元数据\n\n- **保存时间**: " + q + "\n")))
            .ToArbitrary();

    private static readonly byte[] Valid = System.Text.Encoding.UTF8.GetBytes("""
        # #话题##Claude 4 发布#标题 &amp; 更多...

        **URL**: https://example.org/x

        ## 原始摘要

        <a href="https://m.weibo.cn/search?q=%23x%23"><span class="surl-text">#话题#</span></a><br><br>正文 &#x4E2D; <img src="a.jpg">

        ## AI 摘要

        摘要 #rust

        ## 元数据

        - **来源**: 微博
        - **类型**: 微博
        - **保存时间**: 2025-05-23T12:04:29Z
        - **目录日期**: 2025-05-23
        """);
}
