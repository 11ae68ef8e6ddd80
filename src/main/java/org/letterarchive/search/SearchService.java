package org.letterarchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.index.LetterIndex;
import org.letterarchive.index.LetterSearcher;

/**
 * Runs searches: query parsing, drill-sideways facets, sorting, paging, the date histogram and highlighted
 * snippets. Facet value lists, match explanations and exports are in {@link FacetLister},
 * {@link MatchExplainer} and {@link Exporter}, reached through this service. Every call borrows a searcher
 * from the index and gives it back.
 */
public final class SearchService {

    public static final int MAX_QUERY_LENGTH = LetterQueryParser.MAX_QUERY_LENGTH;
    /** Deepest hit a numbered page may reach; past it, page with the {@code searchAfter} cursor. */
    public static final int MAX_DEPTH = 10_000;
    private static final int SNIPPET_CHARS = 160;
    private static final int HIGHLIGHT_EXPANSION = 25;

    /** Answers kept per searcher (as many as Solr's query result cache keeps by default); pages larger than {@link #CACHED_PAGE} are not kept. */
    public static final int DEFAULT_ANSWERS = 512;
    private static final int CACHED_PAGE = 100;
    private static final String ANSWERS = "answers";

    private final LetterIndex index;
    private final FacetsConfig facetsConfig;
    private final UnaryOperator<String> signerLabel;
    private final LongSupplier namesVersion;
    private final int answers;
    private final long answerBytes = AnswerCache.defaultMaxBytes();
    private final FacetLister facetLister;
    private final MatchExplainer explainer;
    private final Exporter exporter;
    /** See {@link #PAGE_PASS_FROM}. */
    private final long pagePassFrom;

    /**
     * @param signerLabel the display name of an organization key (facet values are keys)
     */
    /** A service that keeps no answers: every search is run (what the in-process benches measure). */
    public SearchService(LetterIndex index, UnaryOperator<String> signerLabel) {
        this(index, signerLabel, () -> 0, 0);
    }

    /**
     * @param signerLabel  the display name of an organization key (facet values are keys)
     * @param namesVersion changes whenever a display name may have changed
     * @param answers      answers kept per searcher for requests asked again; 0 keeps none
     */
    public SearchService(LetterIndex index, UnaryOperator<String> signerLabel, LongSupplier namesVersion, int answers) {
        this(index, signerLabel, namesVersion, answers, PAGE_PASS_FROM);
    }

    /** @param pagePassFrom letters a phrase search must be able to find to be found in two passes ({@link #find}) */
    SearchService(LetterIndex index, UnaryOperator<String> signerLabel, LongSupplier namesVersion, int answers,
                  long pagePassFrom) {
        if (answers < 0) throw new IllegalArgumentException("answers kept must be 0 or more, not " + answers);
        this.index = index;
        this.facetsConfig = index.schema().facetsConfig();
        this.signerLabel = signerLabel;
        this.namesVersion = namesVersion;
        this.answers = answers;
        this.pagePassFrom = pagePassFrom;
        this.facetLister = new FacetLister(index, this::label);
        this.explainer = new MatchExplainer(index);
        this.exporter = new Exporter(index);
    }

    public FacetLister facets() {
        return facetLister;
    }

    public MatchExplainer explainer() {
        return explainer;
    }

    public Exporter exporter() {
        return exporter;
    }

