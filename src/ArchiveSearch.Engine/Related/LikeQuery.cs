using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Archive;
using ArchiveSearch.Engine.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;

namespace ArchiveSearch.Engine.Related;

/// <summary>
/// The query for articles like one: Lucene's MoreLikeThis over its title, AI summary and original text (the words
/// that are frequent in it and rare in the index, re-read from the stored texts with the index's own analyzer), and
/// each of its hashtags as a term weighing as much as its most telling word; the article itself excluded.
/// </summary>
internal sealed class LikeQuery(Analyzer analyzer)
{
    /// <summary>
    /// A shared hashtag weighs as the best word does (words weigh up to 1, see ApplyBoost): at 2 an article sharing only
    /// a hashtag outranked one sharing several telling words (RelatedArticlesTests).
    /// </summary>
    internal const float HashtagBoost = 1f;

    private static readonly string[] Fields = [IndexSchema.Title, IndexSchema.AiSummary, IndexSchema.OriginalText];

    /// <summary>The query, or null when the article has nothing another article could share.</summary>
    public Query? For(IndexReader reader, int doc, StoredArticle article)
    {
        var like = new MoreLikeThis(reader)
        {
            Analyzer = analyzer,
            FieldNames = Fields,
            // Titles and summaries are short: a word said once counts.
            MinTermFreq = 1,
            // A word no other article has relates nothing.
            MinDocFreq = 2,
            // Single characters are mostly Chinese function words (的, 了) and Latin initials.
            MinWordLen = 2,
            MaxQueryTerms = 25,
            // Each word weighs by how telling it is (tf-idf, relative to the best): read side by side over the 69 sample
            // articles, lists were better so (Anthropic's computer-use post found the Claude posts instead of Go 1.24).
            ApplyBoost = true,
            StopWords = stopWords,
        };
        var words = like.Like(doc);
        var query = new BooleanQuery(disableCoord: true);
        if (words is BooleanQuery { Clauses.Count: > 0 }) query.Add(words, Occur.SHOULD);
        foreach (var tag in article.Hashtags)
        {
            var key = Hashtag.KeyOf(tag);
            if (key.Length > 0) query.Add(new TermQuery(new Term(IndexSchema.HashtagKey, key)) { Boost = HashtagBoost }, Occur.SHOULD);
        }
        if (query.Clauses.Count == 0) return null;
        query.Add(new TermQuery(new Term(IndexSchema.Id, article.Id)), Occur.MUST_NOT);
        return query;
    }

    /// <summary>Lucene's English stop words as the analyzer indexes them too (stemmed: "this" is "thi").</summary>
    private readonly ISet<string> stopWords = StopAnalyzer.ENGLISH_STOP_WORDS_SET
        .SelectMany(word => ArticleAnalyzer.Tokens(analyzer, IndexSchema.Title, word).Append(word))
        .ToHashSet(StringComparer.Ordinal);
}
