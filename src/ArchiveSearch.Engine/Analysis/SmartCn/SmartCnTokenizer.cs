using System.Globalization;
using ICU4N.Text;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace ArchiveSearch.Engine.Analysis.SmartCn;

/// <summary>
/// A drop-in for SmartCn's <c>HMMChineseTokenizer</c> that yields the same tokens (terms, offsets, position
/// increments, types, final offset) on any input: the same sentence splitting (Lucene's SegmentingTokenizerBase over
/// ICU's sentence breaks) and the same dictionaries and path search (<see cref="HhmmSegmenter"/>), without SmartCn's
/// allocations per character and per candidate word.
/// </summary>
internal sealed class SmartCnTokenizer : SegmentingTokenizerBase
{
    private static readonly BreakIterator SentenceBreaks = BreakIterator.GetSentenceInstance(CultureInfo.InvariantCulture);

    private readonly ICharTermAttribute term;
    private readonly IOffsetAttribute offset;
    private readonly ITypeAttribute type;
    private readonly HhmmSegmenter segmenter = new();
    private int nextWord;
    private int sentenceOffset;

    public SmartCnTokenizer(TextReader reader)
        : base(AttributeSource.AttributeFactory.DEFAULT_ATTRIBUTE_FACTORY, reader, (BreakIterator)SentenceBreaks.Clone())
    {
        term = AddAttribute<ICharTermAttribute>();
        offset = AddAttribute<IOffsetAttribute>();
        type = AddAttribute<ITypeAttribute>();
    }

    protected override void SetNextSentence(int sentenceStart, int sentenceEnd)
    {
        segmenter.Segment(m_buffer.AsSpan(sentenceStart, sentenceEnd - sentenceStart));
        sentenceOffset = m_offset + sentenceStart;
        nextWord = 0;
    }

    protected override bool IncrementWord()
    {
        if (nextWord >= segmenter.WordCount) return false;
        ClearAttributes();
        term.CopyBuffer(segmenter.TermBuffer, segmenter.TermStart(nextWord), segmenter.TermLength(nextWord));
        offset.SetOffset(CorrectOffset(sentenceOffset + segmenter.WordStart(nextWord)), CorrectOffset(sentenceOffset + segmenter.WordEnd(nextWord)));
        type.Type = "word";
        nextWord++;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        segmenter.Clear();
        nextWord = 0;
    }
}
