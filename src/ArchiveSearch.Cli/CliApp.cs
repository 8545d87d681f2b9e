using System.CommandLine;
using ArchiveSearch.Cli.Commands;

namespace ArchiveSearch.Cli;

/// <summary>The command line: a thin front over the engine, like the API.</summary>
public static class CliApp
{
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
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
