using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Analysis.SmartCn;

namespace ArchiveSearch.Engine.Tests.Analysis.SmartCn;

/// <summary>Token traces (see the engine's TokenTrace) of SmartCn's tokenizer, ours, and both whole analyses, and where they differ.</summary>
internal static class TokenTraces
{
    static TokenTraces() => ArticleAnalyzer.PinBuiltInDictionaries();

    /// <summary>What SmartCn's own tokenizer, the reference, makes of the text.</summary>
    public static List<string> Reference(string text) => Of(new HMMChineseTokenizer(new StringReader(text)));

    public static List<string> Ours(string text) => Of(new SmartCnTokenizer(new StringReader(text)));

    private static readonly Analyzer ReferenceChain = ReferenceAnalyzer.Create();
    private static readonly Analyzer OurChain = ArticleAnalyzer.Create();

    public static List<string> Of(TokenStream stream) => Engine.Analysis.TokenTrace.Of(stream);

    /// <summary>The first place SmartCn's tokenizer and ours differ on the text, or null when they are the same.</summary>
    public static string? FirstDifference(string text) => FirstDifference(text, Reference(text), Ours(text));

    /// <summary>The first place the whole analysis of a field (folding, tokenizer, filters) differs from the reference's.</summary>
    public static string? FirstAnalysisDifference(string field, string text) =>
        FirstDifference(text, Of(ReferenceChain.GetTokenStream(field, text)), Of(OurChain.GetTokenStream(field, text)));

    private static string? FirstDifference(string text, List<string> expected, List<string> actual)
    {
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var e = i < expected.Count ? expected[i] : "(none)";
            var a = i < actual.Count ? actual[i] : "(none)";
            if (e != a) return $"token {i}: reference {Escape(e)}, ours {Escape(a)} in {Escape(text.Length > 200 ? text[..200] + "…" : text)}";
        }
        return null;
    }

    private static string Escape(string s) => string.Concat(s.Select(c => c < 0x20 || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
