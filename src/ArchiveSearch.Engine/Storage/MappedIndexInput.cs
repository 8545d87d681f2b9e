using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Lucene.Net.Store;

namespace ArchiveSearch.Engine.Storage;

/// <summary>
/// Reads a mapped index file (or a slice of one, for compound files) straight from memory: a byte is a pointer read,
/// a variable-length integer is decoded in place. Lucene's encodings are big-endian, as its own <see cref="DataInput"/>
/// reads them.
/// </summary>
internal sealed unsafe class MappedIndexInput : IndexInput
{
    private readonly MappedFile file;
    private readonly byte* start;
    private readonly long length;
    private long position;
    // Clones and slices share the mapping: only the input that opened it unmaps it.
    private bool ownsFile;

    public MappedIndexInput(string description, MappedFile file) : this(description, file, file.Start, file.Length, ownsFile: true)
    {
    }

    private MappedIndexInput(string description, MappedFile file, byte* start, long length, bool ownsFile) : base(description)
    {
        this.file = file;
        this.start = start;
        this.length = length;
        this.ownsFile = ownsFile;
    }

    public override long Length => length;

    public override long Position => position;

    public override void Seek(long pos)
    {
        EnsureOpen();
        if (pos < 0) throw new ArgumentOutOfRangeException(nameof(pos), $"Seeking to negative position: {this}");
        if (pos > length) throw new EndOfStreamException($"seek past EOF: {this}");
        position = pos;
    }

    public override byte ReadByte()
    {
        EnsureOpen();
        if (position >= length) throw PastEnd();
        return start[position++];
    }

    public override void ReadBytes(byte[] b, int offset, int len)
    {
        EnsureOpen();
        if (len < 0) throw new ArgumentOutOfRangeException(nameof(len));
        if (len > length - position) throw PastEnd();
        new ReadOnlySpan<byte>(start + position, len).CopyTo(b.AsSpan(offset, len));
        position += len;
    }

    public override short ReadInt16() => BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<short>(Take(sizeof(short))));

    public override int ReadInt32() => BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<int>(Take(sizeof(int))));

    public override long ReadInt64() => BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<long>(Take(sizeof(long))));

    public override int ReadVInt32()
    {
        EnsureOpen();
        // Near the end the bytes are read one at a time, through the bounds check of ReadByte.
        if (length - position < 5) return base.ReadVInt32();
        var p = start + position;
        int b = p[0];
        if (b < 0x80) { position += 1; return b; }
        var i = b & 0x7F;
        b = p[1];
        i |= (b & 0x7F) << 7;
        if (b < 0x80) { position += 2; return i; }
        b = p[2];
        i |= (b & 0x7F) << 14;
        if (b < 0x80) { position += 3; return i; }
        b = p[3];
        i |= (b & 0x7F) << 21;
        if (b < 0x80) { position += 4; return i; }
        b = p[4];
        i |= (b & 0x0F) << 28;
        if ((b & 0xF0) == 0) { position += 5; return i; }
        throw new IOException("Invalid VInt32 detected (too many bits)");
    }

    public override long ReadVInt64()
    {
        EnsureOpen();
        if (length - position < 9) return base.ReadVInt64();
        var p = start + position;
        long i = 0;
        for (var k = 0; k < 9; k++)
        {
            long b = p[k];
            i |= (b & 0x7F) << (7 * k);
            if (b < 0x80)
            {
                position += k + 1;
                return i;
            }
        }
        throw new IOException("Invalid VInt64 detected (negative values disallowed)");
    }

    public override void SkipBytes(long numBytes)
    {
        if (numBytes < 0) throw new ArgumentOutOfRangeException(nameof(numBytes), "numBytes must be >= 0");
        Seek(checked(position + numBytes));
    }

    public override object Clone()
    {
        EnsureOpen();
        var clone = (MappedIndexInput)base.Clone();
        clone.ownsFile = false;
        return clone;
    }

    /// <summary>A view of <paramref name="sliceLength"/> bytes from <paramref name="offset"/>, positioned at its start.</summary>
    public MappedIndexInput Slice(string description, long offset, long sliceLength)
    {
        EnsureOpen();
        if (offset < 0 || sliceLength < 0 || offset > length - sliceLength)
        {
            throw new ArgumentException($"slice {offset}+{sliceLength} is out of bounds: {this}");
        }
        return new MappedIndexInput($"{description} [slice of {this}]", file, start + offset, sliceLength, ownsFile: false);
    }

    protected override void Dispose(bool disposing)
    {
        if (ownsFile) file.Close();
    }

    private byte* Take(int count)
    {
        EnsureOpen();
        if (count > length - position) throw PastEnd();
        var p = start + position;
        position += count;
        return p;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EnsureOpen()
    {
        if (file.IsClosed) ThrowClosed();
    }

    private void ThrowClosed() => throw new ObjectDisposedException(ToString(), "this IndexInput is closed");

    private EndOfStreamException PastEnd() => new($"read past EOF: {this}");
}
