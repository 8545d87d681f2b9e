using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ArchiveSearch.Engine.Searching;

/// <summary>
/// The words beginning with a prefix in the given fields, as the <paramref name="maxWords"/> most frequent of them
/// (articles summed over the fields): the words a person typing the prefix most likely means, and a bounded query
/// however many words the prefix begins. Lucene's top-terms rewrites keep the first terms in term order instead when,
/// as for a prefix, every term weighs the same.
/// </summary>
/// <remarks>At most <see cref="MaxTermsRead"/> terms are read per field and segment, so a one-letter prefix on a large archive stays cheap.</remarks>
internal sealed class FrequentPrefixQuery(string prefix, IReadOnlyList<(string Field, float Boost)> fields, int maxWords) : Query
{
    internal const int MaxTermsRead = 10_000;

    public string Prefix => prefix;

    public override Query Rewrite(IndexReader reader)
    {
        var articles = new Dictionary<string, long>(StringComparer.Ordinal);
        var start = new BytesRef(prefix);
        foreach (var (field, _) in fields)
        {
            foreach (var leaf in reader.Leaves)
            {
                var terms = leaf.AtomicReader.GetTerms(field)?.GetEnumerator();
                if (terms is null || terms.SeekCeil(start) == TermsEnum.SeekStatus.END) continue;
                for (var read = 0; read < MaxTermsRead && StringHelper.StartsWith(terms.Term, start); read++)
                {
                    var text = terms.Term.Utf8ToString();
                    articles[text] = articles.GetValueOrDefault(text) + terms.DocFreq;
                    if (!terms.MoveNext()) break;
                }
            }
        }
        var words = articles.OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).Take(maxWords).Select(w => w.Key).ToList();
        var any = new BooleanQuery(disableCoord: true) { Boost = Boost };
        if (words.Count == 0) return any;
        foreach (var (field, boost) in fields)
        {
            var inField = new BooleanQuery(disableCoord: true) { Boost = boost };
            foreach (var word in words) inField.Add(new TermQuery(new Term(field, word)), Occur.SHOULD);
            any.Add(inField, Occur.SHOULD);
        }
        return any;
    }

    public override string ToString(string field) => $"frequent({prefix}*, {maxWords}){ToStringUtils.Boost(Boost)}";

    public override bool Equals(object? obj) =>
        obj is FrequentPrefixQuery other && other.Prefix == prefix && Boost == other.Boost && other.ToString() == ToString();

    public override int GetHashCode() => HashCode.Combine(prefix, maxWords, Boost);
}
