using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace ArchiveSearch.Api.Tests.Support;

/// <summary>A reindex job as the API returns it; mode and state stay strings so the camelCase names are what is compared.</summary>
public sealed record Job(
    string Id, string Mode, string State, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt,
    JobProgress Progress, SkippedFile[] SkippedFiles, string? Error);

public sealed record JobProgress(int Total, int Scanned, int Added, int Updated, int Deleted, int Unchanged, int Skipped);

public sealed record SkippedFile(string Path, int? Line, string Reason);

/// <summary>Calls on <c>/api/reindex</c> that assert the status and read the body.</summary>
internal static class ReindexClient
{
    public const string KeyHeader = "X-Api-Key";

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly string[] FinishedStates = ["succeeded", "failed", "cancelled"];

    /// <summary>POSTs a reindex, asserts 202 with a Location naming the job, and returns the job.</summary>
    public static async Task<Job> StartReindexAsync(this HttpClient client, string? mode = null)
    {
        var url = mode is null ? "/api/reindex" : $"/api/reindex?mode={mode}";
        using var response = await client.PostAsync(url, content: null);
        var job = await ReadJobAsync(response, HttpStatusCode.Accepted, $"POST {url}");
        Assert.Equal($"/api/reindex/{job.Id}", response.Headers.Location?.OriginalString);
        return job;
    }

    public static async Task<Job> GetJobAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return await ReadJobAsync(response, HttpStatusCode.OK, $"GET {url}");
    }

    /// <summary>DELETEs the job, asserts 202 with a Location naming it, and returns the job as the answer shows it.</summary>
    public static async Task<Job> CancelJobAsync(this HttpClient client, string id)
    {
        using var response = await client.DeleteAsync($"/api/reindex/{id}");
        var job = await ReadJobAsync(response, HttpStatusCode.Accepted, $"DELETE /api/reindex/{id}");
        Assert.Equal($"/api/reindex/{id}", response.Headers.Location?.OriginalString);
        return job;
    }

    /// <summary>Polls the job every 50 ms until it has finished (at most 30 s) and returns its final view.</summary>
    public static async Task<Job> WaitForJobAsync(this HttpClient client, string id)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var job = await client.GetJobAsync($"/api/reindex/{id}");
            if (FinishedStates.Contains(job.State)) return job;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"Job {id} still {job.State} after 30 s");
            await Task.Delay(50);
        }
    }

    /// <summary>Starts a job and waits for it to finish.</summary>
    public static async Task<Job> ReindexAsync(this HttpClient client, string? mode = null) =>
        await client.WaitForJobAsync((await client.StartReindexAsync(mode)).Id);

    /// <summary>Sends the request and asserts a ProblemDetails answer with <paramref name="status"/>; returns the raw body.</summary>
    public static async Task<JsonElement> SendProblemAsync(this HttpClient client, HttpMethod method, string url, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(method, url);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{method} {url}: expected {(int)status}, got {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    public static async Task<Problem> ProblemAsync(this HttpClient client, HttpMethod method, string url, HttpStatusCode status) =>
        (await client.SendProblemAsync(method, url, status)).Deserialize<Problem>(Web)!;

    private static async Task<Job> ReadJobAsync(HttpResponseMessage response, HttpStatusCode status, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{what}: expected {(int)status}, got {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize<Job>(body, Web)!;
    }
}
