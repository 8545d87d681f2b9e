using System.IO.MemoryMappedFiles;

namespace ArchiveSearch.Engine.Storage;

/// <summary>
/// A whole index file mapped read-only into memory, with the view's pointer taken once for the mapping's life.
/// <see cref="MemoryMappedViewAccessor"/> takes and releases it on every read instead: two interlocked operations on
/// the same handle per byte, which all threads reading the file contend for.
/// </summary>
internal sealed unsafe class MappedFile
{
    private readonly MemoryMappedFile? mapping;
    private readonly MemoryMappedViewAccessor? view;
    private int closed;

    private MappedFile(MemoryMappedFile? mapping, MemoryMappedViewAccessor? view, byte* start, long length)
    {
        this.mapping = mapping;
        this.view = view;
        Start = start;
        Length = length;
    }

    /// <summary>The file's first byte; null for an empty file, which cannot be mapped.</summary>
    public byte* Start { get; }

    public long Length { get; }

    /// <summary>Whether the file has been unmapped: every read checks it, so a stray clone fails instead of faulting.</summary>
    public bool IsClosed => closed != 0;

    /// <exception cref="FileNotFoundException">there is no such file (Lucene relies on this type).</exception>
    public static MappedFile Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        try
        {
            var length = stream.Length;
            if (length == 0)
            {
                stream.Dispose();
                return new MappedFile(null, null, null, 0);
            }
            var mapping = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            MemoryMappedViewAccessor? view = null;
            try
            {
                view = mapping.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
                byte* start = null;
                view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
                return new MappedFile(mapping, view, start + view.PointerOffset, length);
            }
            catch
            {
                view?.Dispose();
                mapping.Dispose();
                throw;
            }
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Unmaps the file. As with Lucene's own memory-mapped inputs, a clone must not be read once its file is closed;
    /// Lucene's reference counting guarantees it, and <see cref="IsClosed"/> turns a violation into an exception.
    /// </summary>
    public void Close()
    {
        GC.SuppressFinalize(this);
        if (Interlocked.Exchange(ref closed, 1) != 0 || view is null) return;
        view.SafeMemoryMappedViewHandle.ReleasePointer();
        view.Dispose();
        mapping!.Dispose();
    }

    /// <summary>
    /// An input dropped without being closed: the pointer taken at opening would keep the view mapped for good. Clones
    /// hold this object, so once it is unreachable nothing can read the view any more.
    /// </summary>
    ~MappedFile() => Close();
}
