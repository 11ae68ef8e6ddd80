package org.letterarchive.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Signer;

/**
 * The one owner of the index: its Directory, IndexWriter and SearcherManager. Writes go through
 * {@link #upsert} / {@link #delete}; {@link #commit} makes them durable and visible. Searches borrow a
 * searcher with {@link #acquire} and give it back with {@link #release}.
 */
public final class LetterIndex implements Closeable {

    private final IndexSchema schema = new IndexSchema();
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    // near-real-time view for family detection: letters indexed but not yet committed (never for searches)
    private final SearcherManager latest;
    private Function<Letter, IndexSchema.FamilyFields> families;
    // a second index every write is copied to (a SolrCloud collection), or null
    private volatile org.letterarchive.search.SearchBackend mirror;
    // the threads a search shares its work with (segments, facet dimensions, snippets), or null for one thread
    private final ExecutorService searchThreads;

    private LetterIndex(Directory directory, int searchThreads) throws IOException {
        this.directory = directory;
        this.searchThreads = searchPool(searchThreads, SEARCH_THREAD);
        IndexWriterConfig config = new IndexWriterConfig(schema.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64)
                .setCodec(schema.codec())
                // a read-mostly archive: fewer, larger segments (fewer ordinal maps to cross when counting facets)
                .setMergePolicy(new org.apache.lucene.index.TieredMergePolicy().setSegmentsPerTier(4).setFloorSegmentMB(16));
        IndexWriter w;
        try {
            w = new IndexWriter(directory, config);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
        this.writer = w;
        boolean stale = !sameSchema(writer);
        writer.setLiveCommitData(Map.of(SCHEMA_KEY, Integer.toString(IndexSchema.VERSION)).entrySet());
        if (stale) {
            // built with other fields or analysis: drop it; Archive.heal() re-indexes every letter from the corpus
            writer.deleteAll();
            writer.commit();
        }
        FacetSearcherFactory factory = new FacetSearcherFactory(schema, this.searchThreads);
        this.searchers = new SearcherManager(writer, true, false, factory);
        this.latest = new SearcherManager(writer, true, false, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                IndexSearcher s = new IndexSearcher(reader);
                s.setQueryCache(null); // family detection's look-ups are each asked once: caching them only costs
                return s;
            }
        });
    }

    private static final String SCHEMA_KEY = "schema";

    /** The name of a search pool thread begins with this. */
    public static final String SEARCH_THREAD = "letters-search-";

    /**
     * A pool of {@code n} daemon threads for searches, named {@code prefix} and a number, or null when {@code n} ≤ 1.
     * A search waiting for its tasks runs those not yet started itself (Lucene's {@code TaskExecutor}), so searches
     * never wait on each other's tasks, and one searching alone uses every core.
     */
    public static ExecutorService searchPool(int n, String prefix) {
        if (n <= 1) return null;
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** True for an empty index, or one whose last commit was made with this schema version. */
    private static boolean sameSchema(IndexWriter writer) {
        if (writer.getDocStats().maxDoc == 0) return true;
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data == null) return false;
        for (Map.Entry<String, String> e : data) {
            if (e.getKey().equals(SCHEMA_KEY)) return e.getValue().equals(Integer.toString(IndexSchema.VERSION));
        }
        return false;
    }

    /**
     * The threads a search may use at once ({@code -Dletters.search.threads=N}; default: the cores, 1: none
     * but the searching thread).
     */
    public static int defaultSearchThreads() {
        return Integer.getInteger("letters.search.threads", Runtime.getRuntime().availableProcessors());
    }

    /** Opens the index in {@code dir}, creating it when missing. */
    public static LetterIndex open(Path dir) throws IOException {
        Files.createDirectories(dir);
        return new LetterIndex(FSDirectory.open(dir), defaultSearchThreads());
    }

    /** An index that lives in the given directory (in memory for tests and benchmarks). */
    public static LetterIndex open(Directory directory) throws IOException {
        return open(directory, defaultSearchThreads());
    }

    /** An index in the given directory whose searches use up to {@code searchThreads} threads at once. */
    public static LetterIndex open(Directory directory, int searchThreads) throws IOException {
        return new LetterIndex(directory, searchThreads);
    }

    public IndexSchema schema() {
        return schema;
    }

    /** Adds a letter, or replaces the one with the same id. Visible after {@link #commit}. */
    public void upsert(Letter letter, Function<Signer, String> signerKey) throws IOException {
        IndexSchema.FamilyFields family = families == null ? null : families.apply(letter);
        Document doc = schema.facetsConfig().build(schema.toDocument(letter, signerKey, family));
        writer.updateDocument(new Term(IndexSchema.ID, letter.id()), doc);
        var m = mirror;
        if (m != null) m.index(letter, signerKey, family);
    }

    public void delete(String id) throws IOException {
        writer.deleteDocuments(new Term(IndexSchema.ID, id));
        var m = mirror;
        if (m != null) m.delete(id);
    }

    public void deleteAll() throws IOException {
        writer.deleteAll();
        var m = mirror;
        if (m != null) m.deleteAll();
    }

    /**
     * Makes every write so far durable, then visible to searches; then commits the mirror, so a write is
     * acknowledged only once both hold it.
     */
    public void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
        var m = mirror;
        if (m != null) m.commit();
    }

    /**
     * Copies every later write (upsert with its family fields, delete, commit) to another index, e.g. a
     * SolrCloud collection searched instead of this one; null stops copying. This index stays the one that
     * family detection, organization profiles and the review queue read.
     */
    public void mirror(org.letterarchive.search.SearchBackend m) {
        this.mirror = m;
    }

    /** Where each indexed letter's family fields come from; null indexes letters without them. */
    public void families(Function<Letter, IndexSchema.FamilyFields> f) {
        this.families = f;
    }

    /** A searcher that sees every letter indexed so far, committed or not (family detection only). */
    public IndexSearcher acquireLatest() throws IOException {
        return latest.acquire();
    }

    public void releaseLatest(IndexSearcher s) throws IOException {
        latest.release(s);
    }

    /**
     * Letters written but still held in the writer's memory: a new near-real-time reader would first write them out
     * as a segment of their own (the writer writes one by itself when its buffer is full).
     */
    public int bufferedLetters() {
        return writer.numRamDocs();
    }

    public void refreshLatest() throws IOException {
        latest.maybeRefreshBlocking();
    }

    public LetterSearcher acquire() throws IOException {
        return (LetterSearcher) searchers.acquire();
    }

    public void release(LetterSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    /** Number of letters visible to searches. */
    public int count() throws IOException {
        LetterSearcher s = acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            release(s);
        }
    }

    /** The ids of the visible letters whose signer facet holds any of these organization keys. */
    public Set<String> idsWithSigner(Set<String> keys) throws IOException {
        Set<String> ids = new HashSet<>();
        if (keys.isEmpty()) return ids;
        String field = schema.facetsConfig().getDimConfig(IndexSchema.F_SIGNER).indexFieldName;
        List<BytesRef> terms = new ArrayList<>();
        for (String k : keys) terms.add(org.apache.lucene.facet.DrillDownQuery.term(field, IndexSchema.F_SIGNER, k).bytes());
        // a term set, not a BooleanQuery: a batch can teach thousands of aliases at once
        org.apache.lucene.search.Query q = new org.apache.lucene.search.TermInSetQuery(field, terms);
        LetterSearcher s = acquire();
        try {
            var stored = s.storedFields();
            for (org.apache.lucene.search.ScoreDoc d : s.search(q, Math.max(1, s.getIndexReader().maxDoc())).scoreDocs) {
                ids.add(stored.document(d.doc, Set.of(IndexSchema.ID)).get(IndexSchema.ID));
            }
        } finally {
            release(s);
        }
        return ids;
    }

    /** The ids of every letter visible to searches. */
    public Set<String> ids() throws IOException {
        Set<String> ids = new HashSet<>();
        LetterSearcher s = acquire();
        try {
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms(IndexSchema.ID);
                if (terms == null) continue;
                TermsEnum te = terms.iterator();
                var live = leaf.reader().getLiveDocs();
                BytesRef term;
                while ((term = te.next()) != null) {
                    var postings = te.postings(null);
                    int doc;
                    while ((doc = postings.nextDoc()) != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS) {
                        if (live == null || live.get(doc)) {
                            ids.add(term.utf8ToString());
                            break;
                        }
                    }
                }
            }
        } finally {
            release(s);
        }
        return ids;
    }

    @Override
    public void close() throws IOException {
        try (directory; writer; searchers; latest) {
            if (writer.isOpen() && writer.hasUncommittedChanges()) writer.commit();
        } finally {
            if (searchThreads != null) searchThreads.shutdown();
        }
    }

    private static final class FacetSearcherFactory extends SearcherFactory {
        private final IndexSchema schema;
        private final ExecutorService threads;

        FacetSearcherFactory(IndexSchema schema, ExecutorService threads) {
            this.schema = schema;
            this.threads = threads;
        }

        @Override
        public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader, org.apache.lucene.index.IndexReader previous) throws IOException {
            return new LetterSearcher(reader, schema.facetsConfig(), threads);
        }
    }
}
