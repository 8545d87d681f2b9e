using ArchiveSearch.Engine.Archive;
using ArchiveSearch.Engine.Indexing;
using ArchiveSearch.Engine.Tests.Generation;

namespace ArchiveSearch.Engine.Tests.Analysis.SmartCn;

/// <summary>
/// Both readings of a text, as indexed and queried (SmartCn words; CJK bigrams and exact forms), against the same
/// chains built from Lucene's own parts: identical tokens, offsets, increments, types and final offsets.
/// </summary>
public class AnalysisDifferentialTests
{
    private static readonly string[] Fields = [IndexSchema.Title, IndexSchema.TitleBigrams];

    [Fact]
    public void The_bundled_sample_is_analysed_identically()
    {
        var files = ArchiveScanner.Scan(Path.Combine(SmartCnTokenizerTests.RepositoryRoot(), "index-data", "archive"));
        AssertIdentical(files.Select(f => File.ReadAllText(f.FullPath)));
    }

    [Fact]
    public void A_generated_corpus_is_analysed_identically()
    {
        using var corpus = new GeneratedCorpus(300, seed: 3);
        AssertIdentical(corpus.Files.Select(f => File.ReadAllText(f.FullPath)));
    }

    [Fact]
    public void Random_hostile_strings_are_analysed_identically()
    {
        var random = new Random(42);
        AssertIdentical(Enumerable.Range(0, 3000).Select(_ => HostileText.Random(random)));
    }

    [Fact]
    public void Traditional_text_and_every_case_mapping_are_analysed_identically()
    {
        // Every Traditional character the folding knows, and every BMP character (the lower-case table is built per
        // code unit; the library lower-cases whole terms), in runs short enough to stay one token each.
        var traditional = string.Concat(Engine.Analysis.TraditionalToSimplified.Pairs.Select(p => p.Traditional));
        var texts = Enumerable.Range(0, traditional.Length / 50 + 1).Select(i => traditional.Substring(i * 50, Math.Min(50, traditional.Length - i * 50))).ToList();
        for (var start = 0x20; start < 0x10000; start += 40)
        {
            texts.Add(string.Concat(Enumerable.Range(start, 40).Where(c => c <= char.MaxValue && !char.IsSurrogate((char)c)).Select(c => "A" + (char)c + "b ")));
        }
        texts.Add("ΣΑΣ İstanbul ǅemal Ⅻ ＡＢＣ 𐐀𐐁 Ꭰ ẞ");
        AssertIdentical(texts);
    }

    private static void AssertIdentical(IEnumerable<string> texts)
    {
        var compared = 0;
        foreach (var text in texts)
        {
            foreach (var field in Fields) Assert.Null(TokenTraces.FirstAnalysisDifference(field, text));
            compared++;
        }
        Assert.True(compared > 0);
    }
}
