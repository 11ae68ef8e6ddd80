package org.letterarchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.index.LetterIndex;
import org.letterarchive.index.LetterSearcher;

/**
 * Runs searches: query parsing, drill-sideways facets, sorting, paging and highlighted snippets.
 * Every call borrows a searcher from the index and gives it back.
 */
public final class SearchService {

    public static final int MAX_QUERY_LENGTH = 1000;
    /** Deepest hit a page may reach; past it, a narrower query is needed. */
    public static final int MAX_DEPTH = 10_000;
    public static final int FACET_TOP_N = 50;
    private static final String[] QUERY_FIELDS = {IndexSchema.TITLE, IndexSchema.TEXT, IndexSchema.SIGNER_TEXT, IndexSchema.RECIPIENT_TEXT};
    private static final Map<String, Float> BOOSTS = Map.of(IndexSchema.TITLE, 3f, IndexSchema.SIGNER_TEXT, 2f,
            IndexSchema.RECIPIENT_TEXT, 2f, IndexSchema.TEXT, 1f);

    private final LetterIndex index;
    private final FacetsConfig facetsConfig;
    private final UnaryOperator<String> signerLabel;

    /**
     * @param signerLabel the display name of an organization key (facet values are keys)
     */
    public SearchService(LetterIndex index, UnaryOperator<String> signerLabel) {
        this.index = index;
        this.facetsConfig = index.schema().facetsConfig();
        this.signerLabel = signerLabel;
    }

