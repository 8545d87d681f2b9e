/*
 * Reference search benchmark: queries timed in process over an index built by ReferenceIndexer, with Java Lucene 8.8
 * and SmartChineseAnalyzer, to set beside `bench search --query` on the service's index of the same archive.
 *
 * Usage (scripts/bench-java.sh search compiles and runs it):
 *   java -cp <lucene jars>:<classes> ReferenceSearcher INDEX_DIR QUERY...
 * Settings, as -D system properties: bench.runs (measured searches per query, default 200), bench.warmupSeconds
 * (the whole list run before measuring, default 10).
 *
 * Each search is what stock Lucene does for a pasted query, as Elasticsearch's multi_match with SmartCn would:
 * the query's SmartCn words OR-ed in title^3, ai_summary^2 and original_text, BM25, the top 10 by score, the ten
 * hits' stored title and summary read, and the same four facets as the service counted over every match (hashtag,
 * source, type ordinals from SortedSetDocValues, a month histogram from the day NumericDocValues). No highlighting.
 *
 * stdout: one JSON line per query (hits, p50/p95/p99/max ms, searches/s), then one for all of them together
 * ("query":"(all)", hits 0).
 */

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.store.FSDirectory;

public final class ReferenceSearcher {

    static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    static final String[] FIELDS = {"title", "ai_summary", "original_text"};
    static final float[] BOOSTS = {3f, 2f, 1f};
    static final String[] FACETS = {"hashtag_facet", "source_facet", "type_facet"};
    static final Set<String> STORED = Set.of("title", "ai_summary");

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ReferenceSearcher INDEX_DIR QUERY...");
            System.exit(2);
        }
        int runs = Integer.getInteger("bench.runs", 200);
        int warmupSeconds = Integer.getInteger("bench.warmupSeconds", 10);
        List<String> queries = Arrays.asList(args).subList(1, args.length);
        Analyzer analyzer = new SmartChineseAnalyzer();
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Paths.get(args[0])))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            List<Query> compiled = new ArrayList<>();
            for (String q : queries) compiled.add(compile(analyzer, q));
            // The JIT's steady state, as bench search warms up its whole mix first.
            long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
            while (System.nanoTime() < warmupEnd) {
                for (Query q : compiled) search(searcher, q);
            }
            double[] all = new double[runs * queries.size()];
            for (int i = 0; i < queries.size(); i++) {
                double[] ms = new double[runs];
                long hits = 0;
                for (int r = 0; r < runs; r++) {
                    long start = System.nanoTime();
                    hits = search(searcher, compiled.get(i));
                    ms[r] = (System.nanoTime() - start) / 1e6;
                    all[i * runs + r] = ms[r];
                }
                report(queries.get(i), hits, ms);
            }
            // All the queries' searches together, as a mix that cycles through them (the HTTP benchmark's) sees them.
            report("(all)", 0, all);
        }
    }

    /** One JSON line: the searches' percentiles, slowest, and searches per second on one thread. */
    static void report(String query, long hits, double[] ms) {
        Arrays.sort(ms);
        double total = Arrays.stream(ms).sum();
        OUT.printf("{\"query\":\"%s\",\"hits\":%d,\"p50Ms\":%.2f,\"p95Ms\":%.2f,\"p99Ms\":%.2f,\"maxMs\":%.2f,\"searchesPerSecond\":%.0f}%n",
            query.replace("\"", "\\\""), hits, at(ms, 0.50), at(ms, 0.95), at(ms, 0.99), ms[ms.length - 1], ms.length / (total / 1000));
    }

    static double at(double[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    static Query compile(Analyzer analyzer, String text) throws IOException {
        Set<String> words = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream("title", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) words.add(term.toString());
            stream.end();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String word : words) {
            for (int f = 0; f < FIELDS.length; f++) {
                any.add(new BoostQuery(new TermQuery(new Term(FIELDS[f], word)), BOOSTS[f]), BooleanClause.Occur.SHOULD);
            }
        }
        return any.build();
    }

    /** One search as the service answers it: the top 10 and their stored fields, and every facet over every match. */
    static long search(IndexSearcher searcher, Query query) throws IOException {
        TopScoreDocCollector top = TopScoreDocCollector.create(10, Integer.MAX_VALUE);
        FacetCounts facets = new FacetCounts();
        searcher.search(query, MultiCollector.wrap(top, facets));
        facets.flush();
        TopDocs docs = top.topDocs();
        for (var hit : docs.scoreDocs) searcher.doc(hit.doc, STORED);
        return facets.matches;
    }

    /**
     * Ordinal counts per keyword facet and segment, merged by value at each segment's end as the service does, and a
     * month histogram, for every match (the service counts them all too).
     */
    static final class FacetCounts extends SimpleCollector {
        long matches;
        final int[][] counts = new int[FACETS.length][];
        final List<java.util.HashMap<String, Integer>> byValue = new ArrayList<>();
        final java.util.HashMap<Long, Integer> months = new java.util.HashMap<>();
        SortedSetDocValues[] values = new SortedSetDocValues[FACETS.length];
        NumericDocValues days;

        FacetCounts() {
            for (int f = 0; f < FACETS.length; f++) byValue.add(new java.util.HashMap<>());
        }

        void flush() throws IOException {
            for (int f = 0; f < FACETS.length; f++) {
                if (values[f] == null) continue;
                for (int ord = 0; ord < counts[f].length; ord++) {
                    if (counts[f][ord] == 0) continue;
                    byValue.get(f).merge(values[f].lookupOrd(ord).utf8ToString(), counts[f][ord], Integer::sum);
                    counts[f][ord] = 0;
                }
            }
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            flush();
            for (int f = 0; f < FACETS.length; f++) {
                values[f] = DocValues.getSortedSet(context.reader(), FACETS[f]);
                counts[f] = new int[(int) values[f].getValueCount()];
            }
            days = DocValues.getNumeric(context.reader(), "day");
        }

        @Override
        public void collect(int doc) throws IOException {
            matches++;
            for (int f = 0; f < FACETS.length; f++) {
                if (!values[f].advanceExact(doc)) continue;
                for (long ord = values[f].nextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values[f].nextOrd()) counts[f][(int) ord]++;
            }
            if (days.advanceExact(doc)) months.merge(days.longValue() / 30, 1, Integer::sum);
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
