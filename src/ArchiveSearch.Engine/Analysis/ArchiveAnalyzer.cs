using ArchiveSearch.Engine.Analysis.SmartCn;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;

namespace ArchiveSearch.Engine.Analysis;

/// <summary>
/// SmartCn's chain (HMM word segmentation, Porter stemming of Latin words, punctuation stop set), after
/// Traditional → Simplified folding, plus a filter that drops the lone surrogate halves SmartCn cuts emoji
/// and rare CJK into. The segmentation is our <see cref="SmartCnTokenizer"/>, token for token SmartCn's own.
/// </summary>
internal sealed class ArchiveAnalyzer : Analyzer
{
    protected override TextReader InitReader(string fieldName, TextReader reader) =>
        new TraditionalToSimplifiedFilter(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new SmartCnTokenizer(reader);
        TokenStream stream = new PorterStemFilter(tokenizer);
        stream = new StopFilter(LuceneSettings.Version, stream, SmartChineseAnalyzer.DefaultStopSet);
        stream = new BrokenSurrogateFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
