using System.Diagnostics;
using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Indexing;

// Copies an index directory (one generation, e.g. INDEX/gen-000001) and merges the copy into one segment, as a full
// build's final step does, so that the merge can be timed and profiled on its own.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: bench-merge SOURCE_INDEX_DIR SCRATCH_DIR");
    return 2;
}
var (source, scratch) = (args[0], args[1]);
if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
Directory.CreateDirectory(scratch);
foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(scratch, Path.GetFileName(file)));

ArchiveCodec.Register();
using var index = SearchIndex.Open(scratch, ArticleAnalyzer.Create());
var watch = Stopwatch.StartNew();
index.Compact(1);
index.Commit();
Console.WriteLine($"merged into one segment in {watch.Elapsed.TotalSeconds:F1} s");
return 0;
