using System.Text;
using ArchiveSearch.Engine.Analysis;
using ICU4N.Text;

namespace ArchiveSearch.Engine.Tests.Analysis;

public class TraditionalToSimplifiedTests
{
    [Fact]
    public void The_embedded_table_is_exactly_ICUs_one_to_one_Traditional_to_Simplified_mappings()
    {
        var transliterator = Transliterator.GetInstance("Traditional-Simplified");
        var expected = new List<(char, char)>();
        foreach (var (first, last) in new[] { (0x3400, 0x4DBF), (0x4E00, 0x9FFF) })
        {
            for (var code = first; code <= last; code++)
            {
                var c = ((char)code).ToString();
                var folded = transliterator.Transliterate(c);
                if (folded.Length == 1 && folded != c) expected.Add((c[0], folded[0]));
            }
        }

        if (!expected.SequenceEqual(TraditionalToSimplified.Pairs))
        {
            // Regenerating is copying this file over src/ArchiveSearch.Engine/Analysis/traditional-to-simplified.txt (keep its header).
            var fresh = Path.Combine(Path.GetTempPath(), "traditional-to-simplified.txt");
            File.WriteAllText(fresh, string.Concat(expected.Select(p => $"{p.Item1}{p.Item2}\n")), new UTF8Encoding(false));
            Assert.Fail($"The embedded table differs from ICU's ({TraditionalToSimplified.Count} pairs against {expected.Count}); ICU's is in {fresh}.");
        }
        Assert.True(expected.Count > 2500);
        Assert.Contains(('體', '体'), TraditionalToSimplified.Pairs);
    }
}
