using System.Globalization;

namespace ArchiveSearch.Engine.Generation;

/// <summary>
/// Common English words with counts, embedded as <c>english-words.txt</c> (word, tab, count per line). Built by
/// <c>scripts/build-english-words.py</c> from the English Debian Administrator's Handbook (package debian-handbook).
/// </summary>
internal static class EnglishWords
{
    private const string ResourceName = "ArchiveSearch.Engine.Generation.english-words.txt";
    private static readonly Lazy<WordList> Shared = new(Load);

    public static WordList List => Shared.Value;

    private static WordList Load()
    {
        using var stream = typeof(EnglishWords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var entries = new List<(string, long)>();
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0) continue;
            entries.Add((line[..tab], long.Parse(line.AsSpan(tab + 1), CultureInfo.InvariantCulture)));
        }
        return new WordList(entries);
    }
}
