using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;

namespace ArchiveSearch.Engine.Indexing;

/// <summary>
/// Lucene 4.6's codec with the stored fields compressed by <see cref="DeflateCompression"/> instead of LZ4, and the
/// postings of each text field written apart so that merges use every core (<see cref="ParallelMergePostingsFormat"/>). Segments
/// record the codec's name, so it must be known to Lucene (<see cref="Register"/>) before any index is opened.
/// </summary>
[CodecName("ArchiveSearch46")]
public sealed class ArchiveCodec : FilterCodec
{
    /// <summary>16 KB, as Lucene's own: a hit inflates at most its chunk (a few articles), so larger chunks make hits slower to read.</summary>
    private const int ChunkBytes = 1 << 14;

    private static readonly StoredFieldsFormat StoredFields = new CompressingStoredFieldsFormat("ArchiveSearchStoredFields", DeflateCompression.Instance, ChunkBytes);

    public ArchiveCodec()
        : base(new Lucene46Codec())
    {
    }

    private static readonly PostingsFormat Postings = new ParallelMergePostingsFormat();

    public override StoredFieldsFormat StoredFieldsFormat => StoredFields;

    public override PostingsFormat PostingsFormat => Postings;

    private static int registered;

    /// <summary>Makes the codec's name resolvable by Lucene; any number of calls, from any thread.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1) return;
        Codec.SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(ArchiveCodec)] });
    }
}
