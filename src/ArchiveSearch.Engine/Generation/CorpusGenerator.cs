using System.Buffers;
using System.Diagnostics;
using System.Text;

namespace ArchiveSearch.Engine.Generation;

/// <summary>
/// Writes a deterministic synthetic archive: <c>count</c> articles in per-date folders under an empty
/// output folder. The same seed gives the same names and bytes, whatever the thread count, because
/// every article is built from its own generator seeded with (seed, index).
/// </summary>
public static class CorpusGenerator
{
    public const int MaxCount = 50_000_000;

    /// <exception cref="ArgumentOutOfRangeException">count is not in 1…<see cref="MaxCount"/>.</exception>
    /// <exception cref="IOException">The output folder exists and is not empty.</exception>
    public static GenerationReport Generate(int count, string outputFolder, long seed, IProgress<long>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        var root = Path.GetFullPath(outputFolder);
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
            throw new IOException($"The output folder {root} is not empty.");

        var stopwatch = Stopwatch.StartNew();
        var composer = ArticleComposer.Shared;
        var layout = new CorpusLayout(seed, count);
        foreach (var day in layout.UsedDays) Directory.CreateDirectory(Path.Combine(root, CorpusLayout.Folder(day)));

        long bytes = 0, written = 0;
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        Parallel.For(0, count,
            () => new StringBuilder(16 * 1024),
            (index, _, text) =>
            {
                text.Clear();
                composer.Compose(text, new ArticleRandom(seed, index), layout.Date(index));
                var buffer = ArrayPool<byte>.Shared.Rent(encoding.GetMaxByteCount(text.Length));
                try
                {
                    var length = 0;
                    foreach (var chunk in text.GetChunks()) length += encoding.GetBytes(chunk.Span, buffer.AsSpan(length));
                    using (var file = File.OpenHandle(Path.Combine(root, layout.RelativePath(index)), FileMode.CreateNew, FileAccess.Write))
                    {
                        RandomAccess.Write(file, buffer.AsSpan(0, length), 0);
                    }
                    Interlocked.Add(ref bytes, length);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
                var done = Interlocked.Increment(ref written);
                if (progress is not null && done % 10_000 == 0) progress.Report(done);
                return text;
            },
            _ => { });
        return new GenerationReport(count, bytes, stopwatch.Elapsed);
    }
}
