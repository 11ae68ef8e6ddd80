package org.letterarchive.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.letterarchive.corpus.Json;
import org.letterarchive.search.OrganizationService;
import org.letterarchive.search.SearchRequest;

/**
 * The {@code signer} filter of every search route takes any spelling, acronym or alias: each value is
 * resolved to the organization it names before the search runs, and the search's answer says what each
 * value resolved to (and, for a name that matches none, the closest organizations).
 */
final class SignerResolution {

    static final String SERVICE = "letters.organizations";
    private static final String RESULT = "letters.signerResolution";

    private SignerResolution() {}

    /** Makes the service reachable from the request (set before every route). */
    static void install(Context ctx, OrganizationService orgs) {
        ctx.attribute(SERVICE, orgs);
    }

    /** The request with its signer values resolved (unchanged when there are none or no service). */
    static SearchRequest apply(Context ctx, SearchRequest request) {
        OrganizationService orgs = ctx.attribute(SERVICE);
        if (orgs == null || request.filter("signer").isEmpty()) return request;
        OrganizationService.ResolvedRequest r = orgs.resolveSigners(request);
        ctx.attribute(RESULT, r.signers());
        return r.request();
    }

    /** The response body: {@code result} as is, plus {@code signerResolution} when signer values were given. */
    static Object annotate(Context ctx, Object result) {
        List<OrganizationService.Resolution> res = ctx.attribute(RESULT);
        if (res == null || res.isEmpty()) return result;
        @SuppressWarnings("unchecked")
        Map<String, Object> body = Json.mapper().convertValue(result, LinkedHashMap.class);
        List<Map<String, Object>> notes = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (OrganizationService.Resolution r : res) notes.add(describe(r, unknown));
        body.put("signerResolution", notes);
        if (!unknown.isEmpty()) {
            body.put("notice", String.join("; ", unknown));
        }
        return body;
    }

    static Map<String, Object> describe(OrganizationService.Resolution r, List<String> unknown) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", r.input());
        if (r.matches().isEmpty()) {
            m.put("key", null);
            m.put("match", "none");
            m.put("closest", r.closest());
            String closest = r.closest().isEmpty() ? "" : "; closest: "
                    + String.join(", ", r.closest().stream().limit(3).map(c -> c.label() + " (" + c.key() + ")").toList());
            unknown.add("'" + r.input() + "' matches no organization, so no letter" + closest);
        } else {
            OrganizationService.Match best = r.matches().get(0);
            m.put("key", best.key());
            m.put("label", best.label());
            m.put("match", best.match());
            m.put("letters", best.letters());
        }
        return m;
    }
}
