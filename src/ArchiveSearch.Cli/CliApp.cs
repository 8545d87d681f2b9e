using System.CommandLine;
using ArchiveSearch.Cli.Commands;

namespace ArchiveSearch.Cli;

/// <summary>The command line: a thin front over the engine, like the API.</summary>
public static class CliApp
{
    private static bool IsHelpRequest(string[] args) => args.Any(a => a is "-h" or "--help" or "-?" or "/?");

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Index and search an archive of saved articles (Chinese and English).")
        {
            IndexCommand.Create(output, error),
            QueryCommand.Create(output, error),
            EvalCommand.Create(output, error),
            BenchCommand.Create(output, error),
            GenerateCommand.Create(output, error),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && !IsHelpRequest(args))
        {
            // A malformed command line is bad input like any other (exit 2, as the README says), not System.CommandLine's 1.
            foreach (var problem in parsed.Errors) error.WriteLine(problem.Message);
            error.WriteLine("Run with --help for the usage.");
            return ExitCodes.BadInput;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
