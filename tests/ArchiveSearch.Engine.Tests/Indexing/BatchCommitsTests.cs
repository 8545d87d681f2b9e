using ArchiveSearch.Engine.Indexing;

namespace ArchiveSearch.Engine.Tests.Indexing;

public class BatchCommitsTests
{
    [Fact]
    public void A_young_build_commits_at_the_configured_interval_and_size()
    {
        Assert.Equal((TimeSpan.FromSeconds(5), 5_000), BatchCommits.Default.At(TimeSpan.FromSeconds(30), committed: 12_000));
    }

    [Fact]
    public void Batches_grow_to_a_tenth_of_the_build_so_far()
    {
        Assert.Equal((TimeSpan.FromSeconds(60), 80_000), BatchCommits.Default.At(TimeSpan.FromMinutes(10), committed: 800_000));
    }
}
