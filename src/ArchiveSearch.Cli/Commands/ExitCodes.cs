namespace ArchiveSearch.Cli.Commands;

internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
    public const int Busy = 3;
}
