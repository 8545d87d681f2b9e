namespace ArchiveSearch.Engine.Generation;

internal enum ArticleLanguage
{
    Chinese,
    English,
}
