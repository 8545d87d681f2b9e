using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace ArchiveSearch.Engine.Analysis;

/// <summary>
/// Lucene's LowerCaseFilter, token for token: the invariant culture's lower case of each term. Lucene.Net asks the
/// globalization library for every term, even a Chinese character that has no case (a seventh of the indexing
/// threads' time in the bigram reading); here a term without surrogates maps each code unit through a table made by
/// that same call, and only a term with surrogates (a code point outside the BMP) still goes to the library whole.
/// </summary>
internal sealed class InvariantLowerCaseFilter : TokenFilter
{
    private static readonly char[] Lower = BuildTable();

    private readonly ICharTermAttribute term;

    public InvariantLowerCaseFilter(TokenStream input) : base(input)
    {
        term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var chars = term.Buffer.AsSpan(0, term.Length);
        if (chars.ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            Span<char> lowered = chars.Length <= 256 ? stackalloc char[chars.Length] : new char[chars.Length];
            ((ReadOnlySpan<char>)chars).ToLower(lowered, CultureInfo.InvariantCulture);
            lowered.CopyTo(chars);
        }
        else
        {
            foreach (ref var c in chars) c = Lower[c];
        }
        return true;
    }

    private static char[] BuildTable()
    {
        var table = new char[char.MaxValue + 1];
        Span<char> one = stackalloc char[1];
        Span<char> lowered = stackalloc char[1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            one[0] = (char)c;
            ((ReadOnlySpan<char>)one).ToLower(lowered, CultureInfo.InvariantCulture);
            table[c] = lowered[0];
        }
        return table;
    }
}
