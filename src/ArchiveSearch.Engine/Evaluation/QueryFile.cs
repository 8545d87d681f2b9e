namespace ArchiveSearch.Engine.Evaluation;

/// <summary>
/// Reads a known-item query file: one <c>query&lt;TAB&gt;expected article id</c> per line, UTF-8.
/// Blank lines and lines starting with <c>#</c> are skipped; anything else malformed is an error naming its line.
/// </summary>
public static class QueryFile
{
    public static IReadOnlyList<EvalQuery> Read(string path) => Parse(File.ReadLines(path));

    public static IReadOnlyList<EvalQuery> Parse(IEnumerable<string> lines)
    {
        var queries = new List<EvalQuery>();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split('\t');
            if (fields.Length != 2)
                throw new QueryFileFormatException(number, $"expected 2 tab-separated fields (query, expected id), found {fields.Length}.");
            var query = fields[0].Trim();
            var id = fields[1].Trim();
            if (query.Length == 0) throw new QueryFileFormatException(number, "the query is empty.");
            if (id.Length == 0 || id.Any(char.IsWhiteSpace)) throw new QueryFileFormatException(number, $"'{id}' is not an article id.");
            queries.Add(new EvalQuery(query, id, number));
        }
        return queries;
    }
}
