using System.Diagnostics;

namespace ArchiveSearch.Web.Tests.Browsers;

/// <summary>
/// Chinese text in the screenshots needs a CJK font. On Linux without one, installs Debian's fonts-noto-cjk as
/// root, or says how; a missing font makes screenshots show boxes but fails no test.
/// </summary>
public static class CjkFonts
{
    public static async Task EnsureAsync(IBrowserMachine machine, Action<string> say)
    {
        if (machine.Platform != BrowserPlatform.Linux || !machine.FileExists("/usr/bin/fc-list") || HasChineseFont()) return;
        if (machine.IsPrivileged && machine.FileExists(AptInstaller.AptGet))
        {
            say("No Chinese font for the screenshots: installing one with apt-get install -y fonts-noto-cjk");
            if (await AptInstaller.Run(say, ["update", "-qq"]) && await AptInstaller.Run(say, ["install", "-y", "-qq", "fonts-noto-cjk"])) return;
        }
        say("No Chinese font: screenshots will show boxes for Chinese text. Install fonts-noto-cjk (Debian/Ubuntu) to fix them.");
    }

    private static bool HasChineseFont()
    {
        var start = new ProcessStartInfo("/usr/bin/fc-list", [":lang=zh", "family"]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var fonts = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return fonts.Trim().Length > 0;
    }
}
