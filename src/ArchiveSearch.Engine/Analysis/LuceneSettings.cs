using Lucene.Net.Util;

namespace ArchiveSearch.Engine.Analysis;

/// <summary>The one Lucene compatibility version used by indexing and querying alike.</summary>
public static class LuceneSettings
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;
}
