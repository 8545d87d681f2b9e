namespace ArchiveSearch.Engine.Searching;

/// <summary>
/// Reads the query syntax users type: words, "quoted phrases", prefix*, -excluded, +required and
/// title:/hashtag:/source: scoping. It never fails: syntax it cannot read is taken as plain text
/// (a lone quote is dropped, <c>title:</c> with nothing after it is the word "title", AND/OR are words).
/// </summary>
public static class UserQueryParser
{
    private static readonly Dictionary<string, ClauseField> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["title"] = ClauseField.Title,
        ["hashtag"] = ClauseField.Hashtag,
        ["tag"] = ClauseField.Hashtag,
        ["source"] = ClauseField.Source,
    };

    public static IReadOnlyList<QueryClause> Parse(string? query)
    {
        var clauses = new List<QueryClause>();
        if (string.IsNullOrWhiteSpace(query)) return clauses;
        var text = query.Replace('“', '"').Replace('”', '"').Replace('\u3000', ' ');
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }

            var occur = ClauseOccur.Should;
            if (text[i] is '-' or '+' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            {
                occur = text[i] == '-' ? ClauseOccur.MustNot : ClauseOccur.Must;
                i++;
            }

            var field = ClauseField.Any;
            var colon = FieldPrefixEnd(text, i);
            if (colon > 0 && Fields.TryGetValue(text[i..colon], out var scoped))
            {
                var valueStart = colon + 1;
                if (valueStart < text.Length && !char.IsWhiteSpace(text[valueStart]))
                {
                    field = scoped;
                    i = valueStart;
                    if (occur == ClauseOccur.Should) occur = ClauseOccur.Must;
                }
            }

            if (text[i] == '"')
            {
                var close = text.IndexOf('"', i + 1);
                if (close > i + 1)
                {
                    clauses.Add(new QueryClause(text[(i + 1)..close], IsPhrase: true, field, occur));
                    i = close + 1;
                    continue;
                }
                // A lone quote or an empty pair is not syntax: drop it and read on as words.
                i = close == i + 1 ? close + 1 : i + 1;
                continue;
            }

            var end = i;
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '"') end++;
            var word = text[i..end];
            // "vect*" is a prefix; a lone "*" or a leading star is no syntax (no leading wildcards), just dropped by analysis.
            var stem = word.TrimEnd('*');
            if (stem.Length > 0 && stem.Length < word.Length && field is ClauseField.Any or ClauseField.Title)
            {
                clauses.Add(new QueryClause(stem, IsPhrase: false, field, occur) { IsPrefix = true });
            }
            else if (word.Length > 0)
            {
                clauses.Add(new QueryClause(word, IsPhrase: false, field, occur));
            }
            i = end;
        }
        return clauses;
    }

    // The index of the ':' ending a field name at start (letters only), or -1.
    private static int FieldPrefixEnd(string text, int start)
    {
        var j = start;
        while (j < text.Length && char.IsAsciiLetter(text[j])) j++;
        return j > start && j < text.Length && text[j] == ':' ? j : -1;
    }
}
