package org.letterarchive.search;

import java.util.List;
import java.util.Map;

/**
 * One page of a search: the total, the hits, the facet counts and the date histogram for the whole result.
 *
 * @param total     number of letters that match
 * @param page      the page returned, 1-based (1 when the page was asked for with a cursor)
 * @param size      hits per page
 * @param hits      this page's hits
 * @param facets    per facet, its values with counts (drill-sideways: a selected facet keeps the counts of
 *                  its other values)
 * @param histogram dated matching letters per year, or per month ({@code histogramUnit}) when they span two
 *                  years or less, oldest first; the counts sum to {@code total - undated}
 * @param histogramUnit "year" or "month"
 * @param undated   matching letters without a date (not in the histogram)
 * @param next      opaque cursor for the page after this one (pass it as {@code searchAfter}); null on the
 *                  last page
 * @param families  with {@code collapse=family}: the number of letter families among the matching letters
 */
public record SearchResult(long total, int page, int size, List<Hit> hits, Map<String, List<FacetValue>> facets,
                           List<FacetValue> histogram, String histogramUnit, long undated, String next,
                           @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                           Long families) {

    public SearchResult(long total, int page, int size, List<Hit> hits, Map<String, List<FacetValue>> facets,
                        List<FacetValue> histogram, String histogramUnit, long undated, String next) {
        this(total, page, size, hits, facets, histogram, histogramUnit, undated, next, null);
    }

    /**
     * One matching letter, as a result list shows it; {@code family} (with {@code collapse=family}) gives its
     * family id, its relation and the family's members by relation.
     */
    public record Hit(String id, String title, String date, String language, String format,
                      List<Map<String, Object>> recipients, int signerCount, List<String> topSigners,
                      List<String> snippets, Float score,
                      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                      Map<String, Object> family) {
        public Hit(String id, String title, String date, String language, String format, List<Map<String, Object>> recipients,
                   int signerCount, List<String> topSigners, List<String> snippets, Float score) {
            this(id, title, date, language, format, recipients, signerCount, topSigners, snippets, score, null);
        }

        public Hit withFamily(Map<String, Object> f) {
            return new Hit(id, title, date, language, format, recipients, signerCount, topSigners, snippets, score, f);
        }
    }

    /** One facet value: what to filter on, what to show, and how many letters have it. */
    public record FacetValue(String value, String label, long count) {}
}
