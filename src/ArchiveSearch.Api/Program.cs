using ArchiveSearch.Api.Endpoints;
using ArchiveSearch.Api.Hosting;
using ArchiveSearch.Api.Observability;
using ArchiveSearch.Api.Security;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddArchiveSearch();
builder.Services.AddArchiveProtection();
builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
{
    document.Info.Title = "Archive search";
    document.Info.Description = "Search archived articles in Chinese and English: ranked, highlighted, with hashtag, source, type and date facets.";
    return Task.CompletedTask;
}));

var app = builder.Build();
app.UseArchiveProtection();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();

app.MapOpenApi();
app.UseSwaggerUI(options =>
{
    options.SwaggerEndpoint("/openapi/v1.json", "Archive search v1");
    options.RoutePrefix = "swagger";
});
app.MapSearchEndpoints();
app.MapArticleEndpoints();
app.MapHealthEndpoints();
app.MapReindexEndpoints();
app.MapMetricsEndpoints();
app.PrintUrlsWhenStarted();

app.Run();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
