namespace ArchiveSearch.Engine.Searching;

/// <summary>
/// Takes the documents and frequencies <see cref="PostingsCursor.WalkTo"/> walks over. Implemented by structs, so the
/// walk is compiled once per sink with its <see cref="Add"/> inlined into the loop.
/// </summary>
internal interface IPostingSink
{
    void Add(int doc, int freq);
}
