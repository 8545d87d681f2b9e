using System.Reflection;
using Lucene.Net.Analysis.Cn.Smart;

namespace ArchiveSearch.Engine.Analysis.SmartCn;

/// <summary>
/// SmartCn's built-in dictionaries, read from the SmartCn package itself (never from a <c>smartcn-data</c> folder),
/// so that our segmenter uses exactly the data the package ships and picks up a package update.
/// </summary>
internal static class SmartCnResources
{
    private static readonly Assembly Package = typeof(HMMChineseTokenizer).Assembly;

    public static byte[] Read(string fileName)
    {
        var name = Package.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith("." + fileName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The SmartCn package has no embedded {fileName}.");
        using var stream = Package.GetManifestResourceStream(name)!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
