using System.Diagnostics;
using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Indexing;

// Copies an index directory (one generation, e.g. INDEX/gen-000001) and merges the copy into one segment (or as many as
// asked), as a full build's final step does, so that the merge can be timed and profiled on its own.
var segments = 1;
if (args.Length is not (2 or 3) || (args.Length == 3 && !(int.TryParse(args[2], out segments) && segments >= 1)))
{
    Console.Error.WriteLine("usage: bench-merge SOURCE_INDEX_DIR SCRATCH_DIR [SEGMENTS, at least 1]");
    return 2;
}
var (source, scratch) = (args[0], args[1]);
if (!Directory.Exists(source))
{
    Console.Error.WriteLine($"no index directory at {source}");
    return 2;
}
if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
Directory.CreateDirectory(scratch);
foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(scratch, Path.GetFileName(file)));

ArchiveCodec.Register();
using var index = SearchIndex.Open(scratch, ArticleAnalyzer.Create());
var watch = Stopwatch.StartNew();
index.Compact(segments);
index.Commit();
Console.WriteLine($"merged into {segments} segment(s) in {watch.Elapsed.TotalSeconds:F1} s");
return 0;
