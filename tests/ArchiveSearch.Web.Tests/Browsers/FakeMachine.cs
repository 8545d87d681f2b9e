namespace ArchiveSearch.Web.Tests.Browsers;

/// <summary>A machine made of a file list and some variables, for the tests of the browser lookup.</summary>
internal sealed class FakeMachine(BrowserPlatform platform, string home) : IBrowserMachine
{
    private readonly HashSet<string> files = [];
    private readonly Dictionary<string, string> variables = [];

    public BrowserPlatform Platform => platform;
    public bool IsPrivileged { get; init; }
    public string HomeFolder => home;

    public FakeMachine With(params string[] paths)
    {
        files.UnionWith(paths);
        return this;
    }

    public FakeMachine Set(string name, string value)
    {
        variables[name] = value;
        return this;
    }

    public string? Variable(string name) => variables.GetValueOrDefault(name);

    public bool FileExists(string path) => files.Contains(path);

    public IEnumerable<string> SubfolderNames(string path) =>
        files.Where(f => f.StartsWith(path + "/", StringComparison.Ordinal) || f.StartsWith(path + "\\", StringComparison.Ordinal))
            .Select(f => f[(path.Length + 1)..].Split('/', '\\')[0])
            .Distinct();
}
