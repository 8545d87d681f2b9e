using System.ComponentModel;
using ArchiveSearch.Engine.Suggesting;
using Microsoft.AspNetCore.Mvc;

namespace ArchiveSearch.Api.Endpoints;

/// <summary>The query string of <c>GET /api/suggest</c>.</summary>
public sealed record SuggestQuery(
    [property: FromQuery(Name = "q"), Description("The text typed so far (required, at most 100 characters). After an unclosed # only hashtags are suggested (#Cla); otherwise hashtags beginning with the text, title words completing its last word (unless it ends in a space), and titles containing it.")]
    string? Q,
    [property: FromQuery(Name = "size"), Description("Suggestions at most, 1–20, default 8: an even share for each kind, unused shares going to the others.")]
    int? Size)
{
    public SuggestRequest ToRequest() => new() { Query = Q, Size = Size ?? SuggestRequest.DefaultSize };
}
