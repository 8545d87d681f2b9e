using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ArchiveSearch.Api.OpenApi;

/// <summary>
/// Parameter examples for the OpenAPI document (and so Swagger UI's "Try it out"): the README's own examples, on the
/// bundled sample archive, so what a reader tries there answers what the README shows. OpenApiTests pin the match.
/// </summary>
internal sealed class ReadmeExamples : IOpenApiOperationTransformer
{
    /// <summary>Operation id → parameter → example.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, JsonNode>> Examples =
        new Dictionary<string, IReadOnlyDictionary<string, JsonNode>>
        {
            ["Search"] = new Dictionary<string, JsonNode>
            {
                ["q"] = "大模型 开源",
                ["hashtag"] = new JsonArray("DeepSeek"),
                ["size"] = 1,
                ["facetSize"] = 3,
                ["dateInterval"] = "year",
            },
            ["GetArticle"] = new Dictionary<string, JsonNode> { ["id"] = "a9043adeaee6a994" },
            ["Suggest"] = new Dictionary<string, JsonNode> { ["q"] = "#Cla" },
            ["GetRelatedArticles"] = new Dictionary<string, JsonNode> { ["id"] = "7f85a4a031c7de7c", ["size"] = 3 },
            ["StartReindex"] = new Dictionary<string, JsonNode> { ["mode"] = "full" },
        };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId is not { } id || !Examples.TryGetValue(id, out var examples)) return Task.CompletedTask;
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name is { } name && examples.TryGetValue(name, out var example)) parameter.Example = example.DeepClone();
        }
        return Task.CompletedTask;
    }
}
