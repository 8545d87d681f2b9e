using System.Globalization;
using System.Text.Json;
using ArchiveSearch.Engine.Archive;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace ArchiveSearch.Engine.Indexing;

/// <summary>Turns an <see cref="Article"/> into a Lucene document and a stored document back into a <see cref="StoredArticle"/>.</summary>
public static class ArticleDocumentMapper
{
    // Offsets in the SmartCn reading's postings let a hit be highlighted with a term lookup (term vectors would double
    // the index). The bigram reading keeps positions (a Chinese run found as typed is a phrase of its bigrams) and
    // frequencies (its bigrams add relevance) but no offsets: its matches are found in the stored text (BigramTextMatches).
    private static readonly FieldType HighlightableText = TextType(stored: true, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    private static readonly FieldType BigramTwin = TextType(stored: false, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);

    private static FieldType TextType(bool stored, IndexOptions options)
    {
        var type = new FieldType(stored ? TextField.TYPE_STORED : TextField.TYPE_NOT_STORED) { IndexOptions = options };
        type.Freeze();
        return type;
    }

    public static Document ToDocument(Article article)
    {
        var doc = new Document
        {
            new StringField(IndexSchema.Id, article.Id, Field.Store.YES),
            // Only read back (what a reindex compares against the archive), never searched: stored, not indexed, or
            // each article would add two terms of its own to the term dictionary.
            new StoredField(IndexSchema.Path, article.RelativePath),
            new StoredField(IndexSchema.ContentHash, article.ContentHash),
            new Field(IndexSchema.Title, article.Title, HighlightableText),
            new Field(IndexSchema.AiSummary, article.AiSummary, HighlightableText),
            new Field(IndexSchema.OriginalText, article.OriginalText, HighlightableText),
            new Field(IndexSchema.TitleBigrams, article.Title, BigramTwin),
            new Field(IndexSchema.AiSummaryBigrams, article.AiSummary, BigramTwin),
            new Field(IndexSchema.OriginalTextBigrams, article.OriginalText, BigramTwin),
            new StoredField(IndexSchema.OriginalHtml, article.OriginalHtml),
            new StoredField(IndexSchema.MetadataJson, JsonSerializer.Serialize(article.Metadata.Select(p => new[] { p.Key, p.Value }))),
        };
        if (article.Url is { } url) doc.Add(new StoredField(IndexSchema.Url, url));

        foreach (var tag in article.Hashtags)
        {
            doc.Add(new TextField(IndexSchema.HashtagText, tag.Display, Field.Store.NO));
            doc.Add(new StringField(IndexSchema.HashtagKey, tag.Key, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(IndexSchema.HashtagFacet, FacetValue(tag.Key, tag.Display)));
            doc.Add(new StoredField(IndexSchema.HashtagDisplay, tag.Display));
        }
        AddKeyword(doc, article.Source, IndexSchema.SourceKey, IndexSchema.SourceFacet, IndexSchema.SourceDisplay);
        AddKeyword(doc, article.Type, IndexSchema.TypeKey, IndexSchema.TypeFacet, IndexSchema.TypeDisplay);

        if (article.SavedAt is { } saved)
        {
            doc.Add(new StoredField(IndexSchema.SavedAt, saved.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        }
        if (article.Date is { } date)
        {
            doc.Add(new StoredField(IndexSchema.Date, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            doc.Add(new NumericDocValuesField(IndexSchema.Day, date.DayNumber));
        }
        var sortTime = (article.SavedAt ?? DateMidnight(article.Date))?.ToUnixTimeMilliseconds();
        doc.Add(new NumericDocValuesField(IndexSchema.SortTime, sortTime ?? long.MinValue));
        doc.Add(new NumericDocValuesField(IndexSchema.SortTimeOldestFirst, sortTime is { } t ? -t : long.MinValue));
        return doc;
    }

    private static DateTimeOffset? DateMidnight(DateOnly? date) =>
        date is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    /// <summary>The exact, case-folded key of a source or type value (what filters compare).</summary>
    public static string KeywordKey(string value) => Hashtag.KeyOf(value);

    private static void AddKeyword(Document doc, string? value, string keyField, string facetField, string displayField)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        var display = TextNormalizer.CollapseWhitespace(value.Trim());
        var key = KeywordKey(display);
        doc.Add(new StringField(keyField, key, Field.Store.NO));
        doc.Add(new SortedSetDocValuesField(facetField, FacetValue(key, display)));
        doc.Add(new StoredField(displayField, display));
    }

    private static BytesRef FacetValue(string key, string display) => new(key + IndexSchema.FacetSeparator + display);

    /// <summary>An indexed article as an <see cref="Article"/> again, so it can be written to another index unchanged.</summary>
    public static Article ToArticle(StoredArticle stored) => new()
    {
        Id = stored.Id,
        RelativePath = stored.RelativePath,
        Title = stored.Title,
        Url = stored.Url,
        OriginalHtml = stored.OriginalHtml,
        OriginalText = stored.OriginalText,
        AiSummary = stored.AiSummary,
        Source = stored.Source,
        Type = stored.Type,
        SavedAt = stored.SavedAt,
        DirectoryDate = stored.Date,
        Metadata = stored.Metadata,
        Hashtags = stored.Hashtags.Select(Hashtag.Create).OfType<Hashtag>().ToList(),
        ContentHash = stored.ContentHash,
    };

    /// <summary>
    /// The stored fields a search hit shows: not the original HTML, the metadata, the path or the hash, which only the
    /// article look-up returns (reading and decoding them for every hit of every page cost more than the rest).
    /// </summary>
    public static readonly ISet<string> HitFields = new HashSet<string>(StringComparer.Ordinal)
    {
        IndexSchema.Id, IndexSchema.Title, IndexSchema.Url, IndexSchema.SourceDisplay, IndexSchema.TypeDisplay, IndexSchema.SavedAt,
        IndexSchema.Date, IndexSchema.HashtagDisplay, IndexSchema.AiSummary, IndexSchema.OriginalText,
    };

    /// <summary>The stored article; fields the document was loaded without (see <see cref="HitFields"/>) are left empty.</summary>
    public static StoredArticle FromDocument(Document doc)
    {
        var metadata = new List<KeyValuePair<string, string>>();
        if (doc.Get(IndexSchema.MetadataJson) is { } json)
        {
            foreach (var pair in JsonSerializer.Deserialize<string[][]>(json) ?? [])
            {
                if (pair.Length == 2) metadata.Add(new(pair[0], pair[1]));
            }
        }
        return new StoredArticle
        {
            Id = doc.Get(IndexSchema.Id)!,
            RelativePath = doc.Get(IndexSchema.Path) ?? "",
            Title = doc.Get(IndexSchema.Title) ?? "",
            Url = doc.Get(IndexSchema.Url),
            Source = doc.Get(IndexSchema.SourceDisplay),
            Type = doc.Get(IndexSchema.TypeDisplay),
            SavedAt = doc.Get(IndexSchema.SavedAt) is { } s ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null,
            Date = doc.Get(IndexSchema.Date) is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            Hashtags = doc.GetValues(IndexSchema.HashtagDisplay),
            AiSummary = doc.Get(IndexSchema.AiSummary) ?? "",
            OriginalText = doc.Get(IndexSchema.OriginalText) ?? "",
            OriginalHtml = doc.Get(IndexSchema.OriginalHtml) ?? "",
            Metadata = metadata,
            ContentHash = doc.Get(IndexSchema.ContentHash) ?? "",
        };
    }
}
