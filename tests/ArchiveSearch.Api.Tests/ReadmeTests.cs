using System.Text.Json;
using ArchiveSearch.Api.Tests.Support;

namespace ArchiveSearch.Api.Tests;

/// <summary>The README's two commands are the real ones: the run command starts this service where it says, and CI runs the test command.</summary>
public sealed class ReadmeTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("archive-readme-tests-").FullName;
    private readonly string readme = File.ReadAllText(Repository.File("README.md"));

    [Fact]
    public async Task The_run_command_starts_this_service_at_the_address_and_with_the_banner_the_readme_shows()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Repository.File("src/ArchiveSearch.Api/appsettings.json")));
        var configured = settings.RootElement.GetProperty("Urls").GetString()!;
        var banner = $"Archive search is listening: {configured}/ (search page), {configured}/swagger (API explorer)";

        Assert.Contains("```sh\ndotnet run --project src/ArchiveSearch.Api\n```", readme);
        Assert.True(File.Exists(Repository.File("src/ArchiveSearch.Api/ArchiveSearch.Api.csproj")));
        Assert.Contains($"<{configured}/>", readme);
        Assert.Contains(banner, readme);
        // The banner as the service prints it, at the address it was given (the configured one may be taken here).
        Directory.CreateDirectory(Path.Combine(root, "archive"));
        using var service = await CrashServiceProcess.StartAsync(Path.Combine(root, "archive"), Path.Combine(root, "index"));
        var address = service.BaseAddress.ToString().TrimEnd('/');
        Assert.Contains(banner.Replace(configured, address, StringComparison.Ordinal), service.Log);
    }

    [Fact]
    public void The_test_command_is_what_ci_runs_and_all_it_runs_to_test()
    {
        var commands = File.ReadAllLines(Repository.File(".ci/run")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        Assert.Contains("```sh\ndotnet test Search.sln\n```", readme);
        Assert.Equal(["dotnet test Search.sln"], commands.Where(c => c.Contains("dotnet test", StringComparison.Ordinal)).Select(c => c.Split(" 2>&1")[0]));
        // The page tests get their own browser: CI installs none, so a fresh machine with the SDK alone runs the same.
        Assert.DoesNotContain(commands, c => c.Contains("chromium", StringComparison.OrdinalIgnoreCase) || c.Contains("playwright", StringComparison.OrdinalIgnoreCase));
    }

    public void Dispose()
    {
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    }
}
