package org.letterarchive.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.ConcurrentSortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.index.LetterIndex;
import org.letterarchive.search.SearchRequest;

/**
 * The same searches as {@link org.letterarchive.search.SearchService}, written straight against Lucene:
 * queries built by hand (no query parser), DrillSideways with the same facet state, the same facet
 * reads, the page's stored documents and UnifiedHighlighter snippets for the same page. What the
 * service adds on top of this is its own cost.
 */
final class LuceneBaseline implements Closeable {

    /** The fields and boosts the service's query parser searches for a bare word (exact and stemmed copies). */
    private static final String[] FIELDS = {IndexSchema.TITLE, IndexSchema.TITLE_STEM, IndexSchema.TEXT, IndexSchema.TEXT_STEM,
            IndexSchema.SIGNER_TEXT, IndexSchema.RECIPIENT_TEXT};
    private static final float[] BOOSTS = {3f, 1.5f, 1f, 0.5f, 2f, 2f};

    private final FSDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final ExecutorService pool;
    private final FacetsConfig config;
    private final Map<String, SortedSetDocValuesReaderState> states = new java.util.HashMap<>();
    private final Analyzer analyzer;
    private final UnifiedHighlighter highlighter;

    /** The name of a thread of the baseline's search pool begins with this. */
    static final String SEARCH_THREAD = "lucene-search-";

    LuceneBaseline(Path indexDir, IndexSchema schema) throws IOException {
        this.directory = FSDirectory.open(indexDir);
        this.reader = DirectoryReader.open(directory);
        // as many search threads as the archive's index uses (-Dletters.search.threads, default: the cores)
        this.pool = LetterIndex.searchPool(LetterIndex.defaultSearchThreads(), SEARCH_THREAD);
        // Lucene's own concurrency when there is a pool: segments searched in its default slices, each dimension
        // counted by ConcurrentSortedSetDocValuesFacetCounts
        this.searcher = new IndexSearcher(reader, pool);
        this.config = schema.facetsConfig();
        for (String dim : IndexSchema.FACETS) {
            String field = config.getDimConfig(dim).indexFieldName;
            if (reader.leaves().stream().anyMatch(l -> l.reader().getFieldInfos().fieldInfo(field) != null)) {
                states.put(dim, new DefaultSortedSetDocValuesReaderState(reader, field, config));
            }
        }
        this.analyzer = schema.analyzer();
        this.highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(200_000)
                .withHandleMultiTermQuery(true)
                .withHighlightPhrasesStrictly(true)
                .build();
    }

    /** Runs one search the way the service does; returns the number of matching letters. */
    long search(SearchRequest request) throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(textQuery(request.query()), BooleanClause.Occur.MUST);
        if (request.from() != null || request.to() != null) {
            b.add(LongPoint.newRangeQuery(IndexSchema.DATE, request.from().toEpochDay(), request.to().toEpochDay()),
                    BooleanClause.Occur.FILTER);
        }
        boolean all = request.signerMatch() == SearchRequest.SignerMatch.all;
        if (all) {
            String field = config.getDimConfig(IndexSchema.F_SIGNER).indexFieldName;
            for (String key : request.filter(IndexSchema.F_SIGNER)) {
                b.add(new TermQuery(DrillDownQuery.term(field, IndexSchema.F_SIGNER, key)), BooleanClause.Occur.FILTER);
            }
        }
        Query base = b.build();
        DrillDownQuery ddq = new DrillDownQuery(config, base);
        for (Map.Entry<String, List<String>> f : request.filters().entrySet()) {
            if (all && f.getKey().equals(IndexSchema.F_SIGNER)) continue;
            ddq.add(f.getKey(), f.getValue().toArray(String[]::new));
        }
        Map<String, Integer> asked = request.answer().facets();
        // the asked dimensions only, each from its own doc-values field (drill-sideways for the filtered ones)
        DrillSideways ds = new DrillSideways(searcher, config, (SortedSetDocValuesReaderState) null) {
            @Override
            protected Facets buildFacetsResult(FacetsCollector drillDowns, FacetsCollector[] sideways, String[] dims)
                    throws IOException {
                for (String dim : asked.keySet()) {
                    FacetsCollector hits = drillDowns;
                    for (int i = 0; sideways != null && i < sideways.length; i++) if (dims[i].equals(dim)) hits = sideways[i];
                    SortedSetDocValuesReaderState st = states.get(dim);
                    if (st != null) counts(st, hits).getTopChildren(asked.get(dim), dim);
                }
                return null;
            }
        };
        DrillSideways.DrillSidewaysResult r = ds.search(ddq, request.size());
        long total = 0;
        for (FacetsCollector.MatchingDocs md : r.drillDownFacetsCollector.getMatchingDocs()) total += md.totalHits;

        ScoreDoc[] hits = r.hits.scoreDocs;
        int[] docs = new int[hits.length];
        for (int i = 0; i < hits.length; i++) {
            docs[i] = hits[i].doc;
            Document d = searcher.storedFields().document(hits[i].doc);
            if (d.getBinaryValue(IndexSchema.SUMMARY) == null) throw new IllegalStateException("a hit without its summary");
        }
        if (docs.length > 0 && request.snippets()) {
            highlighter.highlightFields(new String[] {IndexSchema.TEXT}, base, docs, new int[] {request.answer().snippets()});
        }
        return total;
    }

    private Facets counts(SortedSetDocValuesReaderState state, FacetsCollector hits) throws IOException {
        if (pool == null) return new SortedSetDocValuesFacetCounts(state, hits);
        try {
            return new ConcurrentSortedSetDocValuesFacetCounts(state, hits, pool);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while counting " + state.getField());
        }
    }

    /** A word on every text field, a "quoted phrase" on the exact ones, with the service's boosts. */
    private Query textQuery(String q) {
        boolean phrase = q.length() > 1 && q.startsWith("\"") && q.endsWith("\"");
        String raw = phrase ? q.substring(1, q.length() - 1) : q;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (int i = 0; i < FIELDS.length; i++) {
            if (phrase && FIELDS[i].endsWith(".stem")) continue; // quoted text: the exact fields only, as the service
            List<String> tokens = tokens(FIELDS[i], raw);
            if (tokens.isEmpty()) continue;
            Query fq = tokens.size() == 1 ? new TermQuery(new Term(FIELDS[i], tokens.get(0)))
                    : new PhraseQuery(FIELDS[i], tokens.toArray(String[]::new));
            b.add(BOOSTS[i] == 1f ? fq : new BoostQuery(fq, BOOSTS[i]), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    private List<String> tokens(String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        try (directory) {
            reader.close();
        } finally {
            if (pool != null) pool.shutdown();
        }
    }
}
