namespace ArchiveSearch.Api.OpenApi;

internal static class OpenApiRegistration
{
    public static IServiceCollection AddArchiveOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Archive search";
                document.Info.Description = "Search archived articles in Chinese and English: ranked, highlighted, with hashtag, source, type and date facets.";
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(new ReadmeExamples());
        });
}
