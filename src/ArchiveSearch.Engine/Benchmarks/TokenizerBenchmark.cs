using System.Diagnostics;
using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Analysis.SmartCn;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;

namespace ArchiveSearch.Engine.Benchmarks;

/// <summary>
/// SmartCn's own HMMChineseTokenizer against ours on one thread over the same texts, in alternating rounds so that
/// the machine's drift falls on both alike; then, untimed, every text's tokens from both compared term, offsets and
/// type, which must all be equal.
/// </summary>
public static class TokenizerBenchmark
{
    public sealed record Round(string Tokenizer, double Seconds, double MegabytesPerSecond, long Tokens, long AllocatedBytes);

    /// <param name="DifferingTexts">Texts whose tokens differ between the two tokenizers (0 when ours is a drop-in).</param>
    public sealed record Result(int Texts, double Megabytes, IReadOnlyList<Round> Rounds, long ComparedTokens, int DifferingTexts, string? FirstDifference);

    public static Result Run(string archive, int rounds, int maxFiles)
    {
        ArticleAnalyzer.PinBuiltInDictionaries();
        var texts = Directory.EnumerateFiles(archive, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(maxFiles)
            .Select(File.ReadAllText).ToList();
        var megabytes = texts.Sum(t => (long)System.Text.Encoding.UTF8.GetByteCount(t)) / 1048576.0;
        Tokenize(new HMMChineseTokenizer(new StringReader("")), ["预热 warm up"]);
        Tokenize(new SmartCnTokenizer(new StringReader("")), ["预热 warm up"]);
        var results = new List<Round>();
        for (var round = 0; round < rounds; round++)
        {
            results.Add(Measure("smartcn", new HMMChineseTokenizer(new StringReader("")), texts, megabytes));
            results.Add(Measure("ours", new SmartCnTokenizer(new StringReader("")), texts, megabytes));
        }
        var (compared, differing, first) = Compare(texts);
        return new Result(texts.Count, megabytes, results, compared, differing, first);
    }

    private static (long Tokens, int Differing, string? First) Compare(List<string> texts)
    {
        long tokens = 0;
        var differing = 0;
        string? first = null;
        foreach (var text in texts)
        {
            var expected = TokenTrace.Of(new HMMChineseTokenizer(new StringReader(text)));
            var actual = TokenTrace.Of(new SmartCnTokenizer(new StringReader(text)));
            tokens += expected.Count;
            if (expected.SequenceEqual(actual)) continue;
            differing++;
            first ??= text.Length > 80 ? text[..80] : text;
        }
        return (tokens, differing, first);
    }

    private static Round Measure(string name, Tokenizer tokenizer, List<string> texts, double megabytes)
    {
        GC.Collect();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var tokens = Tokenize(tokenizer, texts);
        var seconds = clock.Elapsed.TotalSeconds;
        return new Round(name, seconds, megabytes / seconds, tokens, GC.GetAllocatedBytesForCurrentThread() - allocated);
    }

    private static long Tokenize(Tokenizer tokenizer, IEnumerable<string> texts)
    {
        long tokens = 0;
        var term = tokenizer.AddAttribute<ICharTermAttribute>();
        foreach (var text in texts)
        {
            tokenizer.SetReader(new StringReader(text));
            tokenizer.Reset();
            while (tokenizer.IncrementToken()) tokens += term.Length > 0 ? 1 : 0;
            tokenizer.End();
            tokenizer.Dispose();
        }
        return tokens;
    }
}
