using ArchiveSearch.Engine.Archive;
using ArchiveSearch.Engine.Tests.Generation;

namespace ArchiveSearch.Engine.Tests.Analysis.SmartCn;

/// <summary>
/// Our SmartCn tokenizer against SmartCn's own HMMChineseTokenizer, token by token (term, offsets, position increment,
/// type, final offset), on real, generated and hostile text.
/// </summary>
public class SmartCnTokenizerTests
{
    [Fact]
    public void Cuts_a_sentence_as_smartcn_does()
    {
        Assert.Equal(
            ["这|0-1|+1|word", "一|1-2|+1|word", "段|2-3|+1|word", "讨论|3-5|+1|word", "了|5-6|+1|word", "向量|6-8|+1|word",
             "数据库|8-11|+1|word", ",|11-12|+1|word", "end 12"],
            TokenTraces.Ours("这一段讨论了向量数据库。"));
    }

    [Fact]
    public void A_chinese_word_may_span_spaces_as_in_smartcn()
    {
        Assert.Equal(["中国|0-3|+1|word", "end 3"], TokenTraces.Ours("中 国"));
        Assert.Null(TokenTraces.FirstDifference("中 国"));
    }

    [Fact]
    public void Latin_and_full_width_runs_fold_to_lower_case_half_width()
    {
        Assert.Equal(["gpt|0-3|+1|word", "5|3-4|+1|word", "abc|5-8|+1|word", "end 8"], TokenTraces.Ours("ＧＰＴ５ AbＣ"));
        Assert.Null(TokenTraces.FirstDifference("ＧＰＴ５ AbＣ"));
    }

    [Fact]
    public void Every_file_of_the_bundled_sample_is_cut_identically()
    {
        var root = Path.Combine(RepositoryRoot(), "index-data", "archive");
        var files = ArchiveScanner.Scan(root);
        Assert.True(files.Count >= 60, $"only {files.Count} sample files");
        AssertIdentical(files.Select(f => File.ReadAllText(f.FullPath)));
    }

    [Fact]
    public void Every_file_of_a_generated_corpus_is_cut_identically()
    {
        using var corpus = new GeneratedCorpus(400, seed: 7);
        AssertIdentical(corpus.Files.Select(f => File.ReadAllText(f.FullPath)));
    }

    [Fact]
    public void Thousands_of_random_hostile_strings_are_cut_identically()
    {
        var random = new Random(20261201);
        AssertIdentical(Enumerable.Range(0, 4000).Select(_ => HostileText.Random(random)));
    }

    [Fact]
    public void Long_runs_without_a_break_are_cut_identically()
    {
        // SegmentingTokenizerBase reads 1,024 characters at a time and cuts only at a line break inside them.
        var random = new Random(5);
        AssertIdentical(
        [
            new string('中', 3000),
            string.Concat(Enumerable.Repeat("中华人民共和国", 400)),
            new string('a', 2500) + "中文",
            string.Concat(Enumerable.Range(0, 2000).Select(i => (char)('0' + i % 10))),
            string.Concat(Enumerable.Repeat("数据库 ", 700)),
            string.Concat(Enumerable.Range(0, 3000).Select(_ => HostileText.Random(random, 1, 3))),
            string.Concat(Enumerable.Repeat("向量数据库\n", 500)),
            string.Concat(Enumerable.Repeat("😀", 1500)),
        ]);
    }

    [Fact]
    public void The_character_class_boundaries_are_cut_identically()
    {
        // 0x9FA5 is SmartCn's last Chinese character; the others start or end a character class of its Utility.GetCharType.
        int[] boundaries = [0x4DFF, 0x4E00, 0x9FA5, 0x9FA6, 0x0040, 0x0041, 0x005A, 0x005B, 0x0060, 0x0061, 0x007A, 0x007B, 0x002F, 0x0030,
            0x0039, 0x003A, 0x0020, 0x3000, 0x0021, 0x00BB, 0x00BC, 0x2010, 0x2642, 0x2643, 0x3001, 0x301E, 0x301F, 0xFF20, 0xFF21,
            0xFF3A, 0xFF41, 0xFF5A, 0xFF10, 0xFF19, 0xFE30, 0xFF63, 0xFF64, 0x0000, 0x0085, 0x2028, 0x2029, 0xD800, 0xDC00, 0xFFFF];
        var texts = new List<string>();
        foreach (var a in boundaries)
        {
            foreach (var b in boundaries) texts.Add($"中{(char)a}{(char)b}国a{(char)a}1{(char)b}。");
        }
        AssertIdentical(texts);
    }

    [Fact]
    public async Task Concurrent_use_cuts_every_text_as_alone()
    {
        var random = new Random(11);
        var texts = Enumerable.Range(0, 60).Select(_ => HostileText.Random(random, 20, 400)).ToArray();
        var expected = texts.Select(TokenTraces.Reference).ToArray();

        var mismatches = await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            var bad = 0;
            for (var round = 0; round < 30; round++)
            {
                for (var i = 0; i < texts.Length; i++)
                {
                    var j = (i * 7 + worker * 13 + round) % texts.Length;
                    if (!TokenTraces.Ours(texts[j]).SequenceEqual(expected[j])) bad++;
                }
            }
            return bad;
        })));

        Assert.All(mismatches, m => Assert.Equal(0, m));
    }

    private static void AssertIdentical(IEnumerable<string> texts)
    {
        var compared = 0;
        foreach (var text in texts)
        {
            Assert.Null(TokenTraces.FirstDifference(text));
            compared++;
        }
        Assert.True(compared > 0);
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Search.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Search.sln not found above " + AppContext.BaseDirectory);
    }
}
