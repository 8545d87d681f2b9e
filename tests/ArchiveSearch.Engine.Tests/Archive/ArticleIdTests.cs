using ArchiveSearch.Engine.Archive;

namespace ArchiveSearch.Engine.Tests.Archive;

public class ArticleIdTests
{
    [Theory]
    [InlineData("2025-05-23/000_10ba1377ddf98097.txt", "10ba1377ddf98097")]
    [InlineData("7_0123456789abcdef.md", "0123456789abcdef")]
    [InlineData("a/b/12345_ffffffffffffffff.TXT", "ffffffffffffffff")]
    public void Archiver_file_name_gives_the_id(string path, string id)
    {
        Assert.Equal(id, ArticleText.Parse("# T", path).Id);
    }

    [Theory]
    [InlineData("notes/my article.txt")]
    [InlineData("000_10BA1377DDF98097.txt")]
    [InlineData("000_10ba1377ddf9809.txt")]
    [InlineData("_10ba1377ddf98097.txt")]
    [InlineData("000_10ba1377ddf98097.txt.bak.md")]
    public void Other_file_names_get_the_path_hash(string path)
    {
        Assert.Equal(ArticleId.FromPath(path), ArticleText.Parse("# T", path).Id);
    }

    [Fact]
    public void Path_hash_is_the_first_16_hex_of_sha256_of_the_path()
    {
        // printf 'notes/my article.txt' | sha256sum
        Assert.Equal("0ddd6bc77b80e826", ArticleId.FromPath("notes/my article.txt"));
    }

    [Fact]
    public void Path_hash_is_stable_and_differs_by_folder()
    {
        Assert.Equal(ArticleId.FromPath("a/x.md"), ArticleId.FromPath("a/x.md"));
        Assert.NotEqual(ArticleId.FromPath("a/x.md"), ArticleId.FromPath("b/x.md"));
        Assert.Matches("^[0-9a-f]{16}$", ArticleId.FromPath("a/x.md"));
    }
}
