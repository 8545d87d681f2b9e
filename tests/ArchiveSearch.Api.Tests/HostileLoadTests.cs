using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using ArchiveSearch.Api.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ArchiveSearch.Api.Tests;

/// <summary>Anything over HTTP, and many clients at once during a rebuild: never a 5xx, never a wrong total.</summary>
public sealed class HostileLoadTests(HostileLoadTests.App app) : IClassFixture<HostileLoadTests.App>
{
    public sealed class App : IDisposable
    {
        public SearchApplication Service { get; } = new() { ClientAddress = IPAddress.Loopback };
        public HttpClient Client { get; }

        public App()
        {
            Service.Settings.Set("Protection:SearchRequestsPerMinute", "0");
            Client = Service.CreateClient();
        }

        public void Dispose() => Service.Dispose();
    }

    public static class Queries
    {
        private static readonly string[] Fragments =
        [
            "\"", ":", "title:", "hashtag:", "source:", "-", "+", "#", "AND", "OR", "(", ")", "*", "?", "&", "=", "%", "%25", "%00",
            "，", "\u3000", " ", "😀", "𠮷", "行为报告", "rust", "<script>", "'", "\\", "page=0", "&size=1000", "&from=2025-13-01",
        ];

        public static Arbitrary<string> Strings() =>
            Gen.OneOf(Gen.Elements(Fragments), ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""))
                .ListOf().Select(parts => string.Concat(parts)).ToArbitrary();
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(Queries)])]
    public void Any_query_string_is_answered_200_or_400(string raw)
    {
        using var response = app.Client.GetAsync("/api/search?q=" + Uri.EscapeDataString(raw.Length > 1500 ? raw[..1500] : raw)).GetAwaiter().GetResult();

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode} for {raw}");
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(Queries)])]
    public void Any_raw_query_string_in_any_parameter_is_answered_200_or_400(string raw)
    {
        var escaped = Uri.EscapeDataString(raw.Length > 300 ? raw[..300] : raw);
        foreach (var parameter in new[] { "hashtag", "source", "from", "sort", "page", "dateInterval", "cursor" })
        {
            using var response = app.Client.GetAsync($"/api/search?{parameter}={escaped}").GetAwaiter().GetResult();
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode} for {parameter}={raw}");
        }
    }

    [Fact]
    public async Task Many_clients_searching_during_a_full_reindex_see_no_5xx_and_no_wrong_total()
    {
        using var service = new SearchApplication { ClientAddress = IPAddress.Loopback };
        service.Settings.Set("Protection:SearchRequestsPerMinute", "0");
        GeneratedArticles.WriteTo(service, 1500);
        var client = service.CreateClient();
        await client.ReindexAsync();
        var before = (await client.SearchAsync("")).Total;
        GeneratedArticles.WriteTo(service, 3000);
        var statuses = new ConcurrentBag<HttpStatusCode>();
        var sequences = new ConcurrentBag<List<int>>();
        using var done = new CancellationTokenSource();
        string[] mix = ["", "q=report", "q=城市", "q=报道+river", "hashtag=人工智能", "from=2024-03-01&to=2024-06-30", "sort=oldest&page=3"];

        var clients = Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
        {
            var totals = new List<int>();
            sequences.Add(totals);
            for (var i = 0; i < 400 && !done.IsCancellationRequested; i++)
            {
                var query = mix[(worker + i) % mix.Length];
                using var response = await client.GetAsync("/api/search?" + query);
                statuses.Add(response.StatusCode);
                if (query.Length == 0 && response.IsSuccessStatusCode)
                {
                    using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    totals.Add(body.RootElement.GetProperty("total").GetInt32());
                }
            }
        })).ToArray();
        var job = await client.ReindexAsync("full");
        await Task.Delay(300);
        await done.CancelAsync();
        await Task.WhenAll(clients);

        Assert.Equal("succeeded", job.State);
        Assert.Equal(before + 1500, (await client.SearchAsync("")).Total);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        // The browse total is the old one or the new one, and never goes back.
        Assert.All(sequences, totals =>
        {
            Assert.All(totals, t => Assert.Contains(t, new[] { before, before + 1500 }));
            Assert.Equal(totals.Order(), totals);
        });
        Assert.True(statuses.Count > 100, $"only {statuses.Count} requests ran");
    }
}
