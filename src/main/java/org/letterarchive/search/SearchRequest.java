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
 */
public record SearchRequest(String query, Map<String, List<String>> filters, SignerMatch signerMatch,
                            LocalDate from, LocalDate to, SortOrder sort, int page, int size, boolean highlight,
                            String searchAfter, boolean collapseFamily) {

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
        return new SearchRequest(query, filters, signerMatch, from, to, sort, page, size, highlight, searchAfter, collapse);
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, Map.of(), SearchRequest.SignerMatch.any, null, null, null, 1, DEFAULT_SIZE, true);
    }

    public SearchRequest withFilter(String facet, String... values) {
        Map<String, List<String>> f = new LinkedHashMap<>(filters);
        f.put(facet, List.of(values));
        return new SearchRequest(query, f, signerMatch, from, to, sort, page, size, highlight, searchAfter, collapseFamily);
    }

    public List<String> filter(String facet) {
        return filters.getOrDefault(facet, List.of());
    }
}
