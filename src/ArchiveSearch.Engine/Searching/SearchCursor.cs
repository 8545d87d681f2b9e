using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ArchiveSearch.Engine.Errors;
using Lucene.Net.Search;

namespace ArchiveSearch.Engine.Searching;

/// <summary>
/// An opaque token for deep paging by search-after: the last hit's sort values and document, plus a
/// fingerprint of the search it belongs to, so a cursor is never applied to a different query or filter.
/// </summary>
internal static class SearchCursor
{
    private sealed record Payload(string F, string[] V, int D);

    public static string Encode(FieldDoc last, string fingerprint)
    {
        var values = last.Fields.Select(EncodeValue).ToArray();
        var json = JsonSerializer.SerializeToUtf8Bytes(new Payload(fingerprint, values, last.Doc));
        return Base64Url.EncodeToString(json);
    }

    /// <exception cref="InvalidSearchRequestException">the cursor is malformed or belongs to another search.</exception>
    public static FieldDoc Decode(string cursor, string fingerprint)
    {
        Payload? payload;
        try
        {
            payload = cursor.Length <= 2000 ? JsonSerializer.Deserialize<Payload>(Base64Url.DecodeFromChars(cursor)) : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            payload = null;
        }
        if (payload?.V is null) throw Invalid("cursor is not a cursor this service returned.");
        if (payload.F != fingerprint) throw Invalid("cursor belongs to a different search (query, filters or sort changed); start again without it.");
        var values = payload.V.Select(DecodeValue).ToArray();
        return new FieldDoc(payload.D, float.NaN, values);
    }

    /// <summary>What identifies a search for paging: the query, every filter and the sort.</summary>
    public static string Fingerprint(SearchRequest request, SearchSort sort)
    {
        var key = string.Join('\u001F',
            request.Query ?? "", string.Join('\u001E', request.Hashtags), string.Join('\u001E', request.Sources),
            string.Join('\u001E', request.Types), request.From?.ToString("O", CultureInfo.InvariantCulture) ?? "",
            request.To?.ToString("O", CultureInfo.InvariantCulture) ?? "", sort.ToString(), request.PrefixLast ? "prefix" : "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
    }

    // Lucene.Net boxes sort values as J2N numerics; the type travels with the value.
    private static string EncodeValue(object? value) => value switch
    {
        J2N.Numerics.Single f => "f" + BitConverter.SingleToInt32Bits(f.ToSingle()).ToString(CultureInfo.InvariantCulture),
        J2N.Numerics.Int64 l => "l" + l.ToInt64().ToString(CultureInfo.InvariantCulture),
        J2N.Numerics.Int32 i => "i" + i.ToInt32().ToString(CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Unexpected sort value {value?.GetType().Name}."),
    };

    private static object DecodeValue(string value)
    {
        if (value.Length < 2) throw Invalid("cursor is not a cursor this service returned.");
        var number = value.AsSpan(1);
        var ok = value[0] switch
        {
            'f' => int.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var bits) ? J2N.Numerics.Single.GetInstance(BitConverter.Int32BitsToSingle(bits)) : null,
            'l' => long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? J2N.Numerics.Int64.GetInstance(l) : null,
            'i' => int.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? (object)J2N.Numerics.Int32.GetInstance(i) : null,
            _ => null,
        };
        return ok ?? throw Invalid("cursor is not a cursor this service returned.");
    }

    private static InvalidSearchRequestException Invalid(string message) => new("cursor", message);
}
