using System.Diagnostics;

namespace ArchiveSearch.Web.Tests.Browsers;

/// <summary>Debian's Chromium (and the CJK fonts the screenshots need) through apt, when the tests run as root.</summary>
public sealed class AptInstaller : IBrowserInstaller
{
    public const string AptGet = "/usr/bin/apt-get";

    public static readonly string[] Packages = ["chromium", "fonts-noto-cjk"];

    public string Description => $"apt-get install -y {string.Join(' ', Packages)}";

    public bool AppliesTo(IBrowserMachine machine) => machine.Platform == BrowserPlatform.Linux && machine.IsPrivileged && machine.FileExists(AptGet);

    public async Task<bool> InstallAsync(Action<string> say) =>
        await Run(say, ["update", "-qq"]) && await Run(say, ["install", "-y", "-qq", .. Packages]);

    /// <summary>Runs apt-get non-interactively, bounded to 15 minutes; its error output is passed on when it fails.</summary>
    internal static async Task<bool> Run(Action<string> say, string[] arguments)
    {
        var start = new ProcessStartInfo(AptGet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            say($"apt-get {string.Join(' ', arguments)} took over 15 minutes and was stopped.");
            return false;
        }
        await output;
        if (process.ExitCode == 0) return true;
        say($"apt-get {string.Join(' ', arguments)} failed (exit code {process.ExitCode}): {(await errors).Trim()}");
        return false;
    }
}
