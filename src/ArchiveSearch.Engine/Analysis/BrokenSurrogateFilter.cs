using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace ArchiveSearch.Engine.Analysis;

/// <summary>
/// Drops tokens that are a lone surrogate: SmartCn splits characters outside the BMP (emoji, rare CJK)
/// into halves, which would be indexed as U+FFFD and match every other such half.
/// </summary>
internal sealed class BrokenSurrogateFilter : FilteringTokenFilter
{
    private readonly ICharTermAttribute term;

    public BrokenSurrogateFilter(TokenStream input) : base(LuceneSettings.Version, input)
    {
        term = AddAttribute<ICharTermAttribute>();
    }

    protected override bool Accept() => !(term.Length == 1 && char.IsSurrogate(term.Buffer[0]));
}
