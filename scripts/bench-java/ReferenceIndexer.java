/*
 * Reference indexing benchmark: the same archive indexed by Java Lucene 8.8 with SmartChineseAnalyzer, so that
 * the service's indexing speed and index size can be compared with stock Lucene on the same machine.
 *
 * Usage (scripts/bench-java.sh compiles and runs it):
 *   java -cp <lucene jars>:<classes> ReferenceIndexer ARCHIVE_DIR INDEX_DIR
 * Settings, as -D system properties: bench.threads (default 2), bench.ramBufferMb (default 256),
 * bench.mergeSegments (default 1).
 *
 * stdout: one JSON line: seconds (scan to first commit) and mbPerSecond over it, mergeSeconds (the final merge),
 * totalSeconds (both: what the service's `bench index` times), tokens (indexed in the three text fields). stderr: skipped files (path, line, reason) and a parse summary (how many articles had a
 * title, an AI summary, ...), so a parser that silently reads nothing shows up.
 *
 * What is parsed follows /work/shared/ARCHIVE_FORMAT.md (and the service's ArticleParser where the doc leaves a
 * choice open). One document per article:
 *   id             StringField, stored          NNN_<16 hex>.txt file name, else sha-256 of the relative path
 *   title          TextField, stored            positions, no offsets, no term vectors
 *   ai_summary     TextField, stored            idem ("" when the section is missing, as the service does)
 *   original_text  TextField, stored            idem: the original summary's HTML as plain text
 *   hashtag        StringField (not stored)     key: trimmed, full-width folded, lower-cased
 *   hashtag_facet  SortedSetDocValuesField      "key \u001F display", the service's facet value layout
 *   source, type   StringField + *_facet SortedSetDocValuesField, the same key/display layout
 *   day            NumericDocValuesField        epoch day of the saved time's UTC date, else the directory date
 * Not indexed (the service has them; see the report): offsets in the postings, the CJK-bigram twin fields, the
 * analysed hashtag text, and the stored URL, path, content hash, raw HTML and metadata JSON.
 */

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.Version;

public final class ReferenceIndexer {

    static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    static final char FACET_SEPARATOR = '\u001F';
    static final int MAX_PROBLEMS_SHOWN = 50;

    // stdout carries only the JSON line; both streams are UTF-8 whatever the locale (paths may be Chinese).
    static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    static final PrintStream ERR = new PrintStream(System.err, true, StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            ERR.println("usage: ReferenceIndexer ARCHIVE_DIR INDEX_DIR");
            System.exit(2);
        }
        Path archive = Paths.get(args[0]).toAbsolutePath().normalize();
        Path indexPath = Paths.get(args[1]).toAbsolutePath().normalize();
        int threads = Integer.getInteger("bench.threads", 2);
        int ramBufferMb = Integer.getInteger("bench.ramBufferMb", 256);
        int mergeSegments = Integer.getInteger("bench.mergeSegments", 1);

        if (!Files.isDirectory(archive)) fail("archive folder not found: " + archive);
        checkIndexFolder(indexPath);

        Analyzer analyzer = new SmartChineseAnalyzer();
        // SmartCn loads its dictionaries lazily on first use (about a second); the service warms up before its
        // clock starts too, so neither side times the dictionary load.
        warmUp(analyzer);

        long start = System.nanoTime();
        List<ArchiveFile> files = scan(archive);
        ConcurrentLinkedQueue<Problem> problems = new ConcurrentLinkedQueue<>();
        List<ArchiveFile> unique = withoutDuplicateIds(files, problems);

        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        // CREATE replaces any earlier index in the folder; old index files go at the first commit.
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        // The budget is shared by all indexing threads (each thread fills its own in-memory segment, and the
        // largest is flushed when the total reaches it), so two threads do not mean twice the memory.
        config.setRAMBufferSizeMB(ramBufferMb);
        // -Dbench.compound=false writes each index file on its own, so their sizes can be compared file type by type.
        if (!Boolean.parseBoolean(System.getProperty("bench.compound", "true"))) {
            config.setUseCompoundFile(false);
            config.getMergePolicy().setNoCFSRatio(0.0);
        }
        // Everything else stays default, like the service: default codec (Lucene87), compound files for
        // flushed segments, TieredMergePolicy and ConcurrentMergeScheduler (on 2 cores: 1 merge thread).

