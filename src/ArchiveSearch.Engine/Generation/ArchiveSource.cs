namespace ArchiveSearch.Engine.Generation;

/// <summary>Where a generated article was saved from: its 来源 value, its usual 类型 values, and its URL shape.</summary>
internal sealed record ArchiveSource(string Name, string[] Types, UrlShape Url, bool WeiboStyle);

internal enum UrlShape
{
    Weibo,
    ArXiv,
    News,
    Zhihu,
    HackerNews,
    Twitter,
    WeChat,
    Reddit,
    Douban,
    GitHub,
    YouTube,
    Medium,
}
