using System.IO.Compression;
using Lucene.Net.Codecs.Compressing;
using CompressionMode = Lucene.Net.Codecs.Compressing.CompressionMode;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace ArchiveSearch.Engine.Indexing;

/// <summary>
/// Stored-field chunks compressed with zlib's deflate at level 3: on article text it compresses a third better than
/// Lucene.Net's LZ4 and, in .NET, both compresses and decompresses faster than that managed LZ4 (docs/indexing.md).
/// A chunk is the compressed length as a variable-length integer, then raw deflate.
/// </summary>
internal sealed class DeflateCompression : CompressionMode
{
    /// <summary>
    /// One instance: when merging, Lucene copies compressed chunks as they are only from segments written with the same
    /// compression mode object.
    /// </summary>
    public static readonly DeflateCompression Instance = new();

    private const int Level = 3;

    private DeflateCompression()
    {
    }

    public override Compressor NewCompressor() => new DeflateCompressor();

    public override Decompressor NewDecompressor() => new DeflateDecompressor();

    public override string ToString() => $"Deflate(level={Level})";

    private sealed class DeflateCompressor : Compressor
    {
        private readonly MemoryStream compressed = new();

        public override void Compress(byte[] bytes, int off, int len, DataOutput output)
        {
            compressed.SetLength(0);
            using (var deflate = new DeflateStream(compressed, new ZLibCompressionOptions { CompressionLevel = Level }, leaveOpen: true))
            {
                deflate.Write(bytes, off, len);
            }
            output.WriteVInt32((int)compressed.Length);
            output.WriteBytes(compressed.GetBuffer(), (int)compressed.Length);
        }
    }

    /// <summary>Inflates a chunk only as far as the requested bytes end; its buffers are reused from call to call.</summary>
    private sealed class DeflateDecompressor : Decompressor
    {
        private byte[] compressed = [];

        public override void Decompress(DataInput input, int originalLength, int offset, int length, BytesRef bytes)
        {
            var compressedLength = input.ReadVInt32();
            if (compressed.Length < compressedLength) compressed = new byte[ArrayUtil.Oversize(compressedLength, 1)];
            input.ReadBytes(compressed, 0, compressedLength);
            if (length == 0)
            {
                bytes.Length = 0;
                return;
            }
            var needed = offset + length;
            if (needed > originalLength) throw new CorruptIndexException($"Stored-field range {offset}+{length} beyond the chunk's {originalLength} bytes (resource={input})");
            if (bytes.Bytes.Length < needed) bytes.Bytes = new byte[ArrayUtil.Oversize(needed, 1)];
            using var inflate = new DeflateStream(new MemoryStream(compressed, 0, compressedLength, writable: false), System.IO.Compression.CompressionMode.Decompress);
            var read = inflate.ReadAtLeast(bytes.Bytes.AsSpan(0, needed), needed, throwOnEndOfStream: false);
            if (read < needed) throw new CorruptIndexException($"Stored-field chunk inflated to {read} bytes, {needed} needed (resource={input})");
            bytes.Offset = offset;
            bytes.Length = length;
        }

        public override object Clone() => new DeflateDecompressor();
    }
}
