using System.ComponentModel;
using ArchiveSearch.Engine.Related;
using Microsoft.AspNetCore.Mvc;

namespace ArchiveSearch.Api.Endpoints;

/// <summary>The route and query string of <c>GET /api/articles/{id}/related</c>.</summary>
public sealed record RelatedQuery(
    [property: FromRoute(Name = "id"), Description("The article's id.")]
    string Id,
    [property: FromQuery(Name = "size"), Description("Related articles at most, 1–20, default 5.")]
    int? Size)
{
    public RelatedRequest ToRequest() => new() { Id = Id, Size = Size ?? RelatedRequest.DefaultSize };
}
