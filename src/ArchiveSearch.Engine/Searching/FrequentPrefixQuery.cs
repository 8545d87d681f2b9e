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
/// <remarks>At most <see cref="FrequentWords.MaxTermsRead"/> terms are read per field and segment, so a one-letter prefix on a large archive stays cheap.</remarks>
internal sealed class FrequentPrefixQuery(string prefix, IReadOnlyList<(string Field, float Boost)> fields, int maxWords) : Query
{
    public string Prefix => prefix;

    public override Query Rewrite(IndexReader reader)
    {
        var words = new FrequentWords();
        var start = new BytesRef(prefix);
        foreach (var (field, _) in fields)
        {
            foreach (var leaf in reader.Leaves)
            {
                var terms = leaf.AtomicReader.GetTerms(field)?.GetEnumerator();
                if (terms is null || terms.SeekCeil(start) == TermsEnum.SeekStatus.END) continue;
                for (var read = 0; read < FrequentWords.MaxTermsRead && StringHelper.StartsWith(terms.Term, start); read++)
                {
                    words.Add(terms);
                    if (!terms.MoveNext()) break;
                }
            }
        }
        return words.InEveryField(fields, maxWords, Boost);
    }

    public override string ToString(string field) => $"frequent({prefix}*, {maxWords}){ToStringUtils.Boost(Boost)}";

    public override bool Equals(object? obj) =>
        obj is FrequentPrefixQuery other && other.Prefix == prefix && Boost == other.Boost && other.ToString() == ToString();

    public override int GetHashCode() => HashCode.Combine(prefix, maxWords, Boost);
}
