using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ArchiveSearch.Engine.Searching;

/// <summary>Any collector within a time budget; the facet collector checks its own.</summary>
internal sealed class BudgetedCollector(ICollector inner, SearchBudget budget) : ICollector
{
    private int collected;

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context) => inner.SetNextReader(context);

    public void Collect(int doc)
    {
        if (collected++ % SearchBudget.CheckEvery == 0) budget.Check();
        inner.Collect(doc);
    }
}
