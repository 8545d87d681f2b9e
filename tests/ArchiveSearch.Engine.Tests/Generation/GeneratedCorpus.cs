using ArchiveSearch.Engine.Archive;
using ArchiveSearch.Engine.Generation;

namespace ArchiveSearch.Engine.Tests.Generation;

/// <summary>A generated archive in a temp folder, deleted afterwards.</summary>
internal sealed class GeneratedCorpus : IDisposable
{
    public GeneratedCorpus(int count, long seed)
    {
        Root = Path.Combine(Path.GetTempPath(), "gen-tests-" + Guid.NewGuid().ToString("n"));
        Report = CorpusGenerator.Generate(count, Root, seed);
    }

    public string Root { get; }
    public GenerationReport Report { get; }

    public IReadOnlyList<ArchiveFile> Files => ArchiveScanner.Scan(Root);

    /// <summary>Relative path → SHA-256 of the bytes, for every file.</summary>
    public SortedDictionary<string, string> Hashes()
    {
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Root, file).Replace('\\', '/');
            hashes[relative] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)));
        }
        return hashes;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