        Stats stats = new Stats();
        int segmentsBeforeMerge;
        double seconds;
        double mergeSeconds;
        try (Directory directory = FSDirectory.open(indexPath)) {
            IndexWriter writer = new IndexWriter(directory, config);
            try {
                indexAll(writer, unique, threads, stats, problems);
                // One commit for the whole run, as the service does (its searches see all or nothing).
                writer.commit();
                seconds = (System.nanoTime() - start) / 1e9;
                segmentsBeforeMerge = SegmentInfos.readLatestCommit(directory).size();

                long mergeStart = System.nanoTime();
                // forceMerge blocks until done, including any natural merge the commit left running in the
                // background; the second commit makes the merged segments the index and drops the old files.
                // The service does the same merge but before its single commit; here it is timed on its own.
                writer.forceMerge(mergeSegments);
                writer.commit();
                writer.close();
                mergeSeconds = (System.nanoTime() - mergeStart) / 1e9;
            } catch (Throwable t) {
                writer.rollback();
                throw t;
            }
        }

        SegmentInfos finalCommit;
        long indexBytes = 0;
        long tokens = 0;
        try (Directory directory = FSDirectory.open(indexPath)) {
            finalCommit = SegmentInfos.readLatestCommit(directory);
            // The files of the last commit: exactly the index, nothing else that may sit in the folder.
            for (String name : finalCommit.files(true)) indexBytes += directory.fileLength(name);
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                if (reader.numDocs() != stats.indexed.get())
                    fail("index holds " + reader.numDocs() + " documents, expected " + stats.indexed.get());
                // Tokens indexed in the analysed text fields (sum of total term frequencies): the work the inverter did.
                for (String field : new String[] {"title", "ai_summary", "original_text"}) {
                    Terms terms = MultiTerms.getTerms(reader, field);
                    if (terms != null) tokens += terms.getSumTotalTermFreq();
                }
            }
        }

        long sourceBytes = 0;
        for (ArchiveFile f : files) sourceBytes += f.size;

        reportProblems(problems);
        ERR.println(stats.summary());

        OUT.println(String.format(Locale.ROOT,
            "{\"files\":%d,\"sourceBytes\":%d,\"seconds\":%.3f,\"mbPerSecond\":%.3f,\"mergeSeconds\":%.3f,\"totalSeconds\":%.3f,"
                + "\"indexBytes\":%d,\"tokens\":%d,\"threads\":%d,\"peakRssMb\":%.1f,"
                + "\"indexed\":%d,\"skipped\":%d,\"segmentsBeforeMerge\":%d,\"segments\":%d,\"ramBufferMb\":%d,"
                + "\"lucene\":\"%s\",\"java\":\"%s\"}",
            files.size(), sourceBytes, seconds, sourceBytes / 1e6 / seconds, mergeSeconds, seconds + mergeSeconds,
            indexBytes, tokens, threads, peakRssBytes() / 1e6,
            stats.indexed.get(), problems.size(), segmentsBeforeMerge, finalCommit.size(), ramBufferMb,
            Version.LATEST, System.getProperty("java.version")));
    }

    // ------------------------------------------------------------------ indexing

    /** Files are handed out one at a time from a shared counter, so a thread that gets small files takes more. */
    static void indexAll(IndexWriter writer, List<ArchiveFile> files, int threads, Stats stats,
                         ConcurrentLinkedQueue<Problem> problems) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Throwable> failures = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    for (int i; (i = next.getAndIncrement()) < files.size(); ) {
                        indexOne(writer, files.get(i), stats, problems);
                    }
                } catch (Throwable e) {
                    synchronized (failures) { failures.add(e); }
                    next.set(files.size()); // stop the other thread too
                }
            }, "indexer-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) worker.join();
        if (!failures.isEmpty()) {
            Throwable first = failures.get(0);
            throw first instanceof Exception ? (Exception) first : new RuntimeException(first);
        }
    }

    /** Two files with one id: the first by path keeps it and the other is reported, as the service does. */
    static List<ArchiveFile> withoutDuplicateIds(List<ArchiveFile> files, ConcurrentLinkedQueue<Problem> problems) {
        Map<String, String> owners = new HashMap<>();
        List<ArchiveFile> unique = new ArrayList<>(files.size());
        for (ArchiveFile file : files) {
            String id = ArticleParser.idFor(file.relativePath);
            String owner = owners.putIfAbsent(id, file.relativePath);
            if (owner == null) unique.add(file);
            else problems.add(new Problem(file.relativePath, 0, "duplicate article id " + id + ": " + owner + " already has it"));
        }
        return unique;
    }

    static void indexOne(IndexWriter writer, ArchiveFile file, Stats stats, ConcurrentLinkedQueue<Problem> problems)
            throws IOException {
        Article article;
        try {
            article = ArticleParser.parse(file);
        } catch (ArticleFormatException e) {
            problems.add(new Problem(file.relativePath, e.line, e.getMessage()));
            return;
        } catch (IOException e) {
            problems.add(new Problem(file.relativePath, 0, "could not be read: " + e));
            return;
        }
        try {
            // updateDocument, not addDocument: the service upserts by id even into a fresh index, which costs a
            // buffered delete-by-term per document, resolved against the earlier segments at each flush.
            writer.updateDocument(new Term("id", article.id), toDocument(article));
        } catch (IllegalArgumentException e) {
            // Non-aborting: e.g. a term or doc-values value over 32766 bytes. IndexWriter drops just this document.
            problems.add(new Problem(file.relativePath, 0, "rejected by Lucene: " + e.getMessage()));
            return;
        }
        stats.add(article);
    }

    static Document toDocument(Article a) {
        Document doc = new Document();
        doc.add(new StringField("id", a.id, Field.Store.YES));
        // TextField.TYPE_STORED indexes DOCS_AND_FREQS_AND_POSITIONS: positions for phrases, no offsets, no term
        // vectors (the service adds offsets to these three fields for highlighting; see the header).
        doc.add(new TextField("title", a.title, Field.Store.YES));
        doc.add(new TextField("ai_summary", a.aiSummary, Field.Store.YES));
        doc.add(new TextField("original_text", a.originalText, Field.Store.YES));
        for (Hashtag tag : a.hashtags) {
            doc.add(new StringField("hashtag", tag.key, Field.Store.NO));
            // SortedSet doc values, so several values per document are fine (one per hashtag); a document with
            // two equal values would store it once.
            doc.add(new SortedSetDocValuesField("hashtag_facet", new BytesRef(tag.key + FACET_SEPARATOR + tag.display)));
        }
        addKeyword(doc, a.source, "source", "source_facet");
        addKeyword(doc, a.type, "type", "type_facet");
        LocalDate date = a.date();
        if (date != null) doc.add(new NumericDocValuesField("day", date.toEpochDay()));
        return doc;
    }

    static void addKeyword(Document doc, String value, String keyField, String facetField) {
        if (value == null || value.isBlank()) return;
        String display = Text.collapseWhitespace(value.strip());
        String key = Hashtag.keyOf(display);
        doc.add(new StringField(keyField, key, Field.Store.NO));
        doc.add(new SortedSetDocValuesField(facetField, new BytesRef(key + FACET_SEPARATOR + display)));
    }

    static void warmUp(Analyzer analyzer) throws IOException {
        try (TokenStream stream = analyzer.tokenStream("warmup", "中文分词预热 warm up the analyzer")) {
            stream.reset();
            while (stream.incrementToken()) { /* just load the dictionaries */ }
            stream.end();
        }
    }

    // ------------------------------------------------------------------ scanning

    static final class ArchiveFile {
        final Path path;
        final String relativePath;
        final long size;

        ArchiveFile(Path path, String relativePath, long size) {
            this.path = path;
            this.relativePath = relativePath;
            this.size = size;
        }
    }

    /**
     * Every .txt and .md file under the root, recursively, ordered by relative path (ordinal, as the service).
     * Files and folders whose name starts with '.' are skipped; linked folders are not entered.
     */
    static List<ArchiveFile> scan(Path root) throws IOException {
        List<ArchiveFile> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if (!isHidden(file) && (lower.endsWith(".txt") || lower.endsWith(".md")) && Files.isRegularFile(file)) {
                    String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                    files.add(new ArchiveFile(file, relative, Files.size(file)));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // unreadable entries are skipped, as the service does
            }
        });
        files.sort((x, y) -> x.relativePath.compareTo(y.relativePath));
        return files;
    }

    static boolean isHidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    /** Refuses to write into a folder holding something other than a Lucene index (CREATE would clear it). */
    static void checkIndexFolder(Path indexPath) throws IOException {
        if (!Files.exists(indexPath)) return;
        if (!Files.isDirectory(indexPath)) fail("index path exists and is not a folder: " + indexPath);
        try (Directory directory = FSDirectory.open(indexPath)) {
            String[] names = directory.listAll();
            boolean empty = names.length == 0 || (names.length == 1 && names[0].equals("write.lock"));
            if (!empty && !DirectoryReader.indexExists(directory))
                fail("index folder is not empty and holds no Lucene index; refusing to write there: " + indexPath);
        }
    }

    // ------------------------------------------------------------------ parsing

    static final class ArticleFormatException extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        ArticleFormatException(String message, int line) {
            super(message);
            this.line = line;
        }
    }

    static final class Article {
        String id;
        String title;
        String url;
        String originalText = "";
        String aiSummary = "";
        String source;
        String type;
        OffsetDateTime savedAt;
        LocalDate directoryDate;
        List<Hashtag> hashtags = List.of();

        /** The saved time's UTC date, else the directory date. */
        LocalDate date() {
            return savedAt != null ? savedAt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate() : directoryDate;
        }
    }

    enum Section { UNKNOWN, ORIGINAL_SUMMARY, AI_SUMMARY, METADATA }

    static final class ArticleParser {
        static final Pattern ARCHIVER_FILE_NAME = Pattern.compile("^[0-9]+_([0-9a-f]{16})\\.(?i:txt|md)$");
        // (?U): \s matches Unicode white space, as .NET's does.
        static final Pattern URL_LINE = Pattern.compile("(?iU)^\\s*\\*\\*URL\\*\\*\\s*[:：](.*)$");
        // "- **key**: value", tolerating '*' bullets, the full-width colon and the colon inside the bold.
        static final Pattern METADATA_LINE =
            Pattern.compile("(?U)^\\s*[-*]\\s+\\*\\*([^*]+?)\\s*(?:\\*\\*\\s*[:：]|[:：]\\s*\\*\\*)(.*)$");
        static final Pattern ISO_DATE_PREFIX = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}");

        static Article parse(ArchiveFile file) throws IOException, ArticleFormatException {
            // Size first, so a huge stray file is not loaded just to be rejected.
            long size = Files.size(file.path);
            if (size > MAX_FILE_BYTES)
                throw new ArticleFormatException("the file is " + size + " bytes, over the " + MAX_FILE_BYTES + "-byte limit", 0);
            String[] lines = decodeLines(Files.readAllBytes(file.path));

            int titleIndex = 0;
            while (lines[titleIndex].isBlank()) titleIndex++; // decodeLines made sure some line is not blank
            Article a = new Article();
            a.id = idFor(file.relativePath);
            a.title = lines[titleIndex].startsWith("# ") ? lines[titleIndex].substring(2).strip() : "";
            if (a.title.isEmpty())
                throw new ArticleFormatException("no title line: the first non-blank line must be '# ' and the title", titleIndex + 1);

            // Each section runs from its "## " heading to the next; a repeated section keeps its first occurrence.
            Map<Section, int[]> bodies = new HashMap<>();
            Section current = null;
            int currentStart = 0;
            for (int i = titleIndex + 1; i < lines.length; i++) {
                if (lines[i].startsWith("## ")) {
                    close(bodies, current, currentStart, i);
                    current = classify(lines[i]);
                    currentStart = i + 1;
                } else if (current == null && a.url == null) {
                    Matcher m = URL_LINE.matcher(lines[i]);
                    if (m.matches() && !m.group(1).strip().isEmpty()) a.url = m.group(1).strip();
                }
            }
            close(bodies, current, currentStart, lines.length);

            a.originalText = HtmlToText.convert(body(lines, bodies.get(Section.ORIGINAL_SUMMARY)));
            a.aiSummary = body(lines, bodies.get(Section.AI_SUMMARY));
            int[] meta = bodies.get(Section.METADATA);
            if (meta != null) {
                for (int i = meta[0]; i < meta[1]; i++) readMetadata(a, lines[i], i + 1);
            }
            a.hashtags = Hashtags.extract(a.title, a.originalText, a.aiSummary);
            return a;
        }

        /** Lines without CR/LF; strict UTF-8 (a bad byte rejects the file and names its line), BOM dropped. */
        static String[] decodeLines(byte[] bytes) throws ArticleFormatException {
            if (bytes.length == 0) throw new ArticleFormatException("the file is empty", 0);
            int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
            String text;
            try {
                text = decoder.decode(in).toString();
            } catch (CharacterCodingException e) {
                // After a failed decode the buffer's position is where the bad sequence starts.
                int bad = in.position();
                int line = 1;
                for (int i = offset; i < bad && i < bytes.length; i++) if (bytes[i] == '\n') line++;
                throw new ArticleFormatException("the file is not valid UTF-8", line);
            }
            if (text.isBlank()) throw new ArticleFormatException("the file contains only white space", 0);
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].endsWith("\r")) lines[i] = lines[i].substring(0, lines[i].length() - 1);
            }
            return lines;
        }

        static void close(Map<Section, int[]> bodies, Section section, int start, int end) {
            if (section != null && section != Section.UNKNOWN) bodies.putIfAbsent(section, new int[] { start, end });
        }

        /** Chinese or English heading, case-insensitive, inner white space collapsed ("AI  摘要"). */
        static Section classify(String heading) {
            String name = Text.collapseWhitespace(heading.substring(3).strip()).toLowerCase(Locale.ROOT);
            switch (name) {
                case "原始摘要": case "original summary": return Section.ORIGINAL_SUMMARY;
                case "ai 摘要": case "ai摘要": case "ai summary": return Section.AI_SUMMARY;
                case "元数据": case "metadata": return Section.METADATA;
                default: return Section.UNKNOWN;
            }
        }

        static String body(String[] lines, int[] range) {
            if (range == null) return "";
            return String.join("\n", java.util.Arrays.asList(lines).subList(range[0], range[1])).strip();
        }

        /** Known keys fill the typed fields (first non-empty value wins); unknown keys are fine. Bad dates reject the file. */
        static void readMetadata(Article a, String line, int lineNumber) throws ArticleFormatException {
            Matcher m = METADATA_LINE.matcher(line);
            if (!m.matches()) return;
            String key = m.group(1).strip();
            String value = m.group(2).strip();
            if (key.isEmpty() || value.isEmpty()) return;
            switch (key.toLowerCase(Locale.ROOT)) {
                case "来源": case "source":
                    if (a.source == null) a.source = value;
                    break;
                case "类型": case "type":
                    if (a.type == null) a.type = value;
                    break;
                case "保存时间": case "saved at": case "saved time": {
                    OffsetDateTime saved = parseSavedAt(value, lineNumber); // every date is checked, not just the first
                    if (a.savedAt == null) a.savedAt = saved;
                    break;
                }
                case "目录日期": case "directory date": {
                    LocalDate date = parseDirectoryDate(value, lineNumber);
                    if (a.directoryDate == null) a.directoryDate = date;
                    break;
                }
                default:
                    break;
            }
        }

        /** ISO-8601; without an offset the time is UTC; a bare date is its UTC midnight. */
        static OffsetDateTime parseSavedAt(String value, int lineNumber) throws ArticleFormatException {
            if (ISO_DATE_PREFIX.matcher(value).find()) {
                String iso = value.length() > 10 && value.charAt(10) == ' ' ? value.substring(0, 10) + 'T' + value.substring(11) : value;
                try {
                    return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                } catch (DateTimeParseException ignored) { /* try the forms without an offset */ }
                try {
                    return LocalDateTime.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException ignored) { /* try a bare date */ }
                try {
                    return LocalDate.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay().atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException ignored) { /* unparseable */ }
            }
            throw new ArticleFormatException("unparseable saved time '" + value + "': expected ISO-8601 such as 2025-05-23T12:04:29Z", lineNumber);
        }

        static LocalDate parseDirectoryDate(String value, int lineNumber) throws ArticleFormatException {
            try {
                if (value.length() == 10) return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeParseException ignored) { /* reported below */ }
            throw new ArticleFormatException("unparseable directory date '" + value + "': expected yyyy-MM-dd", lineNumber);
        }

        /** The id from an NNN_<16 lowercase hex>.txt/.md name, else the first 16 hex of sha-256(relative path). */
        static String idFor(String relativePath) {
            String fileName = relativePath.substring(relativePath.lastIndexOf('/') + 1);
            Matcher m = ARCHIVER_FILE_NAME.matcher(fileName);
            if (m.matches()) return m.group(1);
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(relativePath.getBytes(StandardCharsets.UTF_8));
                StringBuilder hex = new StringBuilder(16);
                for (int i = 0; i < 8; i++) hex.append(String.format(Locale.ROOT, "%02x", hash[i] & 0xFF));
                return hex.toString();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    // ------------------------------------------------------------------ HTML to text

    /**
     * Plain text of the original summary's HTML: tags dropped (anchor text stays, link targets and images go),
     * &lt;br&gt; and block tags become line breaks, script/style bodies dropped, entities decoded, lines trimmed and
     * at most one blank line in a row. A '<' that opens no tag is text; a tag cut off at the end is dropped.
     */
    static final class HtmlToText {
        static final Set<String> LINE_BREAK_TAGS = Set.of(
            "p", "div", "li", "ul", "ol", "tr", "table", "blockquote", "pre", "hr",
            "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer");

        static String convert(String html) {
            StringBuilder out = new StringBuilder(html.length());
            int textStart = 0;
            int i = 0;
            while (i < html.length()) {
                if (html.charAt(i) != '<' || !opensTag(html, i)) {
                    i++;
                    continue;
                }
                appendDecoded(out, html, textStart, i);
                int nameStart = i + 1;
                boolean closing = nameStart < html.length() && html.charAt(nameStart) == '/';
                int end;
                String name;
                if (html.startsWith("<!--", i)) {
                    int c = html.indexOf("-->", i + 4);
                    end = c < 0 ? html.length() : c + 3;
                    name = "!--";
                } else {
                    int n = closing ? nameStart + 1 : nameStart;
                    int nameEnd = n;
                    while (nameEnd < html.length() && isAsciiLetterOrDigit(html.charAt(nameEnd))) nameEnd++;
                    name = html.substring(n, nameEnd).toLowerCase(Locale.ROOT);
                    end = tagEnd(html, nameEnd);
                }
                if (name.equals("br") || (LINE_BREAK_TAGS.contains(name) && !endsWithLineBreak(out))) out.append('\n');
                if (!closing && (name.equals("script") || name.equals("style"))) {
                    int close = indexOfIgnoreCase(html, "</" + name, end);
                    end = close < 0 ? html.length() : tagEnd(html, close + 2 + name.length());
                }
                i = end;
                textStart = i;
            }
            appendDecoded(out, html, textStart, html.length());
            return tidyLines(out.toString());
        }

        // "a < b" and "<3" are text; only '<' followed by a letter, '/', '!' or '?' starts markup.
        static boolean opensTag(String html, int at) {
            if (at + 1 >= html.length()) return false;
            char c = html.charAt(at + 1);
            return (c < 128 && Character.isLetter(c)) || c == '/' || c == '!' || c == '?';
        }

        static boolean isAsciiLetterOrDigit(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }

        // A '>' inside a quoted attribute value (href="a>b") does not end the tag; a quote not right after '=' is
        // just a character. If the quotes never balance, the first '>' is the best guess.
        static int tagEnd(String html, int from) {
            char quote = 0;
            char previous = ' ';
            for (int i = from; i < html.length(); i++) {
                char c = html.charAt(i);
                if (quote != 0) {
                    if (c == quote) quote = 0;
                } else if ((c == '"' || c == '\'') && previous == '=') {
                    quote = c;
                } else if (c == '>') {
                    return i + 1;
                }
                if (!Character.isWhitespace(c)) previous = c;
            }
            int plain = html.indexOf('>', from);
            return plain < 0 ? html.length() : plain + 1;
        }

        static int indexOfIgnoreCase(String s, String what, int from) {
            for (int i = Math.max(0, from); i + what.length() <= s.length(); i++) {
                if (s.regionMatches(true, i, what, 0, what.length())) return i;
            }
            return -1;
        }

        static boolean endsWithLineBreak(StringBuilder out) {
            int i = out.length() - 1;
            while (i >= 0 && (out.charAt(i) == ' ' || out.charAt(i) == '\t' || out.charAt(i) == '\r')) i--;
            return i < 0 || out.charAt(i) == '\n';
        }

        // Decoding after the tags are gone keeps "&lt;b&gt;" as the text "<b>" rather than a tag. Source newlines
        // are kept (some summaries are plain text), except right after a tag's line break.
        static void appendDecoded(StringBuilder out, String html, int start, int end) {
            if (end <= start) return;
            String text = Entities.decode(html.substring(start, end)).replace('\u00A0', ' ');
            out.append(endsWithLineBreak(out) ? text.stripLeading() : text);
        }

        static String tidyLines(String text) {
            StringBuilder result = new StringBuilder(text.length());
            boolean pendingBlank = false;
            for (String raw : text.split("\n", -1)) {
                String line = raw.strip();
                if (line.isEmpty()) {
                    pendingBlank = result.length() > 0;
                    continue;
                }
                if (result.length() > 0) result.append(pendingBlank ? "\n\n" : "\n");
                result.append(line);
                pendingBlank = false;
            }
            return result.toString();
        }
    }

    /** Numeric references (&#39; &#x4e2d;) and the common named entities; anything else stays as written. */
    static final class Entities {
        static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00A0"), Map.entry("ensp", "\u2002"), Map.entry("emsp", "\u2003"),
            Map.entry("thinsp", "\u2009"), Map.entry("ndash", "\u2013"), Map.entry("mdash", "\u2014"),
            Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"), Map.entry("ldquo", "\u201C"),
            Map.entry("rdquo", "\u201D"), Map.entry("hellip", "\u2026"), Map.entry("middot", "\u00B7"),
            Map.entry("bull", "\u2022"), Map.entry("copy", "\u00A9"), Map.entry("reg", "\u00AE"),
            Map.entry("trade", "\u2122"), Map.entry("times", "\u00D7"), Map.entry("divide", "\u00F7"),
            Map.entry("deg", "\u00B0"), Map.entry("laquo", "\u00AB"), Map.entry("raquo", "\u00BB"),
            Map.entry("yen", "\u00A5"), Map.entry("euro", "\u20AC"), Map.entry("pound", "\u00A3"));

        static String decode(String s) {
            int amp = s.indexOf('&');
            if (amp < 0) return s;
            StringBuilder out = new StringBuilder(s.length());
            int copied = 0;
            while (amp >= 0) {
                int semi = s.indexOf(';', amp + 1);
                if (semi < 0) break;
                String replacement = semi - amp <= 12 ? resolve(s.substring(amp + 1, semi)) : null;
                if (replacement != null) {
                    out.append(s, copied, amp).append(replacement);
                    copied = semi + 1;
                    amp = s.indexOf('&', copied);
                } else {
                    amp = s.indexOf('&', amp + 1);
                }
            }
            return out.append(s, copied, s.length()).toString();
        }

        static String resolve(String name) {
            if (name.startsWith("#")) {
                try {
                    boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
                    int cp = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
                    return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return NAMED.get(name);
        }
    }

    // ------------------------------------------------------------------ hashtags

    static final class Hashtag {
        final String display;
        final String key;

        Hashtag(String display, String key) {
            this.display = display;
            this.key = key;
        }

        /** Trimmed, full-width folded, inner white space collapsed; the key is also lower-cased. */
        static Hashtag create(String raw) {
            String display = Text.collapseWhitespace(Text.foldWidth(raw).strip());
            return display.isEmpty() ? null : new Hashtag(display, display.toLowerCase(Locale.ROOT));
        }

        static String keyOf(String value) {
            return Text.collapseWhitespace(Text.foldWidth(value).strip()).toLowerCase(Locale.ROOT);
        }
    }

    /** Weibo-style #话题# and Twitter-style #word hashtags, per line, deduplicated by key in first-seen order. */
    static final class Hashtags {
        static final int MAX_WEIBO_TAG_LENGTH = 64;

        static List<Hashtag> extract(String... texts) {
            List<Hashtag> found = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String text : texts) {
                for (String line : text.split("\n", -1)) {
                    for (String raw : inLine(line)) {
                        Hashtag tag = Hashtag.create(raw);
                        if (tag != null && seen.add(tag.key)) found.add(tag);
                    }
                }
            }
            return found;
        }

        static List<String> inLine(String line) {
            List<String> tags = new ArrayList<>();
            int i = 0;
            while (i < line.length()) {
                if (line.charAt(i) != '#') {
                    i++;
                    continue;
                }
                int end = weiboTagEnd(line, i);
                if (end < 0) end = twitterTagEnd(line, i);
                if (end < 0) {
                    i++;
                } else {
                    tags.add(line.charAt(end - 1) == '#' ? line.substring(i + 1, end - 1) : line.substring(i + 1, end));
                    i = end;
                }
            }
            return tags;
        }

        // "#A##B#" pairs the first '#' with the next one. Content starting with a space means the '#' was no opener
        // ("C# and F#"); content ending in a space right before a word means the closing '#' opens a Twitter tag.
        static int weiboTagEnd(String line, int open) {
            int close = line.indexOf('#', open + 1);
            if (close < 0) return -1;
            String content = line.substring(open + 1, close);
            if (content.isEmpty() || content.codePointCount(0, content.length()) > MAX_WEIBO_TAG_LENGTH) return -1;
            if (Text.isWhiteSpace(content.charAt(0))) return -1;
            if (Text.isWhiteSpace(content.charAt(content.length() - 1)) && close + 1 < line.length() && isWordChar(line, close + 1))
                return -1;
            return close + 1;
        }

        // Preceded by start of line or white space; letters, digits, '_' (CJK included); not closed by a '#';
        // not all digits ("#1").
        static int twitterTagEnd(String line, int hash) {
            if (hash > 0 && !Text.isWhiteSpace(line.charAt(hash - 1))) return -1;
            int end = hash + 1;
            while (end < line.length() && isWordChar(line, end)) end++;
            if (end < line.length() && line.charAt(end) == '#') return -1;
            for (int i = hash + 1; i < end; i++) {
                char c = line.charAt(i);
                if (c < '0' || c > '9') return end;
            }
            return -1;
        }

        // Code points, so a surrogate pair (CJK Extension B) is one letter; marks keep Hindi or Thai words whole.
        static boolean isWordChar(String line, int at) {
            if (Character.isLowSurrogate(line.charAt(at)) && at > 0 && Character.isHighSurrogate(line.charAt(at - 1))) at--;
            int cp = line.codePointAt(at);
            if (cp == '_' || Character.isLetterOrDigit(cp)) return true;
            int type = Character.getType(cp);
            return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
        }
    }

    static final class Text {
        /** Full-width ASCII variants (U+FF01–U+FF5E) and the ideographic space become their half-width forms. */
        static String foldWidth(String s) {
            StringBuilder sb = null;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                char folded = c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c == '\u3000' ? ' ' : c;
                if (folded != c && sb == null) sb = new StringBuilder(s.length()).append(s, 0, i);
                if (sb != null) sb.append(folded);
            }
            return sb == null ? s : sb.toString();
        }

        static String collapseWhitespace(String s) {
            StringBuilder sb = new StringBuilder(s.length());
            boolean lastWasSpace = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (isWhiteSpace(c)) {
                    if (!lastWasSpace) sb.append(' ');
                    lastWasSpace = true;
                } else {
                    sb.append(c);
                    lastWasSpace = false;
                }
            }
            return sb.toString();
        }

        /** .NET's char.IsWhiteSpace: Java's isWhitespace leaves out the no-break spaces, isSpaceChar the controls. */
        static boolean isWhiteSpace(char c) {
            return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
        }
    }

    // ------------------------------------------------------------------ reporting

    static final class Problem {
        final String path;
        final int line;
        final String reason;

        Problem(String path, int line, String reason) {
            this.path = path;
            this.line = line;
            this.reason = reason;
        }

        @Override
        public String toString() {
            return path + (line > 0 ? ":" + line : "") + ": " + reason;
        }
    }

    /** What the parser found, so a parser reading nothing (wrong headings, say) is visible. */
    static final class Stats {
        final AtomicInteger indexed = new AtomicInteger();
        final AtomicInteger title = new AtomicInteger();
        final AtomicInteger url = new AtomicInteger();
        final AtomicInteger originalText = new AtomicInteger();
        final AtomicInteger aiSummary = new AtomicInteger();
        final AtomicInteger withHashtags = new AtomicInteger();
        final AtomicLong hashtags = new AtomicLong();
        final AtomicInteger source = new AtomicInteger();
        final AtomicInteger type = new AtomicInteger();
        final AtomicInteger date = new AtomicInteger();

        void add(Article a) {
            indexed.incrementAndGet();
            if (!a.title.isEmpty()) title.incrementAndGet();
            if (a.url != null) url.incrementAndGet();
            if (!a.originalText.isEmpty()) originalText.incrementAndGet();
            if (!a.aiSummary.isEmpty()) aiSummary.incrementAndGet();
            if (!a.hashtags.isEmpty()) withHashtags.incrementAndGet();
            hashtags.addAndGet(a.hashtags.size());
            if (a.source != null) source.incrementAndGet();
            if (a.type != null) type.incrementAndGet();
            if (a.date() != null) date.incrementAndGet();
        }

        String summary() {
            return "parsed " + indexed + " articles; non-empty: title " + title + ", url " + url + ", original summary "
                + originalText + ", AI summary " + aiSummary + ", hashtags " + withHashtags + " (" + hashtags
                + " in all), source " + source + ", type " + type + ", date " + date;
        }
    }

    static void reportProblems(ConcurrentLinkedQueue<Problem> problems) {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort((x, y) -> x.path.compareTo(y.path));
        for (int i = 0; i < sorted.size() && i < MAX_PROBLEMS_SHOWN; i++) ERR.println("skipped " + sorted.get(i));
        if (sorted.size() > MAX_PROBLEMS_SHOWN) ERR.println("... and " + (sorted.size() - MAX_PROBLEMS_SHOWN) + " more skipped");
    }

    /** Peak resident set size of this JVM (VmHWM), in bytes; -1 where /proc is not there. */
    static long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        } catch (IOException | NumberFormatException ignored) { /* not Linux */ }
        return -1;
    }

    static void fail(String message) {
        ERR.println("ReferenceIndexer: " + message);
        System.exit(1);
    }
}
