using System.CommandLine;
using System.Globalization;
using ArchiveSearch.Engine.Generation;

namespace ArchiveSearch.Cli.Commands;

/// <summary><c>generate --count N --out DIR [--seed S]</c>: a deterministic synthetic archive for tests and benchmarks.</summary>
internal static class GenerateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var count = new Option<int>("--count") { Description = $"How many articles to write (1 to {CorpusGenerator.MaxCount:N0}).", Required = true };
        var folder = new Option<DirectoryInfo>("--out") { Description = "The output folder: created when missing, must be empty.", Required = true };
        var seed = new Option<long>("--seed") { Description = "The seed: the same seed writes the same files, byte for byte.", DefaultValueFactory = _ => 1 };
        var command = new Command("generate", "Write a deterministic archive of synthetic Chinese and English articles in per-date folders.") { count, folder, seed };
        command.SetAction(result => Run(result.GetValue(count), result.GetValue(folder)!, result.GetValue(seed), output, error));
        return command;
    }

    private static int Run(int count, DirectoryInfo folder, long seed, TextWriter output, TextWriter error)
    {
        var c = CultureInfo.InvariantCulture;
        if (count is < 1 or > CorpusGenerator.MaxCount)
        {
            error.WriteLine(string.Create(c, $"--count must be between 1 and {CorpusGenerator.MaxCount:N0}; got {count}."));
            return ExitCodes.BadInput;
        }
        if (folder.Exists && folder.EnumerateFileSystemInfos().Any())
        {
            error.WriteLine($"The output folder {folder.FullName} is not empty; give an empty or new folder.");
            return ExitCodes.BadInput;
        }
        var report = CorpusGenerator.Generate(count, folder.FullName, seed);
        output.WriteLine(string.Create(c, $"Files:     {report.Files}"));
        output.WriteLine(string.Create(c, $"Size:      {report.Megabytes:0.0} MB"));
        output.WriteLine(string.Create(c, $"Elapsed:   {report.Elapsed.TotalSeconds:0.00} s"));
        output.WriteLine(string.Create(c, $"Rate:      {report.FilesPerSecond:0} files/s"));
        return ExitCodes.Ok;
    }
}
