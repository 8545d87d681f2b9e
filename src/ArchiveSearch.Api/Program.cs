using ArchiveSearch.Api.Endpoints;
using ArchiveSearch.Api.Hosting;
using ArchiveSearch.Api.Observability;
using ArchiveSearch.Api.OpenApi;
using ArchiveSearch.Api.Security;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddArchiveSearch();
builder.Services.AddArchiveProtection();
builder.Services.AddArchiveOpenApi();

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
app.MapSuggestEndpoints();
app.MapRelatedEndpoints();
app.MapHealthEndpoints();
app.MapReindexEndpoints();
app.MapMetricsEndpoints();
app.PrintUrlsWhenStarted();

app.Run();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
