using ArchiveSearch.Engine.Indexing;

namespace ArchiveSearch.Engine.Tests.Indexing;

/// <summary>A run's rate and time left, on a clock the test moves.</summary>
public class ReindexProgressTests
{
    private readonly ManualClock clock = new();

    private ReindexProgress Started(int total)
    {
        var progress = new ReindexProgress(clock);
        progress.SetTotal(total);
        return progress;
    }

    private static void Scan(ReindexProgress progress, int files)
    {
        for (var i = 0; i < files; i++) progress.FileScanned();
    }

    [Fact]
    public void Before_a_second_has_passed_there_is_no_rate_and_no_time_left()
    {
        var progress = Started(1000);
        Scan(progress, 10);
        clock.Advance(TimeSpan.FromMilliseconds(500));

        Assert.Equal(new ProgressEstimate(null, null), progress.Estimate());
        Assert.Equal(new ProgressEstimate(null, null), new ReindexProgress(clock).Estimate());
    }

    [Fact]
    public void The_rate_is_files_per_second_and_the_time_left_is_what_remains_at_that_rate_rounded_up()
    {
        var progress = Started(1000);
        clock.Advance(TimeSpan.FromSeconds(4));
        Scan(progress, 300);

        Assert.Equal(new ProgressEstimate(75, TimeSpan.FromSeconds(10)), progress.Estimate());
    }

    [Fact]
    public void The_rate_follows_the_last_half_minute_not_the_whole_run()
    {
        // A resumed build: 9,000 files it already holds in the first 10 s, then 10 files a second.
        var progress = Started(20_000);
        clock.Advance(TimeSpan.FromSeconds(10));
        Scan(progress, 9_000);
        progress.Estimate();
        for (var second = 0; second < 60; second++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            Scan(progress, 10);
            progress.Estimate();
        }

        var estimate = progress.Estimate();

        Assert.Equal(10, estimate.FilesPerSecond!.Value, precision: 6);
        Assert.Equal(TimeSpan.FromSeconds(1040), estimate.Remaining);
    }

    [Fact]
    public void A_run_that_stopped_moving_has_a_rate_of_zero_and_no_time_left()
    {
        var progress = Started(100);
        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(new ProgressEstimate(0, null), progress.Estimate());
    }

    [Fact]
    public void A_finished_run_keeps_its_average_rate_however_long_ago_it_ended()
    {
        var progress = Started(100);
        clock.Advance(TimeSpan.FromSeconds(5));
        Scan(progress, 100);
        progress.Stop();
        clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(new ProgressEstimate(20, TimeSpan.Zero), progress.Estimate());
    }

    [Fact]
    public void A_run_that_finished_within_a_second_still_has_its_average_rate()
    {
        var progress = Started(69);
        clock.Advance(TimeSpan.FromMilliseconds(300));
        Scan(progress, 69);
        progress.Stop();

        Assert.Equal(230, progress.Estimate().FilesPerSecond!.Value, precision: 6);
    }

    private sealed class ManualClock : TimeProvider
    {
        private long ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => ticks;

        public void Advance(TimeSpan by) => ticks += by.Ticks;
    }
}
