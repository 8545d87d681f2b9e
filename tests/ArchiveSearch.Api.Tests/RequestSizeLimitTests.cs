using System.Net;
using System.Text.Json;
using ArchiveSearch.Api.Tests.Support;

namespace ArchiveSearch.Api.Tests;

/// <summary>
/// Request size limits, on the real Kestrel server in a child process (the in-memory test server applies none of them):
/// a header block, a request line or a declared body over its limit is refused, and the service keeps answering.
/// </summary>
public sealed class RequestSizeLimitTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("archive-limit-tests-").FullName;

    [Fact]
    public async Task Oversized_headers_request_lines_and_bodies_are_refused_and_the_service_keeps_answering()
    {
        var archive = Directory.CreateDirectory(Path.Combine(root, "archive", "2024-01-01")).FullName;
        File.WriteAllText(Path.Combine(archive, "001_limit.txt"), "# 限额测试文章\n\n## AI 摘要\n\n请求大小的限制。\n");
        using var service = await CrashServiceProcess.StartAsync(Path.Combine(root, "archive"), Path.Combine(root, "index"));

        using (var headers = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=限制"))
        {
            headers.Headers.Add("X-Padding", new string('a', 40_000));   // over the 32 KB header block
            Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, (await service.Client.SendAsync(headers)).StatusCode);
        }

        var longLine = await service.Client.GetAsync("/api/search?q=" + new string('a', 20_000));   // over the 16 KB request line
        Assert.Equal(HttpStatusCode.RequestUriTooLong, longLine.StatusCode);

        var jobsBefore = await LatestJob(service);
        var body = await service.Client.PostAsync("/api/reindex", new ByteArrayContent(new byte[100_000]));   // over the 64 KB body
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, body.StatusCode);
        using (var problem = JsonDocument.Parse(await body.Content.ReadAsStringAsync()))
        {
            Assert.Equal("body_too_large", problem.RootElement.GetProperty("code").GetString());
        }
        // Refused before the endpoint: no job was started.
        Assert.Equal(jobsBefore, await LatestJob(service));

        using var search = JsonDocument.Parse(await service.Client.GetStringAsync("/api/search?q=限制"));
        Assert.Equal(1, search.RootElement.GetProperty("total").GetInt32());
    }

    private static async Task<string> LatestJob(CrashServiceProcess service)
    {
        var response = await service.Client.GetAsync("/api/reindex");
        if (response.StatusCode != HttpStatusCode.OK) return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var job = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return job.RootElement.GetProperty("id").GetString()!;
    }

    public void Dispose()
    {
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    }
}
