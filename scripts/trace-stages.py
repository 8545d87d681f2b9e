#!/usr/bin/env python3
"""Where an indexing run's time goes, stage by stage, from a CPU profile of the run.

Preferred, from Linux perf (samples every thread wherever it is; the JIT's perf map names managed frames):

    DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -F 499 -g -o run.perf.data -- \
        dotnet archive-search.dll bench index --archive A --index I
    perf script -i run.perf.data > run.perf.txt
    python3 scripts/trace-stages.py run.perf.txt

Or from a dotnet-trace thread-time trace, whose samples are taken at the runtime's safe points, so a lock or an
allocation (where threads can be stopped) is over-counted and a tight loop under-counted:

    dotnet-trace collect -o run.nettrace -- dotnet archive-search.dll bench index --archive A --index I
    dotnet-trace convert --format speedscope run.nettrace -o run.json
    python3 scripts/trace-stages.py run.speedscope.json

Each sample of a thread that did indexing work (an indexer thread, the merge thread, the final merge) is given to the
first stage below whose marker is on its stack; the shares are of that busy time (waiting threads are left out).
"""
import collections
import json
import re
import sys

# (stage, markers): the first stage with a marker on the stack takes the sample, so nested work comes first.
STAGES = [
    ("flush: sort terms, write postings and term dictionaries", ["DocumentsWriterPerThread.Flush", "DocumentsWriter.DoFlush"]),
    ("merge segments", ["IndexWriter.Merge(", "ConcurrentMergeScheduler+MergeThread", "IndexWriter.ForceMerge"]),
    ("read file, parse, hash, HTML to text", ["ArticleFileReader.Read"]),
    ("SmartCn reading: folding, segmentation, stemming", ["PorterStemFilter.IncrementToken", "SmartCnTokenizer", "HMMChineseTokenizer",
                                                          "HhmmSegmenter", "SegmentingTokenizerBase", "ArchiveAnalyzer", "BrokenSurrogateFilter"]),
    ("bigram reading: folding, UAX#29 words, bigrams", ["CJKBigramFilter.IncrementToken", "StandardTokenizer", "CJKWidthFilter",
                                                        "InvariantLowerCaseFilter", "BigramAnalyzer"]),
    ("stored fields", ["StoredFieldsProcessor", "TwoStoredFieldsConsumers", "CompressingStoredFieldsWriter"]),
    ("inversion: terms hash, postings in memory", ["DocInverterPerField.ProcessFields", "DocFieldProcessor.ProcessDocument"]),
    ("document mapping, queueing", ["ArchiveIndexer", "SearchIndex.", "DocumentsWriter"]),
]
# A sample with one of these on its stack is a thread waiting, not working.
IDLE = ["Thread.Join", "Monitor.Wait", "WaitHandle", "WaitOne", "LowLevelLifoSemaphore", "Thread.Sleep", "GetMemoryPressure", "GC.RunFinalizers",
        "IndexWriter.DoWait"]


def perf_samples(path):
    """The stacks of a `perf script` dump, innermost frame first, managed names written as in speedscope (A.B.C)."""
    stack = []
    for line in open(path, errors="replace"):
        if not line.strip():
            if stack:
                yield stack
            stack = []
        elif line[0] in " \t":
            name = line.strip().split(" ", 1)[-1]
            name = re.sub(r"^instance ", "", name)
            name = re.sub(r"\[[^\]]*\] ", "", name, count=2).replace("::", ".")
            stack.append(name)
    if stack:
        yield stack


def perf_main(path):
    busy = collections.Counter()
    for stack in perf_samples(path):
        if any(m in f for f in stack for m in IDLE):
            continue
        # Flush and merge hold whatever runs inside them; otherwise the innermost stage on the stack takes the
        # sample, so analysis the JIT inlined into the inverter still counts as analysis where its frames show.
        rank = next((r for r in (0, 1) if any(m in f for f in stack for m in STAGES[r][1])), None)
        if rank is None:
            rank = next((r for f in stack for r, (_, markers) in enumerate(STAGES) if any(m in f for m in markers)), None)
        if rank is None:
            # Native frames (the GC, the JIT, stubs) whose unwinding did not reach a managed caller.
            rank = len(STAGES) if any("ArchiveSearch" in f or "Lucene" in f for f in stack) else len(STAGES) + 1
        busy[rank] += 1
    report(busy, lambda samples: f"{samples} samples")


def report(busy, amount):
    """Each stage's share of the busy time, largest first; amount writes a stage's raw figure (samples, seconds)."""
    total = sum(busy.values())
    print(f"busy: {amount(total)}")
    names = [s for s, _ in STAGES] + ["other managed (GC polls, locks, start-up)", "native only (GC, JIT, kernel) or unattributed"]
    for rank in sorted(busy, key=lambda r: -busy[r]):
        print(f"{100 * busy[rank] / total:5.1f}%  {amount(busy[rank]):>14}  {names[rank]}")


def main(path):
    if not path.endswith(".json"):
        perf_main(path)
        return
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
    report(busy, lambda milliseconds: f"{milliseconds / 1000:.1f} s of thread time")


if __name__ == "__main__":
    main(sys.argv[1])
