using ArchiveSearch.Engine.Generation;

namespace ArchiveSearch.Engine.Tests.Generation;

public sealed class CorpusGeneratorDeterminismTests
{
    [Fact]
    public void The_same_seed_writes_the_same_names_and_bytes()
    {
        using var first = new GeneratedCorpus(300, seed: 42);
        using var second = new GeneratedCorpus(300, seed: 42);

        var hashes = first.Hashes();
        Assert.Equal(300, hashes.Count);
        Assert.Equal(hashes, second.Hashes());
        Assert.Equal(first.Report.Bytes, second.Report.Bytes);
    }

    [Fact]
    public void A_different_seed_writes_different_files()
    {
        using var first = new GeneratedCorpus(300, seed: 42);
        using var other = new GeneratedCorpus(300, seed: 43);

        var a = first.Hashes();
        var b = other.Hashes();
        Assert.Empty(a.Keys.Intersect(b.Keys));
        Assert.Empty(a.Values.Intersect(b.Values));
    }

    [Fact]
    public void Names_are_per_date_folders_with_unique_sequence_numbers_and_ids()
    {
        using var corpus = new GeneratedCorpus(1000, seed: 7);
        var paths = corpus.Hashes().Keys.ToList();

        Assert.All(paths, p => Assert.Matches(@"^\d{4}-\d{2}-\d{2}/\d{3,}_[0-9a-f]{16}\.txt$", p));
        Assert.Equal(paths.Count, paths.Select(p => p[(p.IndexOf('_') + 1)..]).Distinct().Count());
        foreach (var folder in paths.GroupBy(p => p[..10]))
        {
            var numbers = folder.Select(p => int.Parse(p[11..p.IndexOf('_')], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
            Assert.Equal(Enumerable.Range(0, numbers.Count), numbers);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(CorpusGenerator.MaxCount + 1)]
    public void A_count_out_of_range_is_refused(int count)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CorpusGenerator.Generate(count, Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("n")), 1));
    }

    [Fact]
    public void A_non_empty_output_folder_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("gen-tests-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "keep.txt"), "x");
            Assert.Throws<IOException>(() => CorpusGenerator.Generate(10, folder, 1));
            Assert.Single(Directory.EnumerateFileSystemEntries(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
