using Lucene.Net.Store;

namespace ArchiveSearch.Engine.Tests.Support;

/// <summary>A directory on a disk that fills up: after <paramref name="filesAllowed"/> files, creating another fails as ENOSPC would.</summary>
internal sealed class FullDiskDirectory(Lucene.Net.Store.Directory inner, int filesAllowed) : FilterDirectory(inner)
{
    private int created;

    public override IndexOutput CreateOutput(string name, IOContext context)
    {
        if (Interlocked.Increment(ref created) > filesAllowed) throw new IOException("No space left on device");
        return base.CreateOutput(name, context);
    }
}
