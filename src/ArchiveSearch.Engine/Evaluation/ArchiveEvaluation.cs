using ArchiveSearch.Engine.Indexing;

namespace ArchiveSearch.Engine.Evaluation;

/// <summary>An evaluation on an archive: how indexing it went, and the report.</summary>
public sealed record ArchiveEvaluation(IndexRunReport Indexing, int ArticlesInIndex, EvaluationReport Report);
