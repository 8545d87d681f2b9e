using Lucene.Net.Store;

namespace ArchiveSearch.Engine.Storage;

/// <summary>
/// The index folder on disk, its files read through <see cref="MappedIndexInput"/>: memory-mapped as Lucene.Net's
/// <see cref="MMapDirectory"/> maps them, without its per-byte handle counting (see <see cref="MappedFile"/>).
/// Writing, locking and syncing are <see cref="FSDirectory"/>'s own.
/// </summary>
public sealed class MappedDirectory : FSDirectory
{
    public MappedDirectory(string path) : base(new DirectoryInfo(path), null)
    {
    }

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var path = Path.Combine(Directory.FullName, name);
        return new MappedIndexInput($"MappedIndexInput(path=\"{path}\")", MappedFile.Open(path));
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context) =>
        new Slicer(this, (MappedIndexInput)OpenInput(name, context));

    /// <summary>Compound files: every inner file a slice of the one mapping.</summary>
    private sealed class Slicer(MappedDirectory directory, MappedIndexInput full) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length)
        {
            directory.EnsureOpen();
            return full.Slice(sliceDescription, offset, length);
        }

        [Obsolete("Only for reading compound files of 3.x indexes.")]
        public override IndexInput OpenFullSlice()
        {
            directory.EnsureOpen();
            return (IndexInput)full.Clone();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) full.Dispose();
        }
    }
}
