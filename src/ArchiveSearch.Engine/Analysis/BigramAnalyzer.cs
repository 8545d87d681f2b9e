using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Standard;

namespace ArchiveSearch.Engine.Analysis;

/// <summary>
/// The second reading of every text: overlapping CJK bigrams (行为报告 → 行为 为报 报告), whatever SmartCn's word
/// boundaries, and Latin words lower-cased but not stemmed (the exact form). It finds names SmartCn does not know
/// and substrings that cut across its words; both readings fold Traditional to Simplified first.
/// </summary>
internal sealed class BigramAnalyzer : Analyzer
{
    protected override TextReader InitReader(string fieldName, TextReader reader) =>
        new TraditionalToSimplifiedFilter(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(LuceneSettings.Version, reader);
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new InvariantLowerCaseFilter(stream);
        stream = new CJKBigramFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
