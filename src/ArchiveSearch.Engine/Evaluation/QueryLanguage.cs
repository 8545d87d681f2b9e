namespace ArchiveSearch.Engine.Evaluation;

/// <summary>Which row of the report a query counts in: zh when it contains any CJK character, else en.</summary>
public static class QueryLanguage
{
    public const string Chinese = "zh";
    public const string English = "en";

    public static string Of(string query)
    {
        for (var i = 0; i < query.Length; i++)
        {
            // Supplementary ideographs (extension B and later) come as surrogate pairs.
            var codePoint = char.IsHighSurrogate(query[i]) && i + 1 < query.Length && char.IsLowSurrogate(query[i + 1])
                ? char.ConvertToUtf32(query[i], query[++i])
                : query[i];
            if (IsCjk(codePoint)) return Chinese;
        }
        return English;
    }

    private static bool IsCjk(int c) =>
        c is >= 0x3400 and <= 0x4DBF      // extension A
            or >= 0x4E00 and <= 0x9FFF    // unified ideographs
            or >= 0xF900 and <= 0xFAFF    // compatibility ideographs
            or >= 0x20000 and <= 0x3FFFF; // extensions B and later
}
