using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ArchiveSearch.Api.Tests.Support;

/// <summary>
/// The real service in a child process (the built ArchiveSearch.Api.dll) on a free loopback port, so a test
/// can kill it with SIGKILL in the middle of a job and start it again on the same folders.
/// </summary>
internal sealed class CrashServiceProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder log = new();

    private CrashServiceProcess(string archive, string index, IEnumerable<string> settings)
    {
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        var dll = Path.Combine(AppContext.BaseDirectory, "ArchiveSearch.Api.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in new[] { dll, $"--Search:ArchivePath={archive}", $"--Search:IndexPath={index}", $"--Urls={BaseAddress}" }.Concat(settings))
        {
            start.ArgumentList.Add(arg);
        }
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }
    public HttpClient Client { get; }

    public string Log
    {
        get { lock (log) return log.ToString(); }
    }

    /// <summary>
    /// Starts the service and waits (bounded) until /health says ready: its first build, if any, finished. With
    /// <paramref name="untilBuilt"/> false, only until it answers 200 (a first build may still be running).
    /// </summary>
    /// <param name="settings">More command-line settings (<c>--Search:FirstBuildCommitSeconds=0.2</c>).</param>
    public static async Task<CrashServiceProcess> StartAsync(string archive, string index, bool untilBuilt = true, params string[] settings)
    {
        var service = new CrashServiceProcess(archive, index, settings);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (service.process.HasExited) throw new InvalidOperationException("The service exited:\n" + service.Log);
            try
            {
                using var health = await service.Client.GetAsync("/health");
                if (health.StatusCode == HttpStatusCode.OK && (!untilBuilt || (await health.Content.ReadAsStringAsync()).Contains("\"status\":\"ready\"", StringComparison.Ordinal)))
                {
                    return service;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        service.Dispose();
        throw new TimeoutException("The service did not become ready:\n" + service.Log);
    }

    public async Task<int> ArticleCountAsync() => (await HealthAsync()).GetProperty("articles").GetInt32();

    public async Task<JsonElement> HealthAsync()
    {
        using var health = JsonDocument.Parse(await Client.GetStringAsync("/health"));
        return health.RootElement.Clone();
    }

    /// <summary>Polls /health (bounded) until <paramref name="done"/> holds for it.</summary>
    public async Task<JsonElement> WaitForHealthAsync(Func<JsonElement, bool> done, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var health = await HealthAsync();
            if (done(health)) return health;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"/health stayed at {health}\n{Log}");
            await Task.Delay(20);
        }
    }

    public async Task<JsonElement> StartJobAsync(string mode)
    {
        var response = await Client.PostAsync($"/api/reindex?mode={mode}", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    public async Task<JsonElement> JobAsync(string id) =>
        (await Client.GetFromJsonAsync<JsonElement>($"/api/reindex/{id}")).Clone();

    /// <summary>Polls the job (bounded) until <paramref name="done"/> holds for it.</summary>
    public async Task<JsonElement> WaitForJobAsync(string id, Func<JsonElement, bool> done, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var job = await JobAsync(id);
            if (done(job)) return job;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Job {id} stayed at {job}");
            await Task.Delay(20);
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut or an OOM kill.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM, as systemd or docker stop send: returns the exit code once the process has shut down.</summary>
    public int Terminate(TimeSpan limit)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }
        if (!process.WaitForExit(limit)) throw new TimeoutException("The service did not stop after SIGTERM:\n" + Log);
        process.WaitForExit(); // flushes the redirected output
        return process.ExitCode;
    }

    public void Dispose()
    {
        Client.Dispose();
        if (!process.HasExited) Kill();
        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