    public SearchResult search(SearchRequest request) {
        int size = request.size();
        int offset = offset(request);
        RequestQuery rq = new RequestQuery(request, index.schema().analyzer(), facetsConfig);
        try {
            LetterSearcher searcher = index.acquire();
            try {
                AnswerCache kept = answers == 0 || size > CACHED_PAGE ? null
                        : searcher.derived(ANSWERS, k -> new AnswerCache(answers, answerBytes));
                AnswerCache.Key key = kept == null ? null : new AnswerCache.Key(request, namesVersion.getAsLong());
                SearchResult known = kept == null ? null : kept.get(key);
                if (known != null) return known;
                rq.checkExpansion(searcher);
                SearchResult answer = run(searcher, rq, offset, size);
                if (kept != null) kept.put(key, answer);
                return answer;
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The offset of a page's first hit (0 with a cursor); refuses pages too large or too deep. */
    static int offset(SearchRequest request) {
        int size = request.size();
        if (size > SearchRequest.MAX_SIZE) {
            throw new SearchException("size " + size + " too large: at most " + SearchRequest.MAX_SIZE + " hits per page");
        }
        if (request.collapseFamily() && request.searchAfter() != null) {
            throw new SearchException("collapse=family pages by number: searchAfter is not supported with it");
        }
        int offset = 0;
        if (request.searchAfter() == null) {
            long depth = (long) request.page() * size;
            if (depth > MAX_DEPTH) {
                throw new SearchException("page " + request.page() + " too deep: numbered pages reach hit " + MAX_DEPTH
                        + "; page further with searchAfter (the 'next' cursor of each page) or narrow the search");
            }
            offset = (request.page() - 1) * size;
        }
        return offset;
    }

    private static final IndexSchema CHECKING = new IndexSchema();

    /**
     * Refuses, with the embedded index's messages, what no index may answer: unknown facets, 'from' after 'to',
     * malformed queries or queries past the parser's limits, pages too large or too deep. Returns the offset of
     * the page's first hit. For other implementations of {@link SearchBackend}, which then pass the query
     * text on (its wildcard expansion limit is the embedded index's alone: it counts index terms).
     */
    public static int check(SearchRequest request) {
        int offset = offset(request);
        new RequestQuery(request, CHECKING.analyzer(), CHECKING.facetsConfig());
        return offset;
    }

    /** Parses query text into a Lucene query; blank means every letter. */
    public Query parse(String text) {
        return LetterQueryParser.parse(text, index.schema().analyzer());
    }

    private SearchResult run(LetterSearcher searcher, RequestQuery rq, int offset, int size) throws IOException {
        SearchRequest request = rq.request;
        boolean cursorPaging = request.searchAfter() != null;
        int page = cursorPaging ? 1 : request.page();
        Sort sort = sortOf(request.sort());
        ScoreDoc after = cursorPaging
                ? Cursor.decode(request.searchAfter(), request.sort(), sort)
                : null;
        if (!searcher.hasFacets()) {
            return new SearchResult(0, page, size, List.of(), Map.of(), List.of(), "year", 0, null);
        }
        int want = offset + size + 1; // one more tells whether a next page exists
        Found r = find(searcher, rq, after, want, sort);
        long total = 0;
        for (FacetsCollector.MatchingDocs md : r.matching().getMatchingDocs()) total += md.totalHits;

        ScoreDoc[] pageDocs;
        boolean more;
        String next;
        FamilyCollapse.Page collapsed = null;
        if (request.collapseFamily()) {
            collapsed = FamilyCollapse.page(searcher, r.matching(), offset, size,
                    n -> sort == null ? searcher.search(rq.drillDown(), n) : searcher.search(rq.drillDown(), n, sort, true),
                    r.hits());
            pageDocs = collapsed.docs();
            more = collapsed.more();
            next = null;
        } else {
            pageDocs = slice(r.hits(), offset, size);
            more = r.hits().scoreDocs.length > offset + size;
            next = more && pageDocs.length > 0 ? Cursor.encode(request.sort(), pageDocs[pageDocs.length - 1]) : null;
        }

        // the rest side by side on the search threads: the dimensions shown, the histogram, the page's summaries
        // and snippets
        LetterSearcher.Counts counts = r.counts();
        List<Callable<Void>> work = new ArrayList<>(counts.counting(shown(request)));
        IndexSchema.Summary[] summaries = new IndexSchema.Summary[pageDocs.length];
        work.add(() -> {
            StoredFields stored = searcher.storedFields();
            for (int i = 0; i < pageDocs.length; i++) summaries[i] = IndexSchema.summaryOf(stored, pageDocs[i].doc);
            return null;
        });
        DateHistogram.Result[] histogram = {DateHistogram.NONE};
        if (request.answer().histogram()) {
            long dated = total;
            work.add(() -> {
                histogram[0] = DateHistogram.of(r.matching(), dated);
                return null;
            });
        }
        String[] highlighted = null;
        if (request.snippets() && !request.query().isEmpty() && pageDocs.length > 0) {
            highlighted = new String[pageDocs.length];
            work.addAll(highlighting(searcher, highlightQuery(searcher, rq), pageDocs, request.answer().snippets(), highlighted));
        }
        searcher.getTaskExecutor().invokeAll(work);
        List<String[]> snippets = highlighted == null ? null : snippets(highlighted);
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (int i = 0; i < pageDocs.length; i++) {
            IndexSchema.Summary s = summaries[i];
            List<String> snip = snippets == null ? List.of() : List.of(snippets.get(i));
            Float score = Float.isNaN(pageDocs[i].score) ? null : pageDocs[i].score;
            hits.add(new SearchResult.Hit(s.id(), s.title(), s.date(), s.language(), s.format(), s.recipients(),
                    s.signerCount(), s.topSigners(), snip, score));
            if (collapsed != null) hits.set(i, hits.get(i).withFamily(FamilyCollapse.family(searcher, pageDocs[i].doc)));
        }
        Map<String, List<SearchResult.FacetValue>> facets = facets(counts, request, shownLabels(searcher));
        return new SearchResult(total, page, size, hits, facets, histogram[0].buckets(), histogram[0].unit(),
                histogram[0].undated(), next, collapsed == null ? null : collapsed.families());
    }

    /** A search's hits: every one as its facets count them, the first {@code want} in order, and the counts. */
    private record Found(FacetsCollector matching, TopDocs hits, LetterSearcher.Counts counts) {}

    /**
     * Finds the hits. Drill sideways collects them, scoring each, with the page's hits and, when facet values are
     * ticked, the near-misses each ticked dimension counts. A phrase search without ticked values that may find many
     * letters is found in two passes instead: its hits collected unscored, as facets and histogram need them (a
     * phrase is then matched up to its first occurrence in a letter, where scoring counts every occurrence), then
     * the page's hits by a pass that skips letters which cannot enter the page (Lucene's block-max WAND on scores, or
     * the date's points for a date order). Both give the same hits in the same order with the same scores.
     */
    private Found find(LetterSearcher searcher, RequestQuery rq, ScoreDoc after, int want, Sort sort) throws IOException {
        DrillDownQuery query = rq.drillDown();
        if (!rq.drillsDown() && rq.phrase && mayFind(searcher, query) >= pagePassFrom) {
            int n = Math.max(1, Math.min(want, searcher.getIndexReader().maxDoc())); // as drill sideways bounds it
            FacetsCollector matching = searcher.search(query, new FacetsCollectorManager());
            TopDocs hits = sort == null
                    ? searcher.search(query, new TopScoreDocCollectorManager(n, after, SKIP_AFTER))
                    : searcher.search(query, new TopFieldCollectorManager(sort, n, (FieldDoc) after, SKIP_AFTER));
            return new Found(matching, hits, searcher.facets(matching, Map.of()));
        }
        LetterSearcher counting = searcher; // in the subclass, "searcher" is drill sideways' own field
        DrillSideways ds = new DrillSideways(searcher, facetsConfig, (SortedSetDocValuesReaderState) null) {
            @Override
            protected Facets buildFacetsResult(FacetsCollector drillDowns, FacetsCollector[] sideways, String[] sidewaysDims)
                    throws IOException {
                // counted below, side by side: only the dimensions the answer shows (each its own doc-values field)
                Map<String, FacetsCollector> side = new HashMap<>();
                if (sideways != null) for (int i = 0; i < sideways.length; i++) side.put(sidewaysDims[i], sideways[i]);
                return counting.facets(drillDowns, side);
            }
        };
        DrillSideways.DrillSidewaysResult r = sort == null
                ? ds.search(after, query, want)
                : ds.search(query, null, (FieldDoc) after, want, sort, false);
        return new Found(r.drillDownFacetsCollector, r.hits, (LetterSearcher.Counts) r.facets);
    }

    /** Hits counted exactly before the page's pass may skip letters (Lucene's default). */
    private static final int SKIP_AFTER = 1000;

    /**
     * Letters a phrase search must be able to find to be found in two passes ({@link #find}): with fewer, the second
     * pass costs more than not scoring every hit saves. Measured at 100,000 generated letters: phrases of 28,000 to
     * 34,000 hits took 0.2–0.4 ms longer in two passes, phrases of 50,000 to 57,000 took 3–5 ms less; at 1M, the
     * bench's phrases (280,000 to 575,000 hits) took 7–44 ms less. Single words gain little or lose: a word's hit
     * is scored from its count in the letter, without reading where it stands.
     */
    private static final long PAGE_PASS_FROM = 40_000;

    /** At most how many letters a query may find, as its scorers estimate it (a phrase: its rarest word's letters). */
    private static long mayFind(IndexSearcher searcher, Query query) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        long n = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            ScorerSupplier scorers = weight.scorerSupplier(leaf);
            if (scorers != null) n += scorers.cost();
        }
        return n;
    }

    private static ScoreDoc[] slice(TopDocs top, int from, int size) {
        if (from >= top.scoreDocs.length) return new ScoreDoc[0];
        int to = Math.min(top.scoreDocs.length, from + size);
        return Arrays.copyOfRange(top.scoreDocs, from, to);
    }

    /**
     * The query to mark in snippets, rewritten once for the page: each wildcard or fuzzy term becomes its most
     * frequent words, instead of being expanded again for every hit.
     */
    private Query highlightQuery(LetterSearcher searcher, RequestQuery rq) throws IOException {
        Query q;
        try {
            q = searcher.rewrite(LetterQueryParser.parse(rq.request.query(), index.schema().analyzer(),
                    new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(HIGHLIGHT_EXPANSION)));
        } catch (IndexSearcher.TooManyClauses e) {
            q = rq.text; // many wildcards: let the highlighter expand them per hit
        }
        // on the exact text alone, whose postings carry the offsets; stemmed words as the exact words they stand for
        return SnippetQuery.of(q, searcher, index.schema().analyzer());
    }

    /**
     * Tasks that highlight the page in as many parts as there are search threads, each part's passages into
     * {@code text} at its hits' places.
     */
    private List<Callable<Void>> highlighting(LetterSearcher searcher, Query query, ScoreDoc[] page, int snippets, String[] text) {
        int parts = Math.min(page.length, searcher.threads());
        List<Callable<Void>> tasks = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            int from = p * page.length / parts, to = (p + 1) * page.length / parts;
            tasks.add(() -> {
                int[] docs = new int[to - from];
                for (int i = from; i < to; i++) docs[i - from] = page[i].doc;
                String[] part = highlighter(searcher).highlightFields(new String[] {IndexSchema.TEXT}, query, docs, new int[] {snippets})
                        .get(IndexSchema.TEXT);
                if (part != null) System.arraycopy(part, 0, text, from, part.length);
                return null;
            });
        }
        return tasks;
    }

