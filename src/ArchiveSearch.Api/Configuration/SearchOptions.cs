using System.ComponentModel.DataAnnotations;

namespace ArchiveSearch.Api.Configuration;

/// <summary>The <c>Search</c> configuration section.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>The archive folder to index; a relative path is taken from the content root (the API project's folder under <c>dotnet run</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string ArchivePath { get; set; } = "../../index-data/archive";

    /// <summary>Where the Lucene index lives, created when missing; relative like <see cref="ArchivePath"/>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string IndexPath { get; set; } = "../../index-data/index";
}
