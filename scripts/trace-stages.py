#!/usr/bin/env python3
"""Where an indexing run's time goes, stage by stage, from a dotnet-trace thread-time trace.

    dotnet-trace collect -o run.nettrace -- dotnet archive-search.dll bench index --archive A --index I
    dotnet-trace convert --format speedscope run.nettrace -o run.json
    python3 scripts/trace-stages.py run.speedscope.json

Each sample of a thread that did indexing work (an indexer thread, the merge thread, the final merge) is given to the
first stage below whose marker is on its stack; the shares are of that busy time (waiting threads are left out).
"""
import collections
import json
import sys

# (stage, markers): the first stage with a marker on the stack takes the sample, so nested work comes first.
STAGES = [
    ("flush: sort terms, write postings and term dictionaries", ["DocumentsWriterPerThread.Flush", "DocumentsWriter.DoFlush"]),
    ("merge segments", ["IndexWriter.Merge(", "ConcurrentMergeScheduler+MergeThread", "IndexWriter.ForceMerge"]),
    ("read file, parse, hash, HTML to text", ["ArticleFileReader.Read"]),
    ("SmartCn reading: folding, segmentation, stemming", ["PorterStemFilter.IncrementToken", "SmartCnTokenizer", "HMMChineseTokenizer"]),
    ("bigram reading: folding, UAX#29 words, bigrams", ["CJKBigramFilter.IncrementToken"]),
    ("stored fields", ["StoredFieldsProcessor", "TwoStoredFieldsConsumers", "CompressingStoredFieldsWriter"]),
    ("inversion: terms hash, postings in memory", ["DocInverterPerField.ProcessFields", "DocFieldProcessor.ProcessDocument"]),
    ("document mapping, queueing", ["ArchiveIndexer", "SearchIndex.", "DocumentsWriter"]),
]
# A sample with one of these on its stack is a thread waiting, not working.
IDLE = ["Thread.Join", "Monitor.Wait", "WaitHandle", "WaitOne", "LowLevelLifoSemaphore", "Thread.Sleep", "GetMemoryPressure", "GC.RunFinalizers",
        "IndexWriter.DoWait"]


def main(path):
    data = json.load(open(path))
    frames = [f["name"] for f in data["shared"]["frames"]]
    stage_of_frame = {}
    for index, name in enumerate(frames):
        for rank, (_, markers) in enumerate(STAGES):
            if any(m in name for m in markers):
                stage_of_frame[index] = rank
                break
    idle_frame = {i for i, name in enumerate(frames) if any(m in name for m in IDLE)}
    busy = collections.Counter()
    for profile in data["profiles"]:
        stack, last = [], None
        for event in profile["events"]:
            t = event["at"]
            if last is not None and stack and not any(f in idle_frame for f in stack):
                ranks = [stage_of_frame[f] for f in stack if f in stage_of_frame]
                if ranks:
                    busy[min(ranks)] += t - last
                elif any("ArchiveSearch" in frames[f] or "Lucene" in frames[f] for f in stack):
                    busy[len(STAGES)] += t - last
            last = t
            if event["type"] == "O":
                stack.append(event["frame"])
            elif stack:
                stack.pop()
    total = sum(busy.values())
    print(f"busy thread time: {total / 1000:.1f} s")
    for rank in sorted(busy, key=lambda r: -busy[r]):
        name = STAGES[rank][0] if rank < len(STAGES) else "other (GC polls, locks, start-up)"
        print(f"{100 * busy[rank] / total:5.1f}%  {busy[rank] / 1000:6.1f} s  {name}")


if __name__ == "__main__":
    main(sys.argv[1])
