package org.letterarchive.search;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One search as a researcher asks it.
 *
 * @param query       the query text in the archive's query language; blank lists every letter
 * @param filters     selected facet values per facet (e.g. "signer" → keys); OR within a facet, AND across
 * @param signerMatch ANY: letters signed by any chosen organization; ALL: co-signed by all of them
 * @param from        earliest letter date, inclusive; null for no bound
 * @param to          latest letter date, inclusive; null for no bound
 * @param sort        the order of hits
 * @param page        1-based page number
 * @param size        hits per page
 * @param highlight   whether hits carry highlighted snippets
 * @param searchAfter the opaque cursor of the previous page ({@link SearchResult#next}); null for page-based
 *                    paging
 * @param collapseFamily one hit per letter family (its best-ranked member), with the family's make-up
 * @param answer      what the answer carries besides the hits: which facets at what size, the histogram, and
 *                    the number of snippets per hit; null for {@link Answer#FULL}
 */
public record SearchRequest(String query, Map<String, List<String>> filters, SignerMatch signerMatch,
                            LocalDate from, LocalDate to, SortOrder sort, int page, int size, boolean highlight,
                            String searchAfter, boolean collapseFamily, Answer answer) {

    /**
     * What a search answers besides its hits; a client asks only for what it shows.
     *
     * @param facets    the facet dimensions to count, each with the number of values to return, in order
     * @param histogram whether the answer carries the per-year (or per-month) histogram
     * @param snippets  highlighted snippets per hit (0: none)
     */
    public record Answer(Map<String, Integer> facets, boolean histogram, int snippets) {

        /** Most values one facet may return in a search's answer (every value: {@code /api/facets}). */
        public static final int MAX_FACET_SIZE = 1000;
        public static final int MAX_SNIPPETS = 10;
        public static final int DEFAULT_SNIPPETS = 3;
        /** The size of a facet named without one, and of every facet in the full answer. */
        public static final int DEFAULT_FACET_SIZE = 50;

        /** The answer when nothing is asked for: every facet at 50 values (every year and month), the histogram, 3 snippets. */
        public static final Answer FULL = full();

        public Answer {
            facets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facets));
            if (snippets < 0 || snippets > MAX_SNIPPETS) {
                throw new SearchException("'snippets' must be between 0 and " + MAX_SNIPPETS + ", not " + snippets);
            }
        }

        private static Answer full() {
            Map<String, Integer> f = new LinkedHashMap<>();
            for (String dim : org.letterarchive.index.IndexSchema.FACETS) {
                boolean dated = dim.equals(org.letterarchive.index.IndexSchema.F_YEAR) || dim.equals(org.letterarchive.index.IndexSchema.F_MONTH);
                f.put(dim, dated ? MAX_FACET_SIZE : DEFAULT_FACET_SIZE); // every year and month
            }
            return new Answer(f, true, DEFAULT_SNIPPETS);
        }

        /**
         * The answer a client asks for with {@code facets=dim:size,...} (a dimension without a size gets
         * {@value #DEFAULT_FACET_SIZE}; {@code histogram} adds the histogram, as does {@code year}; an empty
         * value asks for no facet) and {@code snippets=N}. A parameter left out keeps the full answer's part.
         */
        public static Answer parse(String facets, String snippets) {
            Map<String, Integer> f = FULL.facets;
            boolean histogram = FULL.histogram;
            if (facets != null) {
                f = new LinkedHashMap<>();
                histogram = false;
                for (String part : facets.split(",")) {
                    String p = part.strip();
                    if (p.isEmpty()) continue;
                    int colon = p.indexOf(':');
                    String dim = (colon < 0 ? p : p.substring(0, colon)).strip();
                    if (dim.equals("histogram") && colon < 0) {
                        histogram = true;
                        continue;
                    }
                    if (!RequestQuery.isFacet(dim)) {
                        throw new SearchException("unknown facet '" + dim + "' in 'facets': one of "
                                + String.join(", ", org.letterarchive.index.IndexSchema.FACETS) + ", or histogram");
                    }
                    int n = DEFAULT_FACET_SIZE;
                    if (colon >= 0) {
                        String v = p.substring(colon + 1).strip();
                        try {
                            n = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            throw new SearchException("the size of facet '" + dim + "' must be a whole number, not '" + v + "'");
                        }
                        if (n < 1 || n > MAX_FACET_SIZE) {
                            throw new SearchException("the size of facet '" + dim + "' must be between 1 and " + MAX_FACET_SIZE);
                        }
                    }
                    if (dim.equals(org.letterarchive.index.IndexSchema.F_YEAR)) histogram = true;
                    f.put(dim, n);
                }
            }
            int s = FULL.snippets;
            if (snippets != null && !snippets.isBlank()) {
                try {
                    s = Integer.parseInt(snippets.strip());
                } catch (NumberFormatException e) {
                    throw new SearchException("'snippets' must be a whole number, not '" + snippets.strip() + "'");
                }
            }
            return new Answer(f, histogram, s);
        }

        /** The {@code facets} parameter that asks for this answer's facets and histogram. */
        public String facetsParam() {
            StringBuilder b = new StringBuilder();
            facets.forEach((dim, n) -> b.append(b.length() == 0 ? "" : ",").append(dim).append(':').append(n));
            if (histogram && !facets.containsKey(org.letterarchive.index.IndexSchema.F_YEAR)) {
                b.append(b.length() == 0 ? "" : ",").append("histogram");
            }
            return b.toString();
        }
    }

    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;

    public enum SignerMatch { any, all }

    public enum SortOrder { relevance, newest, oldest, signers }

    public SearchRequest {
        query = query == null ? "" : query.strip();
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (filters != null) {
            filters.forEach((k, v) -> {
                List<String> values = v == null ? List.of() : v.stream().filter(s -> s != null && !s.isBlank()).distinct().toList();
                if (!values.isEmpty()) copy.put(k, values);
            });
        }
        filters = Map.copyOf(copy);
        if (signerMatch == null) signerMatch = SignerMatch.any;
        if (sort == null) sort = query.isEmpty() ? SortOrder.newest : SortOrder.relevance;
        if (page < 1) page = 1;
        if (size < 1) size = DEFAULT_SIZE;
        if (searchAfter != null && searchAfter.isBlank()) searchAfter = null;
        if (answer == null) answer = Answer.FULL;
    }

    public SearchRequest(String query, Map<String, List<String>> filters, SignerMatch signerMatch,
                         LocalDate from, LocalDate to, SortOrder sort, int page, int size, boolean highlight,
                         String searchAfter, boolean collapseFamily) {
        this(query, filters, signerMatch, from, to, sort, page, size, highlight, searchAfter, collapseFamily, null);
    }

    public SearchRequest(String query, Map<String, List<String>> filters, SignerMatch signerMatch,
                         LocalDate from, LocalDate to, SortOrder sort, int page, int size, boolean highlight,
                         String searchAfter) {
        this(query, filters, signerMatch, from, to, sort, page, size, highlight, searchAfter, false);
    }

    public SearchRequest(String query, Map<String, List<String>> filters, SignerMatch signerMatch,
                         LocalDate from, LocalDate to, SortOrder sort, int page, int size, boolean highlight) {
        this(query, filters, signerMatch, from, to, sort, page, size, highlight, null);
    }

    /** The same search, one hit per letter family or not. */
    public SearchRequest withCollapse(boolean collapse) {
        return new SearchRequest(query, filters, signerMatch, from, to, sort, page, size, highlight, searchAfter, collapse, answer);
    }

    /** The same search with another answer (facets, histogram, snippets). */
    public SearchRequest withAnswer(Answer a) {
        return new SearchRequest(query, filters, signerMatch, from, to, sort, page, size, highlight, searchAfter, collapseFamily, a);
    }

    /** Whether hits carry snippets: highlighting on and at least one snippet asked for. */
    public boolean snippets() {
        return highlight && answer.snippets() > 0;
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, Map.of(), SearchRequest.SignerMatch.any, null, null, null, 1, DEFAULT_SIZE, true);
    }

    public SearchRequest withFilter(String facet, String... values) {
        Map<String, List<String>> f = new LinkedHashMap<>(filters);
        f.put(facet, List.of(values));
        return new SearchRequest(query, f, signerMatch, from, to, sort, page, size, highlight, searchAfter, collapseFamily, answer);
    }

    public List<String> filter(String facet) {
        return filters.getOrDefault(facet, List.of());
    }
}
