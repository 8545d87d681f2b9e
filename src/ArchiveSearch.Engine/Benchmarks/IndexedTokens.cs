using ArchiveSearch.Engine.Indexing;
using Lucene.Net.Index;

namespace ArchiveSearch.Engine.Benchmarks;

/// <summary>
/// How many tokens an index holds in each reading of its texts (the sum of the fields' total term frequencies): the
/// work its inverter, flushes and merges did, which a side-by-side run with an index of one reading must weigh.
/// </summary>
/// <param name="SmartCn">Title, AI summary and original text as SmartCn words.</param>
/// <param name="Bigrams">The same texts as CJK bigrams and exact Latin forms (the <c>_cjk</c> twins).</param>
/// <param name="Hashtags">The hashtags' analysed display forms.</param>
public sealed record IndexedTokens(long SmartCn, long Bigrams, long Hashtags)
{
    public long Total => SmartCn + Bigrams + Hashtags;

    public static IndexedTokens Of(IndexReader reader) => new(
        Sum(reader, IndexSchema.Title, IndexSchema.AiSummary, IndexSchema.OriginalText),
        Sum(reader, IndexSchema.TitleBigrams, IndexSchema.AiSummaryBigrams, IndexSchema.OriginalTextBigrams),
        Sum(reader, IndexSchema.HashtagText));

    private static long Sum(IndexReader reader, params string[] fields) =>
        fields.Sum(field => MultiFields.GetTerms(reader, field) is { } terms ? Math.Max(0, terms.SumTotalTermFreq) : 0);
}
