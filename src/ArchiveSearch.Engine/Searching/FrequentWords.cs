using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ArchiveSearch.Engine.Searching;

/// <summary>
/// The words a prefix or a misspelling expands to, tallied by articles over every field and segment they were read
/// from, and the query for the most frequent of them in each of those fields (each word scored as a word of its own).
/// </summary>
internal sealed class FrequentWords
{
    /// <summary>Terms read per field and segment at most, so a one-letter prefix on a large archive stays cheap.</summary>
    internal const int MaxTermsRead = 10_000;

    private readonly Dictionary<string, long> articles = new(StringComparer.Ordinal);

    /// <summary>Counts the term the enumeration stands on.</summary>
    public void Add(TermsEnum at)
    {
        var text = at.Term.Utf8ToString();
        articles[text] = articles.GetValueOrDefault(text) + at.DocFreq;
    }

    /// <summary>The <paramref name="maxWords"/> most frequent words (ties in term order), each in every field with its boost; matches nothing without any.</summary>
    public BooleanQuery InEveryField(IReadOnlyList<(string Field, float Boost)> fields, int maxWords, float boost)
    {
        var words = articles.OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).Take(maxWords).ToList();
        var any = new BooleanQuery(disableCoord: true) { Boost = boost };
        if (words.Count == 0) return any;
        foreach (var (field, fieldBoost) in fields)
        {
            var inField = new BooleanQuery(disableCoord: true) { Boost = fieldBoost };
            foreach (var (word, _) in words) inField.Add(new TermQuery(new Term(field, word)), Occur.SHOULD);
            any.Add(inField, Occur.SHOULD);
        }
        return any;
    }
}
