using ArchiveSearch.Engine.Archive;

namespace ArchiveSearch.Engine.Tests.Archive;

public class ArticleFileReaderTests
{
    private static ArchiveFile Only(TempFolder folder) => Assert.Single(ArchiveScanner.Scan(folder.Root));

    [Fact]
    public void Good_file_gives_the_article()
    {
        using var folder = new TempFolder();
        folder.Write("2025-05-23/003_abcdef0123456789.txt", "# 好文章\n\n**URL**: https://example.org/a\n");

        var result = ArticleFileReader.Read(Only(folder));

        Assert.Null(result.Problem);
        Assert.NotNull(result.Article);
        Assert.Equal("好文章", result.Article.Title);
        Assert.Equal("abcdef0123456789", result.Article.Id);
        Assert.Equal("2025-05-23/003_abcdef0123456789.txt", result.Article.RelativePath);
    }

    [Fact]
    public void Bad_file_gives_a_problem_with_path_line_and_reason()
    {
        using var folder = new TempFolder();
        folder.Write("2025-05-23/bad.md", "# 标题\n## 元数据\n- **保存时间**: soon\n");

        var result = ArticleFileReader.Read(Only(folder));

        Assert.Null(result.Article);
        Assert.Equal(
            new ArchiveProblem("2025-05-23/bad.md", 3, "Unparseable saved time 'soon': expected ISO-8601 such as 2025-05-23T12:04:29Z."),
            result.Problem);
    }

    [Fact]
    public void Empty_file_gives_a_problem()
    {
        using var folder = new TempFolder();
        folder.Write("empty.txt", []);

        var result = ArticleFileReader.Read(Only(folder));

        Assert.Equal(new ArchiveProblem("empty.txt", null, "The file is empty."), result.Problem);
    }

    [Fact]
    public void File_that_vanished_after_the_scan_gives_a_problem()
    {
        using var folder = new TempFolder();
        var path = folder.Write("gone.txt", "# 标题");
        var file = Only(folder);
        File.Delete(path);

        var result = ArticleFileReader.Read(file);

        Assert.Null(result.Article);
        Assert.Equal(new ArchiveProblem("gone.txt", null, "The file disappeared before it could be read."), result.Problem);
    }

    [Fact]
    public void File_whose_folder_vanished_gives_a_problem()
    {
        using var folder = new TempFolder();
        folder.Write("day/gone.txt", "# 标题");
        var file = Only(folder);
        Directory.Delete(Path.Combine(folder.Root, "day"), recursive: true);

        Assert.Equal("The file disappeared before it could be read.", ArticleFileReader.Read(file).Problem?.Reason);
    }

    [Fact]
    public void Oversized_file_is_reported_without_parsing()
    {
        using var folder = new TempFolder();
        var path = folder.Write("huge.txt", "# T\n");
        using (var stream = File.OpenWrite(path)) stream.SetLength(ArticleParser.MaxFileBytes + 10L);

        var result = ArticleFileReader.Read(Only(folder));

        Assert.Equal("The file is 5,242,890 bytes, over the 5,242,880-byte limit for an article.", result.Problem?.Reason);
    }
}
