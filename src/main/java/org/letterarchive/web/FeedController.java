package org.letterarchive.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.letterarchive.letter.LetterId;
import org.letterarchive.search.OrganizationService;
import org.letterarchive.search.SearchRequest;
import org.letterarchive.search.SearchResult;
import org.letterarchive.search.SearchBackend;
import org.letterarchive.search.SearchService;

/**
 * Atom feeds, so researchers follow a search or an organization in a feed reader: the newest letters first,
 * each entry's id the letter's permanent id ({@code urn:letter-archive:letter:<sha-256>}), the feed's id
 * derived from its search alone; links use the configured base URL, never the request's Host header.
 */
final class FeedController {

    static final int ENTRIES = 50;
    private final SearchBackend search;
    private final OrganizationService orgs;

    /** links point here: the configured base URL, never the Host header a request carries */
    private final String baseUrl;

    FeedController(SearchBackend search, OrganizationService orgs, String baseUrl) {
        this.baseUrl = baseUrl;
        this.search = search;
        this.orgs = orgs;
    }

    void searchFeed(Context ctx) {
        SearchRequest r = newest(SearchController.request(ctx, false)); // signer names already resolved
        SearchResult result = search.search(r);
        String title = "Letter Archive: " + describe(r);
        Map<String, List<String>> params = canonical(ctx);
        send(ctx, result, title, "urn:letter-archive:search:" + digest(params.toString()),
                "/?" + query(params), "/api/search.atom?" + query(params));
    }

    void organizationFeed(Context ctx) {
        String name = ctx.pathParam("key");
        String key = orgs.resolve(name).key();
        if (key == null) throw ApiException.notFound("organization '" + name + "'");
        SearchRequest r = newest(SearchRequest.of("")).withFilter("signer", key);
        SearchResult result = search.search(r);
        String enc = java.net.URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
        send(ctx, result, "Letter Archive: letters signed by " + orgs.label(key),
                "urn:letter-archive:organization:" + digest(key), "/organization.html?key=" + enc,
                "/api/organizations/" + enc + "/letters.atom");
    }

    private static SearchRequest newest(SearchRequest r) {
        return new SearchRequest(r.query(), r.filters(), r.signerMatch(), r.from(), r.to(), SearchRequest.SortOrder.newest,
                1, ENTRIES, false);
    }

    private static String describe(SearchRequest r) {
        StringBuilder sb = new StringBuilder(r.query().isEmpty() ? "all letters" : "letters matching '" + r.query() + "'");
        r.filters().forEach((k, v) -> sb.append(", ").append(k).append(' ').append(String.join(" or ", v)));
        if (r.from() != null) sb.append(", from ").append(r.from());
        if (r.to() != null) sb.append(", to ").append(r.to());
        return sb.toString();
    }

    /** The feed's search parameters in a fixed order (paging and sort are not part of a feed). */
    private static Map<String, List<String>> canonical(Context ctx) {
        Map<String, List<String>> m = new TreeMap<>();
        ctx.queryParamMap().forEach((k, v) -> {
            if (List.of("page", "size", "sort", "searchAfter", "highlight").contains(k)) return;
            List<String> vs = v.stream().filter(x -> x != null && !x.isBlank()).sorted().toList();
            if (!vs.isEmpty()) m.put(k, vs);
        });
        return m;
    }

    private static String query(Map<String, List<String>> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, vs) -> vs.forEach(v -> {
            if (sb.length() > 0) sb.append('&');
            sb.append(enc(k)).append('=').append(enc(v));
        }));
        return sb.toString();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String digest(String s) {
        MessageDigest d = LetterId.digest();
        return HexFormat.of().formatHex(d.digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
    }


    private void send(Context ctx, SearchResult result, String title, String id, String html, String self) {
        String base = baseUrl;
        String updated = result.hits().stream().map(SearchResult.Hit::date).filter(d -> d != null).findFirst()
                .map(FeedController::instant).orElse("1970-01-01T00:00:00Z");
        String body = NetworkFormats.xml(w -> {
            w.writeStartElement("feed");
            w.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            element(w, "id", id);
            element(w, "title", title);
            element(w, "updated", updated);
            link(w, "self", "application/atom+xml", base + self);
            link(w, "alternate", "text/html", base + html);
            w.writeStartElement("author");
            element(w, "name", "Letter Archive");
            w.writeEndElement();
            element(w, "generator", "Letter Archive");
            for (SearchResult.Hit h : result.hits()) {
                w.writeStartElement("entry");
                element(w, "id", "urn:letter-archive:letter:" + h.id());
                element(w, "title", h.title() == null || h.title().isBlank() ? "(untitled letter)" : h.title());
                String when = h.date() == null ? "1970-01-01T00:00:00Z" : instant(h.date());
                element(w, "updated", when);
                if (h.date() != null) element(w, "published", when);
                link(w, "alternate", "text/html", base + "/letter.html?id=" + h.id());
                link(w, "enclosure", null, base + "/api/letters/" + h.id() + "/file");
                element(w, "summary", summary(h));
                w.writeEndElement();
            }
            w.writeEndElement();
        });
        ctx.contentType("application/atom+xml; charset=utf-8");
        ctx.result(body);
    }

    private static String summary(SearchResult.Hit h) {
        StringBuilder sb = new StringBuilder();
        sb.append(h.date() == null ? "Undated" : h.date()).append(". ");
        List<String> to = h.recipients().stream().map(r -> r.get("name") != null ? String.valueOf(r.get("name")) : String.valueOf(r.get("role"))).toList();
        if (!to.isEmpty()) sb.append("To ").append(String.join("; ", to)).append(". ");
        sb.append(h.signerCount()).append(h.signerCount() == 1 ? " signer" : " signers");
        if (!h.topSigners().isEmpty()) sb.append(": ").append(String.join("; ", h.topSigners())).append(h.signerCount() > h.topSigners().size() ? "; …" : "");
        return sb.append('.').toString();
    }

    private static String instant(String date) {
        return LocalDate.parse(date).atStartOfDay().toInstant(ZoneOffset.UTC).toString();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(NetworkFormats.clean(text));
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String type, String href) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        if (type != null) w.writeAttribute("type", type);
        w.writeAttribute("href", href);
    }
}
