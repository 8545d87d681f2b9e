using System.Globalization;
using System.Text;

namespace ArchiveSearch.Engine.Indexing;

/// <summary>
/// The index folder's layout: one sub-folder per generation (<c>gen-000001</c>, …) and a <c>CURRENT</c> file
/// naming the live one. A full rebuild writes a new generation beside the live one and switches by
/// atomically replacing <c>CURRENT</c>, so after a crash at any moment exactly one generation is current;
/// any other folder is leftover work, removed at the next open. A <c>FIRST-BUILD</c> file names a generation whose
/// first build has started and not finished: it commits in batches, so it is current (and searched) while it grows.
/// </summary>
public sealed class IndexCatalog(string root)
{
    private const string CurrentFile = "CURRENT";
    private const string FirstBuildFile = "FIRST-BUILD";
    private const string Prefix = "gen-";

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The live generation's name, or null when there is none yet.</summary>
    public string? Current => ReadGeneration(CurrentFile);

    /// <summary>The generation whose first build was started and has not finished (it was killed or stopped), or null.</summary>
    public string? UnfinishedFirstBuild => ReadGeneration(FirstBuildFile);

    private string? ReadGeneration(string fileName)
    {
        var file = Path.Combine(Root, fileName);
        if (!File.Exists(file)) return null;
        var name = File.ReadAllText(file, Encoding.UTF8).Trim();
        return IsGeneration(name) && Directory.Exists(PathOf(name)) ? name : null;
    }

    public string PathOf(string generation) => Path.Combine(Root, generation);

    /// <summary>Creates the folder of a new generation, numbered after every existing one.</summary>
    public string CreateGeneration()
    {
        Directory.CreateDirectory(Root);
        var next = Generations().Select(Number).DefaultIfEmpty(0).Max() + 1;
        var name = Prefix + next.ToString("D6", CultureInfo.InvariantCulture);
        Directory.CreateDirectory(PathOf(name));
        return name;
    }

    /// <summary>Makes <paramref name="generation"/> the live one: write a temporary file, flush it, rename it over CURRENT.</summary>
    public void Publish(string generation) => WriteAtomically(CurrentFile, generation);

    /// <summary>Records that the first build of <paramref name="generation"/> has started, before its first batch commits.</summary>
    public void MarkFirstBuild(string generation) => WriteAtomically(FirstBuildFile, generation);

    /// <summary>The first build is complete (or a full rebuild replaced its generation).</summary>
    public void ClearFirstBuild() => File.Delete(Path.Combine(Root, FirstBuildFile));

    private void WriteAtomically(string fileName, string generation)
    {
        var temp = Path.Combine(Root, fileName + ".tmp");
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            var bytes = Encoding.UTF8.GetBytes(generation + "\n");
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, Path.Combine(Root, fileName), overwrite: true);
    }

    /// <summary>Deletes every generation but the current one, and a first-build mark naming another; returns the names removed.</summary>
    public IReadOnlyList<string> RemoveOthers()
    {
        var current = Current;
        var removed = new List<string>();
        foreach (var name in Generations().Where(g => g != current))
        {
            if (TryDelete(name)) removed.Add(name);
        }
        if (UnfinishedFirstBuild != current) ClearFirstBuild();
        File.Delete(Path.Combine(Root, CurrentFile + ".tmp"));
        File.Delete(Path.Combine(Root, FirstBuildFile + ".tmp"));
        return removed;
    }

    public bool TryDelete(string generation)
    {
        try
        {
            Directory.Delete(PathOf(generation), recursive: true);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private IEnumerable<string> Generations() =>
        Directory.Exists(Root)
            ? Directory.EnumerateDirectories(Root).Select(Path.GetFileName).OfType<string>().Where(IsGeneration)
            : [];

    private static bool IsGeneration(string name) => name.StartsWith(Prefix, StringComparison.Ordinal) && Number(name) > 0;

    private static int Number(string name) =>
        int.TryParse(name.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
