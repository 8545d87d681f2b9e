using System.Runtime.CompilerServices;
using ArchiveSearch.Engine.Storage;
using Lucene.Net.Store;

namespace ArchiveSearch.Engine.Tests.Storage;

/// <summary>
/// The mapped directory must read every file exactly as Lucene.Net's own <see cref="MMapDirectory"/> does: the same
/// values, the same positions, the same failures at the end of a file.
/// </summary>
public sealed class MappedDirectoryTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "as-mapped-" + Guid.NewGuid().ToString("N"));

    private readonly MMapDirectory lucene;
    private readonly MappedDirectory mapped;

    public MappedDirectoryTests()
    {
        System.IO.Directory.CreateDirectory(folder);
        lucene = new MMapDirectory(folder);
        mapped = new MappedDirectory(folder);
    }

    /// <summary>Values of every encoded width, including the largest and the negative ones Lucene writes.</summary>
    private void WriteValues(string name, int seed, int count)
    {
        using var output = lucene.CreateOutput(name, IOContext.DEFAULT);
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            switch (random.Next(8))
            {
                case 0: output.WriteByte((byte)random.Next(256)); break;
                case 1: output.WriteVInt32(random.Next(4) == 0 ? random.Next(int.MinValue, int.MaxValue) : random.Next(1 << random.Next(1, 31))); break;
                case 2: output.WriteVInt64(random.NextInt64(1L << random.Next(1, 63))); break;
                case 3: output.WriteInt32(random.Next(int.MinValue, int.MaxValue)); break;
                case 4: output.WriteInt64(random.NextInt64(long.MinValue, long.MaxValue)); break;
                case 5: output.WriteInt16((short)random.Next(short.MinValue, short.MaxValue)); break;
                case 6: output.WriteString(new string('文', random.Next(0, 40)) + "x"); break;
                default:
                    var bytes = new byte[random.Next(0, 3000)];
                    random.NextBytes(bytes);
                    output.WriteBytes(bytes, bytes.Length);
                    break;
            }
        }
    }

    /// <summary>
    /// The same random walk through a file on both inputs: each read's value, or the exception's type, and the
    /// position after it. Reads of every kind start anywhere, so many cross the end of the file.
    /// </summary>
    private static List<string> Walk(IndexInput input, int seed, int steps)
    {
        var random = new Random(seed);
        var log = new List<string>();
        var buffer = new byte[5000];
        for (var i = 0; i < steps; i++)
        {
            var op = random.Next(11);
            try
            {
                log.Add(op switch
                {
                    0 => input.ReadByte().ToString(),
                    1 => input.ReadVInt32().ToString(),
                    2 => input.ReadVInt64().ToString(),
                    3 => input.ReadInt32().ToString(),
                    4 => input.ReadInt64().ToString(),
                    5 => input.ReadInt16().ToString(),
                    6 => Read(input, buffer, random.Next(0, 4000)),
                    7 => Seek(input, random.NextInt64(input.Length + 2)),
                    8 => Seek(input, Math.Max(0, input.Length - random.Next(0, 12))),
                    9 => Read(input, buffer, (int)Math.Min(4000, input.Length - input.Position + random.Next(0, 2))),
                    _ => Skip(input, random.Next(0, 100)),
                });
            }
            catch (Exception e)
            {
                // Lucene.Net throws its own subclass of EndOfStreamException.
                log.Add(e is EndOfStreamException ? "end of file" : e.GetType().Name);
                input.Seek(Math.Min(input.Length, random.NextInt64(input.Length + 1)));
            }
            log.Add("@" + input.Position);
        }
        return log;
    }

    private static string Read(IndexInput input, byte[] buffer, int length)
    {
        input.ReadBytes(buffer, 1, length);
        return Convert.ToHexString(buffer, 1, length);
    }

    private static string Seek(IndexInput input, long position)
    {
        input.Seek(position);
        return "seek";
    }

    private static string Skip(IndexInput input, int bytes)
    {
        input.SkipBytes(bytes);
        return "skip";
    }

    [Theory]
    [InlineData(1, 20_000)]
    [InlineData(2, 300)]
    [InlineData(3, 3)]
    [InlineData(4, 0)]
    public void Every_read_returns_what_Lucene_memory_mapped_input_returns(int seed, int values)
    {
        WriteValues("values.bin", seed, values);
        using var expected = lucene.OpenInput("values.bin", IOContext.DEFAULT);
        using var actual = mapped.OpenInput("values.bin", IOContext.DEFAULT);
        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(Walk(expected, seed, 20_000), Walk(actual, seed, 20_000));
        // Decoded in sequence from the start, as postings and term blocks are read.
        expected.Seek(0);
        actual.Seek(0);
        Assert.Equal(Walk(expected, seed + 100, 2_000), Walk(actual, seed + 100, 2_000));
    }

    [Fact]
    public void A_file_beyond_2_GiB_reads_as_Lucene_reads_it()
    {
        // A 1M-article index has stored-field files of several GiB. Sparse: the holes take no disk and read as zeros.
        var path = Path.Combine(folder, "large.bin");
        var length = (3L << 30) + 12_345;
        // Across Lucene.Net's 1 GiB mapping chunks, across 2 GiB, and at the end.
        long[] starts = [(1L << 30) - 7, (1L << 31) - 9, (3L << 30) - 5, length - 3_000];
        var random = new Random(11);
        using (var file = new FileStream(path, FileMode.CreateNew))
        {
            file.SetLength(length);
            foreach (var at in starts)
            {
                var bytes = new byte[3_000];
                random.NextBytes(bytes);
                file.Position = at;
                file.Write(bytes);
            }
        }
        using var expected = lucene.OpenInput("large.bin", IOContext.DEFAULT);
        using var actual = mapped.OpenInput("large.bin", IOContext.DEFAULT);
        Assert.Equal(length, actual.Length);
        foreach (var at in starts)
        {
            expected.Seek(at);
            actual.Seek(at);
            Assert.Equal(Walk(expected, (int)(at % 1000), 300), Walk(actual, (int)(at % 1000), 300));
        }
    }

    [Fact]
    public void A_slice_of_a_compound_file_reads_as_Lucene_slice_does()
    {
        WriteValues("compound.bin", 5, 5_000);
        using var expectedSlicer = lucene.CreateSlicer("compound.bin", IOContext.DEFAULT);
        using var actualSlicer = mapped.CreateSlicer("compound.bin", IOContext.DEFAULT);
        var length = new FileInfo(Path.Combine(folder, "compound.bin")).Length;
        foreach (var (offset, size) in new[] { (0L, length), (17L, length - 40), (length / 2, length / 3), (length, 0L) })
        {
            using var expected = expectedSlicer.OpenSlice("inner", offset, size);
            using var actual = actualSlicer.OpenSlice("inner", offset, size);
            Assert.Equal(0, actual.Position);
            Assert.Equal(size, actual.Length);
            Assert.Equal(Walk(expected, (int)offset, 3_000), Walk(actual, (int)offset, 3_000));
        }
        Assert.ThrowsAny<ArgumentException>(() => actualSlicer.OpenSlice("inner", length - 4, 8));
    }

    [Fact]
    public void Clones_read_independently_from_many_threads()
    {
        WriteValues("shared.bin", 6, 50_000);
        using var input = mapped.OpenInput("shared.bin", IOContext.DEFAULT);
        using var reference = lucene.OpenInput("shared.bin", IOContext.DEFAULT);
        var expected = Walk(reference, 7, 5_000);
        var results = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(8).Select(_ =>
        {
            var clone = (IndexInput)input.Clone();
            clone.Seek(0);
            return Walk(clone, 7, 5_000);
        }).ToList();
        Assert.All(results, result => Assert.Equal(expected, result));
    }

    [Fact]
    public void A_clone_read_after_its_file_is_closed_fails_instead_of_reading_unmapped_memory()
    {
        WriteValues("closed.bin", 8, 100);
        var input = mapped.OpenInput("closed.bin", IOContext.DEFAULT);
        var clone = (IndexInput)input.Clone();
        clone.ReadByte();
        clone.Dispose(); // a clone never unmaps its file
        clone.ReadByte();
        input.Dispose();
        Assert.Throws<ObjectDisposedException>(() => clone.ReadByte());
        Assert.Throws<ObjectDisposedException>(() => clone.ReadVInt32());
        Assert.Throws<ObjectDisposedException>(() => clone.ReadBytes(new byte[4], 0, 4));
        Assert.Throws<ObjectDisposedException>(() => input.Clone());
        input.Dispose(); // twice is harmless
    }

    [Fact]
    public void A_file_is_unmapped_when_its_input_is_closed_or_dropped()
    {
        if (!OperatingSystem.IsLinux()) return; // the process's mappings are read from /proc
        WriteValues("closed-on-dispose.bin", 9, 100);
        WriteValues("dropped.bin", 10, 100);
        var input = mapped.OpenInput("closed-on-dispose.bin", IOContext.DEFAULT);
        Assert.True(IsMapped("closed-on-dispose.bin"));
        input.Dispose();
        Assert.False(IsMapped("closed-on-dispose.bin"));

        // Held until it has been seen mapped: dropped at once, a collection run by another test (or by reading /proc)
        // could finalize it before the first look.
        var held = OpenClone("dropped.bin");
        Assert.True(IsMapped("dropped.bin"));
        Array.Clear(held);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.False(IsMapped("dropped.bin"));
    }

    /// <summary>A read clone of a new input, the input itself dropped unclosed; the clone is the array's only reference.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private IndexInput[] OpenClone(string name)
    {
        var clone = (IndexInput)mapped.OpenInput(name, IOContext.DEFAULT).Clone();
        clone.ReadByte();
        return [clone];
    }

    private bool IsMapped(string name) => File.ReadAllText("/proc/self/maps").Contains(Path.Combine(folder, name));

    [Fact]
    public void A_missing_file_is_reported_as_missing()
    {
        Assert.ThrowsAny<FileNotFoundException>(() => mapped.OpenInput("absent.bin", IOContext.DEFAULT));
    }

    public void Dispose()
    {
        lucene.Dispose();
        mapped.Dispose();
        try { System.IO.Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
