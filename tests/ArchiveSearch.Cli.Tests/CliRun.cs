namespace ArchiveSearch.Cli.Tests;

/// <summary>Runs the CLI in process, as a shell would, capturing its exit code and both output streams.</summary>
internal static class CliRun
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
