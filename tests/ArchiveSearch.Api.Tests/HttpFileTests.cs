using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ArchiveSearch.Api.Tests.Support;

namespace ArchiveSearch.Api.Tests;

/// <summary>
/// src/ArchiveSearch.Api/ArchiveSearch.Api.http, read as Visual Studio, Rider and VS Code read it: every request in it
/// answers 2xx on the bundled sample archive (or the status after a "→" in its title), and together they call every
/// endpoint of the OpenAPI document.
/// </summary>
public sealed partial class HttpFileTests
{
    private const string AdminKey = "http-file-test-key";

    [Fact]
    public async Task Every_request_in_the_http_file_answers_as_its_title_says()
    {
        using var app = SearchApplication.OfBundledArchive();
        app.ClientAddress = IPAddress.Parse("192.0.2.7");
        app.Settings.Set("Search:AdminApiKey", AdminKey);
        var client = app.CreateClient();
        var named = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

        foreach (var request in HttpFile.Read(Repository.File("src/ArchiveSearch.Api/ArchiveSearch.Api.http")))
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), Substitute(request.Url, named));
            foreach (var (header, value) in request.Headers) message.Headers.TryAddWithoutValidation(header, Substitute(value, named));
            using var response = await client.SendAsync(message);
            var body = await response.Content.ReadAsStringAsync();

            var status = (int)response.StatusCode;
            var expected = ExpectedStatus().Match(request.Title) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
            Assert.True(expected is null ? status is >= 200 and < 300 : status == expected,
                $"{request.Method} {request.Url} ({request.Title}): {status} {body[..Math.Min(body.Length, 300)]}");
            if (request.Name is { } name) named[name] = JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    [Fact]
    public async Task The_http_file_calls_every_endpoint_of_the_openapi_document()
    {
        using var app = new SearchApplication();
        var document = await app.CreateClient().GetJsonElementAsync("/openapi/v1.json");
        var requests = HttpFile.Read(Repository.File("src/ArchiveSearch.Api/ArchiveSearch.Api.http"))
            .Select(r => (r.Method, Path: r.Url.Replace("{{host}}", "", StringComparison.Ordinal).Split('?')[0])).ToList();

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Method: op.Name.ToUpperInvariant(), Template: path.Name)));
        var uncalled = operations.Where(op => !requests.Any(r => r.Method == op.Method && Matches(op.Template, r.Path))).ToList();

        Assert.Empty(uncalled);
    }

    /// <summary>An OpenAPI path template (<c>/api/reindex/{id}</c>) as a pattern any value (or file variable) fills.</summary>
    private static bool Matches(string template, string path) =>
        Regex.IsMatch(path, "^" + Regex.Replace(Regex.Escape(template).Replace(@"\{", "{", StringComparison.Ordinal), "{[^}]+}", "[^/]+") + "/?$");

    /// <summary>File variables (<c>{{host}}</c>, <c>{{adminKey}}</c>) and named responses (<c>{{start.response.body.$.id}}</c>).</summary>
    private static string Substitute(string text, Dictionary<string, JsonElement> named) =>
        Variable().Replace(text, match =>
        {
            var name = match.Groups[1].Value;
            if (name == "host") return "";
            if (name == "adminKey") return AdminKey;
            var parts = name.Split(".response.body.$.", 2);
            Assert.True(parts.Length == 2 && named.ContainsKey(parts[0]), $"{{{{{name}}}}} names no earlier response");
            return named[parts[0]].GetProperty(parts[1]).ToString();
        });

    /// <summary>"→ 400" in a request's title: the status it must answer (else any 2xx).</summary>
    [GeneratedRegex(@"→ (\d{3})\b")]
    private static partial Regex ExpectedStatus();

    [GeneratedRegex(@"\{\{([^}]+)\}\}")]
    private static partial Regex Variable();

    /// <summary>One request of a .http file: the title after its <c>###</c>, its <c># @name</c>, method, URL and headers.</summary>
    private sealed record HttpRequest(string Title, string? Name, string Method, string Url, IReadOnlyList<(string Name, string Value)> Headers);

    private static class HttpFile
    {
        public static IReadOnlyList<HttpRequest> Read(string path)
        {
            var requests = new List<HttpRequest>();
            var blocks = File.ReadAllText(path).Split("\n###");
            foreach (var block in blocks.Skip(1))
            {
                var lines = block.Split('\n');
                var title = lines[0].Trim();
                string? name = null;
                string? method = null, url = null;
                var headers = new List<(string, string)>();
                foreach (var line in lines.Skip(1).Select(l => l.TrimEnd('\r')))
                {
                    if (method is null && line.StartsWith("# @name ", StringComparison.Ordinal)) name = line["# @name ".Length..].Trim();
                    else if (line.StartsWith('#') || (method is null && line.Length == 0)) continue;
                    else if (method is null)
                    {
                        var parts = line.Split(' ', 2);
                        (method, url) = (parts[0], parts[1].Trim());
                    }
                    else if (line.Length == 0) break;
                    else headers.Add((line[..line.IndexOf(':')].Trim(), line[(line.IndexOf(':') + 1)..].Trim()));
                }
                Assert.True(method is not null && url is not null, $"The block '### {title}' has no request line.");
                requests.Add(new HttpRequest(title, name, method, url, headers));
            }
            return requests;
        }
    }
}
