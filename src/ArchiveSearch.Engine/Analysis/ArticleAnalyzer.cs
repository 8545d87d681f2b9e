using Lucene.Net.Analysis;
using ArchiveSearch.Engine.Indexing;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;

namespace ArchiveSearch.Engine.Analysis;

/// <summary>
/// The single place that builds the analyzer shared by indexing, querying and highlighting,
/// so that a query term is always cut exactly as the indexed text was.
/// </summary>
public static class ArticleAnalyzer
{
    /// <summary>
    /// Bumped whenever analysis changes what is indexed: an index written with another version must be rebuilt,
    /// or queries would be cut differently from the text they search.
    /// </summary>
    public const string Version = "7-smartcn-bigrams-t2s-offsets-bigrams-without-offsets-deflate-stored-fields-path-and-hash-stored-only";

    static ArticleAnalyzer() => PinBuiltInDictionaries();

    /// <summary>
    /// SmartCn looks for a folder named "smartcn-data" in every directory above the binaries and, if one exists,
    /// silently loads its dictionaries instead of the built-in ones. Pinning the built-in dictionaries (before SmartCn's
    /// first use) keeps ranking independent of where the service happens to be installed.
    /// </summary>
    public static void PinBuiltInDictionaries() => AnalyzerProfile.ANALYSIS_DATA_DIR = "";

    /// <summary>
    /// SmartCn words (Latin words lower-cased and stemmed) for the main text fields; CJK bigrams and exact Latin
    /// forms for their <c>_cjk</c> twins.
    /// </summary>
    public static Analyzer Create()
    {
        var bigrams = new BigramAnalyzer();
        return new PerFieldAnalyzerWrapper(new ArchiveAnalyzer(), new Dictionary<string, Analyzer>
        {
            [IndexSchema.TitleBigrams] = bigrams,
            [IndexSchema.AiSummaryBigrams] = bigrams,
            [IndexSchema.OriginalTextBigrams] = bigrams,
        });
    }

    /// <summary>The terms the analyzer makes of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<string> Tokens(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) tokens.Add(term.ToString());
        stream.End();
        return tokens;
    }

    /// <summary>
    /// Loads SmartCn's dictionaries now (they load lazily and take about a second), so the first
    /// user-facing search or indexing batch does not pay for it.
    /// </summary>
    public static void WarmUp(Analyzer analyzer) => Tokens(analyzer, "warmup", "中文分词预热 warm up the analyzer");
}
