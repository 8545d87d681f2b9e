namespace ArchiveSearch.Engine.Generation;

/// <summary>What a <see cref="CorpusGenerator"/> run wrote.</summary>
public sealed record GenerationReport(long Files, long Bytes, TimeSpan Elapsed)
{
    public double FilesPerSecond => Files / Math.Max(Elapsed.TotalSeconds, 1e-9);
    public double Megabytes => Bytes / 1048576.0;
}
