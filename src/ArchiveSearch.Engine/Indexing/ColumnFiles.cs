using System.Runtime.InteropServices;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace ArchiveSearch.Engine.Indexing;

/// <summary>
/// A segment's columns saved beside the index (<c>columns/</c>, one file per segment and field), so that opening the
/// index reads each back in one go instead of decoding a doc value per document: about a second at 1M articles,
/// the largest part of start-up. A segment never changes once written; a file records its segment's document count
/// and the size of its files, and is ignored (and rewritten) when either differs, so a segment name reused by a
/// rebuilt index cannot pick up an old file. Saving is best effort: a read-only or full disk only means the next
/// start decodes again.
/// </summary>
internal static class ColumnFiles
{
    public const string FolderName = "columns";
    private const int Magic = 0x436F6C31; // "Col1"
    private const byte NumericKind = 1;
    private const byte OrdinalKind = 2;
    private const int HeaderLength = 4 + 1 + 4 + 8;

    /// <summary>Where a segment's field is saved and what identifies the segment.</summary>
    internal sealed record ColumnFile(string Path, int MaxDoc, long SegmentBytes);

    /// <summary>The file for a segment's field, or null when the segment is not in a folder on disk.</summary>
    public static ColumnFile? For(AtomicReader reader, string field)
    {
        if (reader is not SegmentReader { Directory: FSDirectory disk } segment) return null;
        try
        {
            var bytes = segment.SegmentInfo.Info.GetFiles().Sum(disk.FileLength);
            return new ColumnFile(System.IO.Path.Combine(disk.Directory.FullName, FolderName, $"{segment.SegmentName}.{field}.col"), segment.MaxDoc, bytes);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static long[]? ReadNumeric(ColumnFile? file)
    {
        try
        {
            using var stream = OpenMatching(file, NumericKind);
            if (stream is null || stream.Length != HeaderLength + (long)file!.MaxDoc * sizeof(long)) return null;
            var column = new long[file.MaxDoc];
            stream.ReadExactly(MemoryMarshal.AsBytes(column.AsSpan()));
            return column;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static void WriteNumeric(ColumnFile? file, long[] column) =>
        Write(file, NumericKind, stream => stream.Write(MemoryMarshal.AsBytes(column.AsSpan())));

    public static OrdinalColumn? ReadOrdinals(ColumnFile? file)
    {
        var body = ReadBody(file, OrdinalKind);
        if (body is null) return null;
        try
        {
            var at = 0;
            var starts = Ints(body, ref at, file!.MaxDoc + 1);
            var ords = Ints(body, ref at, Count(body, ref at));
            var values = new string[Count(body, ref at)];
            for (var i = 0; i < values.Length; i++)
            {
                var length = Count(body, ref at);
                values[i] = Encoding.UTF8.GetString(body, at, length);
                at += length;
            }
            return at == body.Length ? new OrdinalColumn(starts, ords, values) : null;
        }
        catch (Exception e) when (e is ArgumentException or OverflowException)
        {
            return null; // a length pointing past the end: a damaged file
        }
    }

    public static void WriteOrdinals(ColumnFile? file, OrdinalColumn column) =>
        Write(file, OrdinalKind, stream =>
        {
            var (starts, ords, values) = column.Parts;
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(MemoryMarshal.AsBytes(starts.AsSpan()));
            writer.Write(ords.Length);
            writer.Write(MemoryMarshal.AsBytes(ords.AsSpan()));
            writer.Write(values.Length);
            foreach (var value in values)
            {
                var bytes = Encoding.UTF8.GetBytes(value);
                writer.Write(bytes.Length);
                writer.Write(bytes);
            }
        });

    /// <summary>Deletes the files of segments the reader no longer has (merged away).</summary>
    public static void RemoveStale(IndexReader reader)
    {
        var segments = reader.Leaves.Select(l => l.AtomicReader).OfType<SegmentReader>().ToList();
        if (segments.Count == 0 || segments[0].Directory is not FSDirectory disk) return;
        var folder = System.IO.Path.Combine(disk.Directory.FullName, FolderName);
        if (!System.IO.Directory.Exists(folder)) return;
        var live = segments.Select(s => s.SegmentName + ".").ToList();
        try
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(folder))
            {
                var name = System.IO.Path.GetFileName(file);
                if (!live.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal))) File.Delete(file);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another process removed it first, or the folder is read-only: stale files only take disk space.
        }
    }

    /// <summary>The file, positioned after its header, when it exists and its header matches the segment; otherwise null.</summary>
    private static FileStream? OpenMatching(ColumnFile? file, byte kind)
    {
        if (file is null || !File.Exists(file.Path)) return null;
        var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read);
        Span<byte> header = stackalloc byte[HeaderLength];
        if (stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false) == HeaderLength && BitConverter.ToInt32(header[..4]) == Magic
            && header[4] == kind && BitConverter.ToInt32(header[5..9]) == file.MaxDoc && BitConverter.ToInt64(header[9..]) == file.SegmentBytes)
        {
            return stream;
        }
        stream.Dispose();
        return null;
    }

    private static byte[]? ReadBody(ColumnFile? file, byte kind)
    {
        try
        {
            using var stream = OpenMatching(file, kind);
            if (stream is null) return null;
            var body = new byte[stream.Length - HeaderLength];
            stream.ReadExactly(body);
            return body;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void Write(ColumnFile? file, byte kind, Action<Stream> body)
    {
        if (file is null) return;
        var temporary = file.Path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file.Path)!);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(BitConverter.GetBytes(Magic));
                stream.WriteByte(kind);
                stream.Write(BitConverter.GetBytes(file.MaxDoc));
                stream.Write(BitConverter.GetBytes(file.SegmentBytes));
                body(stream);
            }
            // Readers see the whole file or none: a process reading while another writes never takes half a column.
            File.Move(temporary, file.Path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (IOException)
            {
                // Nothing more to do: the next start decodes the column again.
            }
        }
    }

    private static int Count(byte[] body, ref int at)
    {
        var value = BitConverter.ToInt32(body, at);
        at += sizeof(int);
        return value >= 0 ? value : throw new ArgumentException("A negative count: the file is damaged.");
    }

    private static int[] Ints(byte[] body, ref int at, int count)
    {
        var ints = MemoryMarshal.Cast<byte, int>(body.AsSpan(at, checked(count * sizeof(int)))).ToArray();
        at += count * sizeof(int);
        return ints;
    }
}
