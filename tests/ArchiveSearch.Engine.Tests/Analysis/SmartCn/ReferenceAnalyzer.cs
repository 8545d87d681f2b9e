using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;

namespace ArchiveSearch.Engine.Tests.Analysis.SmartCn;

/// <summary>
/// The analysis as it was built from Lucene's own parts (SmartCn's HMMChineseTokenizer, a MappingCharFilter for the
/// Traditional → Simplified folding, Lucene's LowerCaseFilter): what our faster parts must reproduce exactly.
/// </summary>
internal static class ReferenceAnalyzer
{
    private static readonly NormalizeCharMap Folding = TraditionalToSimplified.BuildMap();

    public static Analyzer Create()
    {
        ArticleAnalyzer.PinBuiltInDictionaries();
        var bigrams = new BigramReading();
        return new PerFieldAnalyzerWrapper(new SmartCnReading(), new Dictionary<string, Analyzer>
        {
            [IndexSchema.TitleBigrams] = bigrams,
            [IndexSchema.AiSummaryBigrams] = bigrams,
            [IndexSchema.OriginalTextBigrams] = bigrams,
        });
    }

    private sealed class SmartCnReading : Analyzer
    {
        protected override TextReader InitReader(string fieldName, TextReader reader) => new MappingCharFilter(Folding, reader);

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new HMMChineseTokenizer(reader);
            TokenStream stream = new PorterStemFilter(tokenizer);
            stream = new StopFilter(LuceneSettings.Version, stream, SmartChineseAnalyzer.DefaultStopSet);
            stream = new BrokenSurrogateFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }

    private sealed class BigramReading : Analyzer
    {
        protected override TextReader InitReader(string fieldName, TextReader reader) => new MappingCharFilter(Folding, reader);

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(LuceneSettings.Version, reader);
            TokenStream stream = new CJKWidthFilter(tokenizer);
            stream = new LowerCaseFilter(LuceneSettings.Version, stream);
            stream = new CJKBigramFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
