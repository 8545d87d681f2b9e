using ArchiveSearch.Engine.Archive;

namespace ArchiveSearch.Engine.Tests.Archive;

public class ArchiveScannerTests
{
    [Fact]
    public void Finds_txt_and_md_recursively_in_ordinal_order_skipping_hidden_and_other_files()
    {
        using var folder = new TempFolder();
        folder.Write("2025-05-24/001_00000000000000b1.txt", "# b1");
        folder.Write("2025-05-23/001_00000000000000a1.txt", "# a1");
        folder.Write("2025-05-23/000_00000000000000a0.TXT", "# a0");
        folder.Write("2025-05-23/image.png", [0x89, 0x50, 0x4E, 0x47]);
        folder.Write("notes/Idea.md", "# idea");
        folder.Write("notes/readme.markdown", "# not an article");
        folder.Write(".git/HEAD.txt", "ref");
        folder.Write(".obsidian/workspace.md", "# hidden");
        folder.Write("notes/.draft.md", "# hidden file");
        folder.Write("Zeta.txt", "# top level");

        var files = ArchiveScanner.Scan(folder.Root);

        Assert.Equal(
            [
                "2025-05-23/000_00000000000000a0.TXT",
                "2025-05-23/001_00000000000000a1.txt",
                "2025-05-24/001_00000000000000b1.txt",
                "Zeta.txt",
                "notes/Idea.md",
            ],
            files.Select(file => file.RelativePath));
    }

    [Fact]
    public void Reports_full_path_length_and_utc_write_time()
    {
        using var folder = new TempFolder();
        var path = folder.Write("d/1.md", "# 标题");
        var written = new DateTime(2025, 5, 23, 12, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, written);

        var file = Assert.Single(ArchiveScanner.Scan(folder.Root));

        Assert.Equal(Path.GetFullPath(path), file.FullPath);
        Assert.Equal("d/1.md", file.RelativePath);
        Assert.Equal(8, file.Length);
        Assert.Equal(written, file.LastWriteUtc);
        Assert.Equal(DateTimeKind.Utc, file.LastWriteUtc.Kind);
    }

    [Fact]
    public void Empty_root_gives_no_files()
    {
        using var folder = new TempFolder();

        Assert.Empty(ArchiveScanner.Scan(folder.Root));
    }

    [Fact]
    public void Missing_root_throws_with_the_absolute_path()
    {
        using var folder = new TempFolder();
        var missing = Path.Combine(folder.Root, "nope");

        var error = Assert.Throws<DirectoryNotFoundException>(() => ArchiveScanner.Scan(missing));

        Assert.Contains(Path.GetFullPath(missing), error.Message);
    }
}
