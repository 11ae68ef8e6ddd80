package org.letterarchive.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.search.FacetLister;
import org.letterarchive.search.SearchRequest;
import org.letterarchive.search.SearchBackend;
import org.letterarchive.search.SearchService;

/**
 * GET /api/search: query parameters in, one page of results with facets and histogram out; GET
 * /api/facets/{facet}: one facet's values, by prefix; GET /api/letters/{id}?q=…: a letter with why it matches.
 */
final class SearchController {

    private final SearchBackend search;
    private final org.letterarchive.search.MatchExplainer explainer;
    private final LetterController letters;

    /** @param explainer why a letter matches a search (read from the embedded index, whichever answers searches) */
    SearchController(SearchBackend search, org.letterarchive.search.MatchExplainer explainer, LetterController letters) {
        this.search = search;
        this.explainer = explainer;
        this.letters = letters;
    }

    void search(Context ctx) {
        // facets=dim:size,...,histogram and snippets=N: only what the client shows; left out, the full answer
        SearchRequest.Answer answer = SearchRequest.Answer.parse(ctx.queryParam("facets"), ctx.queryParam("snippets"));
        ctx.json(SignerResolution.annotate(ctx, search.search(request(ctx).withAnswer(answer))));
    }

    void facetValues(Context ctx) {
        String facet = ctx.pathParam("facet");
        FacetLister.Order sort = enumParam(ctx, "sort", FacetLister.Order.class);
        SearchRequest filters = request(ctx, false);
        int limit = intParam(ctx, "limit", FacetLister.DEFAULT_LIMIT);
        if (limit > FacetLister.MAX_LIMIT) throw ApiException.badRequest("'limit' must be at most " + FacetLister.MAX_LIMIT);
        ctx.json(search.facetValues(facet, ctx.queryParam("prefix"), sort, limit, filters));
    }

    /** A letter as {@code LetterController} shows it, plus a {@code match} object for the search in the query. */
    void letterWithMatch(Context ctx) {
        String id = ctx.pathParam("id");
        Map<String, Object> view = new LinkedHashMap<>(letters.view(letters.find(id)));
        view.put("match", explainer.explain(id, request(ctx)).orElse(null));
        ctx.json(view);
    }

    /** True when the request carries a search to explain (any of the search parameters). */
    static boolean hasSearch(Context ctx) {
        if (ctx.queryParam("q") != null || ctx.queryParam("from") != null || ctx.queryParam("to") != null) return true;
        for (String facet : IndexSchema.FACETS) if (!ctx.queryParams(facet).isEmpty()) return true;
        return false;
    }

    /** Reads a search from query parameters; every facet is a repeatable parameter named after it. */
    static SearchRequest request(Context ctx) {
        return request(ctx, true);
    }

    /**
     * @param paged false where sort and paging parameters mean something else (the facet value list has its
     *              own {@code sort}) or nothing
     */
    static SearchRequest request(Context ctx, boolean paged) {
        String collapse = ctx.queryParam("collapse");
        if (collapse != null && !collapse.isBlank() && !collapse.strip().equals("family") && !collapse.strip().equals("none")) {
            throw ApiException.badRequest("'collapse' must be 'family' or 'none'");
        }
        return requestOf(ctx, paged).withCollapse(paged && collapse != null && collapse.strip().equals("family"));
    }

    private static SearchRequest requestOf(Context ctx, boolean paged) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String facet : IndexSchema.FACETS) {
            List<String> values = ctx.queryParams(facet);
            if (!values.isEmpty()) filters.put(facet, values);
        }
        return SignerResolution.apply(ctx, new SearchRequest(
                ctx.queryParam("q"),
                filters,
                enumParam(ctx, "signerMatch", SearchRequest.SignerMatch.class),
                dateParam(ctx, "from", false),
                dateParam(ctx, "to", true),
                paged ? enumParam(ctx, "sort", SearchRequest.SortOrder.class) : null,
                paged ? intParam(ctx, "page", 1) : 1,
                paged ? intParam(ctx, "size", SearchRequest.DEFAULT_SIZE) : SearchRequest.DEFAULT_SIZE,
                !"false".equals(ctx.queryParam("highlight")),
                paged ? ctx.queryParam("searchAfter") : null));
    }

    static int intParam(Context ctx, String name, int dflt) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return dflt;
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 1) throw ApiException.badRequest("'" + name + "' must be 1 or more");
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'" + name + "' must be a whole number, not '" + v + "'");
        }
    }

    static <E extends Enum<E>> E enumParam(Context ctx, String name, Class<E> type) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        for (E e : type.getEnumConstants()) if (e.name().equalsIgnoreCase(v.strip())) return e;
        throw ApiException.badRequest("'" + name + "' must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }

    /** A date, or a year (YYYY) or month (YYYY-MM) taken as its first or last day. */
    static LocalDate dateParam(Context ctx, String name, boolean endOfPeriod) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        v = v.strip();
        try {
            if (v.matches("\\d{4}")) {
                int y = Integer.parseInt(v);
                return endOfPeriod ? LocalDate.of(y, 12, 31) : LocalDate.of(y, 1, 1);
            }
            if (v.matches("\\d{4}-\\d{2}")) {
                LocalDate first = LocalDate.parse(v + "-01");
                return endOfPeriod ? first.withDayOfMonth(first.lengthOfMonth()) : first;
            }
            return LocalDate.parse(v);
        } catch (java.time.DateTimeException e) {
            throw ApiException.badRequest("'" + name + "' must be a date as YYYY-MM-DD, YYYY-MM or YYYY, not '" + v + "'");
        }
    }
}
