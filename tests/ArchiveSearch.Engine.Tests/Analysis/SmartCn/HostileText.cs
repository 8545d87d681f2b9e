namespace ArchiveSearch.Engine.Tests.Analysis.SmartCn;

/// <summary>Random text from every character class SmartCn treats apart, in runs, so words, numbers and sentences form.</summary>
internal static class HostileText
{
    private static readonly string[] Pieces =
    [
        "中华人民共和国", "向量数据库", "人工智能", "的", "了", "是", "自然语言处理", "北京大学", "研究生命起源", "结婚的和尚未结婚的",
        "。", "，", "！", "？", "、", "：", "“", "”", "（", "）", "…", "—",
        "Claude", "GPT", "rust", "DNS", "iPhone", "ＧＰＴ", "ａｂｃ", "１２３", "2025", "3.14", "v1.2.3",
        " ", "  ", "\t", "\r\n", "\n", "\u3000", "\u0085", "\u2028", "\u2029", "\u0000", "\u0001", "\u001F", "\u007F",
        ".", ",", "!", "?", ";", "-", "#", "@", "&amp;", "<b>", "\u00BB", "\u00BC", "\u2010", "\u2642", "\u2643",
        "😀", "🦀", "𠮷", "\uD800", "\uDC00", "\uFFFD", "\uFEFF", "\u9FA5", "\u9FA6", "\u4DFF", "\u3400", "\u9FFF",
        "가나다", "ひらがな", "カタカナ", "Ωμέγα", "Привет", "\uFF64", "\uFE30", "\uFF63", "\u301F", "\u3001",
        "臺灣", "資料庫", "未##串", "始##始", "末##末", "@", "中 国", "数 据 库",
    ];

    public static string Random(Random random, int minPieces = 1, int maxPieces = 40)
    {
        var builder = new System.Text.StringBuilder();
        var pieces = random.Next(minPieces, maxPieces + 1);
        for (var i = 0; i < pieces; i++)
        {
            if (random.Next(6) == 0) builder.Append((char)random.Next(0x4E00, 0xA000));
            else if (random.Next(12) == 0) builder.Append((char)random.Next(0, 0x10000));
            else builder.Append(Pieces[random.Next(Pieces.Length)]);
        }
        return builder.ToString();
    }
}