    public SearchResult search(SearchRequest request) {
        int size = Math.min(request.size(), SearchRequest.MAX_SIZE);
        if (request.size() > SearchRequest.MAX_SIZE) {
            throw new SearchException("size must be at most " + SearchRequest.MAX_SIZE);
        }
        int depth = (request.page() - 1) * size + size;
        if ((long) (request.page() - 1) * size + size > MAX_DEPTH) {
            throw new SearchException("page too deep: results are available up to hit " + MAX_DEPTH
                    + "; narrow the search with filters or a date range");
        }
        Query base = baseQuery(request);
        try {
            LetterSearcher searcher = index.acquire();
            try {
                return run(searcher, request, base, size, depth);
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the query text; blank means every letter. */
    public Query parse(String text) {
        if (text == null || text.isBlank()) return new MatchAllDocsQuery();
        if (text.length() > MAX_QUERY_LENGTH) {
            throw new SearchException("query too long: at most " + MAX_QUERY_LENGTH + " characters");
        }
        QueryParser parser = new MultiFieldQueryParser(QUERY_FIELDS, index.schema().analyzer(), BOOSTS);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setAllowLeadingWildcard(false);
        try {
            return parser.parse(text);
        } catch (ParseException e) {
            String msg = e.getMessage();
            int nl = msg.indexOf('\n');
            throw new SearchException("cannot parse the query: " + (nl > 0 ? msg.substring(0, nl) : msg), e);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new SearchException("query too complex: more than " + IndexSearcher.getMaxClauseCount() + " clauses", e);
        }
    }

    private Query baseQuery(SearchRequest request) {
        Query q = parse(request.query());
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST);
        if (request.from() != null || request.to() != null) {
            long lo = request.from() == null ? Long.MIN_VALUE + 1 : request.from().toEpochDay();
            long hi = request.to() == null ? Long.MAX_VALUE : request.to().toEpochDay();
            if (lo > hi) throw new SearchException("'from' is after 'to'");
            b.add(LongPoint.newRangeQuery(IndexSchema.DATE, lo, hi), BooleanClause.Occur.FILTER);
        }
        if (request.signerMatch() == SearchRequest.SignerMatch.all) {
            for (String key : request.filter(IndexSchema.F_SIGNER)) {
                b.add(new TermQuery(DrillDownQuery.term(facetsConfig.getDimConfig(IndexSchema.F_SIGNER).indexFieldName,
                        IndexSchema.F_SIGNER, key)), BooleanClause.Occur.FILTER);
            }
        }
        return b.build();
    }

    private SearchResult run(LetterSearcher searcher, SearchRequest request, Query base, int size, int depth) throws IOException {
        DrillDownQuery ddq = new DrillDownQuery(facetsConfig, base);
        request.filters().forEach((dim, values) -> {
            if (!isFacet(dim)) throw new SearchException("unknown facet '" + dim + "'");
            if (dim.equals(IndexSchema.F_SIGNER) && request.signerMatch() == SearchRequest.SignerMatch.all) return;
            ddq.add(dim, values.toArray(String[]::new));
        });
        if (searcher.facetState() == null) {
            return new SearchResult(0, request.page(), size, List.of(), Map.of(), List.of());
        }
        DrillSideways ds = new DrillSideways(searcher, facetsConfig, searcher.facetState());
        Sort sort = sortOf(request.sort());
        DrillSideways.DrillSidewaysResult r = ds.search(ddq, null, null, depth, sort, sort != null);
        long total = 0;
        for (FacetsCollector.MatchingDocs md : r.drillDownFacetsCollector.getMatchingDocs()) total += md.totalHits;

        ScoreDoc[] page = pageOf(r.hits, request.page(), size);
        List<String[]> snippets = request.highlight() && !request.query().isEmpty()
                ? highlight(searcher, base, page) : null;
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (int i = 0; i < page.length; i++) {
            Document d = searcher.storedFields().document(page[i].doc);
            IndexSchema.Summary s = IndexSchema.readSummary(d.getBinaryValue(IndexSchema.SUMMARY));
            List<String> snip = snippets == null ? List.of() : List.of(snippets.get(i));
            Float score = Float.isNaN(page[i].score) ? null : page[i].score;
            hits.add(new SearchResult.Hit(s.id(), s.title(), s.date(), s.language(), s.format(), s.recipients(),
                    s.signerCount(), s.topSigners(), snip, score));
        }
        Map<String, List<SearchResult.FacetValue>> facets = facets(r.facets, request);
        return new SearchResult(total, request.page(), size, hits, facets, histogram(r.facets));
    }

    private static ScoreDoc[] pageOf(TopDocs top, int page, int size) {
        int from = (page - 1) * size;
        if (from >= top.scoreDocs.length) return new ScoreDoc[0];
        int to = Math.min(top.scoreDocs.length, from + size);
        ScoreDoc[] out = new ScoreDoc[to - from];
        System.arraycopy(top.scoreDocs, from, out, 0, out.length);
        return out;
    }

    private List<String[]> highlight(LetterSearcher searcher, Query query, ScoreDoc[] page) throws IOException {
        if (page.length == 0) return List.of();
        UnifiedHighlighter hl = UnifiedHighlighter.builder(searcher, index.schema().analyzer())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(200_000)
                .withHandleMultiTermQuery(true)
                .withHighlightPhrasesStrictly(true)
                .build();
        int[] docs = new int[page.length];
        for (int i = 0; i < page.length; i++) docs[i] = page[i].doc;
        Map<String, String[]> byField = hl.highlightFields(new String[] {IndexSchema.TEXT}, query, docs, new int[] {3});
        String[] text = byField.get(IndexSchema.TEXT);
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < page.length; i++) {
            String s = text == null ? null : text[i];
            out.add(s == null || s.isBlank() ? new String[0]
                    : java.util.Arrays.stream(s.split(" … ")).map(p -> p.replaceAll("\\s+", " ").strip()).toArray(String[]::new));
        }
        return out;
    }

    private Map<String, List<SearchResult.FacetValue>> facets(Facets facets, SearchRequest request) throws IOException {
        Map<String, List<SearchResult.FacetValue>> out = new LinkedHashMap<>();
        for (String dim : IndexSchema.FACETS) {
            int n = dim.equals(IndexSchema.F_YEAR) ? 200 : FACET_TOP_N;
            FacetResult fr;
            try {
                fr = facets.getTopChildren(n, dim);
            } catch (IllegalArgumentException e) {
                fr = null; // no letter has this dimension yet
            }
            List<SearchResult.FacetValue> values = new ArrayList<>();
            if (fr != null) {
                for (LabelAndValue lv : fr.labelValues) {
                    values.add(new SearchResult.FacetValue(lv.label, label(dim, lv.label), lv.value.longValue()));
                }
            }
            if (dim.equals(IndexSchema.F_YEAR)) values.sort(Comparator.comparing(SearchResult.FacetValue::value).reversed());
            out.put(dim, values);
        }
        return out;
    }

    private List<SearchResult.FacetValue> histogram(Facets facets) throws IOException {
        FacetResult fr;
        try {
            fr = facets.getAllChildren(IndexSchema.F_YEAR);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        if (fr == null) return List.of();
        List<SearchResult.FacetValue> values = new ArrayList<>();
        for (LabelAndValue lv : fr.labelValues) values.add(new SearchResult.FacetValue(lv.label, lv.label, lv.value.longValue()));
        values.sort(Comparator.comparing(SearchResult.FacetValue::value));
        return values;
    }

    private String label(String dim, String value) {
        if (dim.equals(IndexSchema.F_SIGNER)) {
            String l = signerLabel.apply(value);
            return l == null ? value : l;
        }
        return value;
    }

    private static boolean isFacet(String dim) {
        for (String f : IndexSchema.FACETS) if (f.equals(dim)) return true;
        return false;
    }

    private static Sort sortOf(SearchRequest.SortOrder order) {
        return switch (order) {
            case relevance -> null;
            case newest -> {
                SortField f = new SortField(IndexSchema.DATE, SortField.Type.LONG, true);
                f.setMissingValue(Long.MIN_VALUE); // undated letters last
                yield new Sort(f, SortField.FIELD_DOC);
            }
            case oldest -> {
                SortField f = new SortField(IndexSchema.DATE, SortField.Type.LONG, false);
                f.setMissingValue(Long.MAX_VALUE);
                yield new Sort(f, SortField.FIELD_DOC);
            }
            case signers -> new Sort(new SortField(IndexSchema.SIGNER_COUNT, SortField.Type.LONG, true),
                    new SortField(IndexSchema.DATE, SortField.Type.LONG, true));
        };
    }
}
