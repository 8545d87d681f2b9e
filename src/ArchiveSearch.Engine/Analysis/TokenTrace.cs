using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace ArchiveSearch.Engine.Analysis;

/// <summary>
/// Everything a token stream tells the indexer about a text, one line a token (term, offsets, position increment,
/// type) and the final offset last: two analyses are the same for the index when their traces are equal.
/// </summary>
internal static class TokenTrace
{
    public static List<string> Of(TokenStream stream)
    {
        using (stream)
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var type = stream.AddAttribute<ITypeAttribute>();
            var trace = new List<string>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                trace.Add($"{term}|{offset.StartOffset}-{offset.EndOffset}|+{increment.PositionIncrement}|{type.Type}");
            }
            stream.End();
            trace.Add($"end {offset.EndOffset}");
            return trace;
        }
    }
}
