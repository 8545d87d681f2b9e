using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Lucene41;
using Lucene.Net.Codecs.PerField;
using Lucene.Net.Index;

namespace ArchiveSearch.Engine.Indexing;

/// <summary>
/// The index's postings: Lucene 4.1's, each analysed text field (either reading) written by a writer of its own, and a
/// merge that runs those writers on every core, largest first. A merge otherwise runs on one core, and the final merge
/// of a full build is the part of the build nothing else runs beside.
/// </summary>
/// <remarks>
/// Lucene's per-field format gives every distinct format instance its own files (<c>Lucene41_0</c>, <c>Lucene41_1</c>,
/// …) and records each field's in the field's attributes, so the bytes stay Lucene 4.1's and segments written with one
/// writer for all fields read as before.
/// </remarks>
internal sealed class ParallelMergePostingsFormat : PostingsFormat
{
    private readonly PostingsFormat perField = new WriterPerTextField();

    public override FieldsConsumer FieldsConsumer(SegmentWriteState state) => new ParallelMergeWriter(perField.FieldsConsumer(state));

    public override FieldsProducer FieldsProducer(SegmentReadState state) => perField.FieldsProducer(state);

    /// <summary>The writer (a format instance) a field's postings go to; fields of one writer share its files.</summary>
    internal static PostingsFormat WriterOf(string field) => TextFieldWriters.TryGetValue(field, out var own) ? own : SmallFieldsWriter;

    private static readonly PostingsFormat SmallFieldsWriter = new Lucene41PostingsFormat();

    private static readonly Dictionary<string, PostingsFormat> TextFieldWriters = new[]
    {
        IndexSchema.Title, IndexSchema.AiSummary, IndexSchema.OriginalText,
        IndexSchema.TitleBigrams, IndexSchema.AiSummaryBigrams, IndexSchema.OriginalTextBigrams,
    }.ToDictionary(field => field, PostingsFormat (_) => new Lucene41PostingsFormat(), StringComparer.Ordinal);

    private sealed class WriterPerTextField : PerFieldPostingsFormat
    {
        public override PostingsFormat GetPostingsFormatForField(string field) => WriterOf(field);
    }

    private sealed class ParallelMergeWriter(FieldsConsumer perField) : FieldsConsumer
    {
        // Lucene's per-field writer keeps its writers in plain dictionaries and creates a writer's files on its first
        // field; after that, the fields of one writer touch only that writer, which one thread at a time uses.
        private readonly Lock addFieldGate = new();

        public override TermsConsumer AddField(FieldInfo field)
        {
            lock (addFieldGate) return perField.AddField(field);
        }

        public override void Merge(MergeState mergeState, Fields fields)
        {
            // Each writer's fields in Lucene's order (a writer takes its fields in increasing name order); the writers
            // with the most postings first, so that the last one to start is a small one.
            var writers = fields.GroupBy(WriterOf)
                .Select(group => group.ToList())
                .OrderByDescending(names => names.Sum(name => PostingsCount(fields.GetTerms(name))))
                .ToList();
            var pending = new ConcurrentQueue<List<string>>(writers);
            var failures = new ConcurrentQueue<Exception>();
            void Drain()
            {
                while (failures.IsEmpty && pending.TryDequeue(out var names))
                {
                    try
                    {
                        MergeFields(mergeState, fields, names);
                    }
                    catch (Exception e)
                    {
                        failures.Enqueue(e);
                    }
                }
            }

            var helpers = Enumerable.Range(0, Math.Min(Environment.ProcessorCount, writers.Count) - 1)
                .Select(_ => Task.Factory.StartNew(Drain, TaskCreationOptions.LongRunning))
                .ToArray();
            Drain();
            // Every writer writes into this segment's files, so no helper may outlive the merge, whatever failed.
            Task.WaitAll(helpers);
            if (failures.TryDequeue(out var failure)) ExceptionDispatchInfo.Throw(failure);
        }

        private static long PostingsCount(Terms? terms) => terms is null ? 0 : Math.Max(terms.SumTotalTermFreq, terms.SumDocFreq);

        /// <summary>What Lucene's <see cref="FieldsConsumer.Merge"/> does for each field, for some of them.</summary>
        private void MergeFields(MergeState mergeState, Fields fields, List<string> names)
        {
            foreach (var name in names)
            {
                var terms = fields.GetTerms(name);
                if (terms is null) continue;
                var info = mergeState.FieldInfos.FieldInfo(name);
                AddField(info).Merge(mergeState, info.IndexOptions, terms.GetEnumerator());
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) perField.Dispose();
        }
    }
}