    /** Each hit's passages, one string per passage. */
    private static List<String[]> snippets(String[] text) {
        List<String[]> out = new ArrayList<>(text.length);
        for (String s : text) {
            out.add(s == null || s.isBlank() ? new String[0]
                    : Arrays.stream(s.split(" … ")).map(p -> p.replaceAll("\\s+", " ").strip())
                            .filter(p -> !p.isEmpty()).toArray(String[]::new));
        }
        return out;
    }

    private static final PassageScoring PASSAGE_SCORING = new PassageScoring();

    private UnifiedHighlighter highlighter(LetterSearcher searcher) {
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, index.schema().analyzer())
                // escape=true: the letter's text is HTML-escaped, only <mark> is markup
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withScorer(PASSAGE_SCORING)
                .withMaxLength(200_000)
                .withHandleMultiTermQuery(true)
                .withHighlightPhrasesStrictly(true)
                // passages of about SNIPPET_CHARS cut between words: a sentence iterator is slow on long texts
                // with few sentence ends (signature lists, PDF columns), and gives unbounded passages
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        new WordStartBreakIterator(), SNIPPET_CHARS, 0.5f));
        return new UnifiedHighlighter(builder) {
            @Override
            protected OffsetSource getOffsetSource(String field) {
                // the schema's: the exact text's postings carry offsets (asked of the index, the highlighter
                // merges every segment's field infos for each call)
                return OffsetSource.POSTINGS;
            }
        };
    }

    /** The facet dimensions an answer lists values of: those asked for, months only within chosen years. */
    private static List<String> shown(SearchRequest request) {
        return request.answer().facets().keySet().stream().filter(dim -> !monthsHidden(dim, request)).toList();
    }

    private static boolean monthsHidden(String dim, SearchRequest request) {
        return dim.equals(IndexSchema.F_MONTH) && request.filter(IndexSchema.F_YEAR).isEmpty()
                && request.filter(IndexSchema.F_MONTH).isEmpty();
    }

    /**
     * The display names of facet values, each made once per searcher and organization names' version: the answers
     * kept for a searcher then share one string per name, where each would hold its own copy.
     */
    private BinaryOperator<String> shownLabels(LetterSearcher searcher) {
        Map<String, String> signers = searcher.derived("signer labels, names " + namesVersion.getAsLong(),
                k -> new ConcurrentHashMap<>());
        return (dim, value) -> dim.equals(IndexSchema.F_SIGNER) ? signers.computeIfAbsent(value, v -> label(dim, v)) : label(dim, value);
    }

    private Map<String, List<SearchResult.FacetValue>> facets(Facets facets, SearchRequest request,
                                                              BinaryOperator<String> labels) throws IOException {
        Map<String, List<SearchResult.FacetValue>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> asked : request.answer().facets().entrySet()) {
            String dim = asked.getKey();
            int topN = asked.getValue();
            boolean dated = dim.equals(IndexSchema.F_YEAR) || dim.equals(IndexSchema.F_MONTH);
            List<String> years = request.filter(IndexSchema.F_YEAR);
            if (monthsHidden(dim, request)) {
                out.put(dim, List.of()); // months are listed within the chosen years
                continue;
            }
            FacetResult fr;
            try {
                fr = facets.getTopChildren(topN, dim); // years and months: the most frequent, newest first
            } catch (IllegalArgumentException e) {
                fr = null; // no letter has this dimension yet
            }
            List<SearchResult.FacetValue> values = new ArrayList<>();
            if (fr != null) {
                for (LabelAndValue lv : fr.labelValues) {
                    if (dim.equals(IndexSchema.F_MONTH) && !years.isEmpty()
                            && years.stream().noneMatch(y -> lv.label.startsWith(y + "-"))) continue;
                    values.add(new SearchResult.FacetValue(lv.label, labels.apply(dim, lv.label), lv.value.longValue()));
                }
            }
            if (dated) values.sort(Comparator.comparing(SearchResult.FacetValue::value).reversed());
            out.put(dim, values);
        }
        return out;
    }

    String label(String dim, String value) {
        if (dim.equals(IndexSchema.F_SIGNER)) {
            String l = signerLabel.apply(value);
            return l == null ? value : l;
        }
        return value;
    }

    /** The Lucene sort of an order; null for relevance. */
    static Sort sortOf(SearchRequest.SortOrder order) {
        return switch (order) {
            case relevance -> null;
            case newest -> new Sort(date(true));
            case oldest -> new Sort(date(false));
            case signers -> new Sort(new SortField(IndexSchema.SIGNER_COUNT, SortField.Type.INT, true), date(true));
        };
    }

    private static SortField date(boolean newestFirst) {
        SortField f = new SortField(IndexSchema.DATE, SortField.Type.LONG, newestFirst);
        f.setMissingValue(newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE); // undated letters last
        return f;
    }
}
