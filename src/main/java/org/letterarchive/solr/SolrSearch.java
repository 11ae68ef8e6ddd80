package org.letterarchive.solr;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.impl.ZkClientClusterStateProvider;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.PivotField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.RangeFacet;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.util.NamedList;
import org.letterarchive.corpus.Json;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;
import org.letterarchive.search.Exporter;
import org.letterarchive.search.FacetLister;
import org.letterarchive.search.SearchBackend;
import org.letterarchive.search.SearchException;
import org.letterarchive.search.SearchRequest;
import org.letterarchive.search.SearchResult;
import org.letterarchive.search.SearchService;

/**
 * A SolrCloud collection behind {@link SearchBackend}: the archive's searches as Solr requests, over SolrJ's
 * JDK {@code HttpClient} client (no Jetty in the archive) to the cluster's live nodes, read from ZooKeeper.
 * The collection is made from the configset in the repository ({@code src/main/solr/configsets/letters})
 * when it is missing.
 *
 * <ul>
 * <li>the query text goes to edismax with the fields and boosts of the archive's query language, after the
 * archive's own parser has checked it (same refusals);
 * <li>facet filters are tagged filter queries and each facet excludes its own tag (drill-sideways);
 * {@code signerMatch=all} is one filter per organization, untagged;
 * <li>the histogram is a range facet on the date, by year or by month as the embedded index chooses;
 * <li>pages after the first, cursors and exports walk the result with {@code cursorMark}.
 * </ul>
 *
 * A request that cannot reach a node (it stopped, it is restarting) is sent again to another live node;
 * writes are idempotent (by id), so they are sent again too. Writes are buffered until {@link #commit},
 * which returns once the cluster has them durable and visible.
 */
public final class SolrSearch implements SearchBackend {

    public static final String CONFIGSET = "letters";
    static final String CONFIG_RESOURCE = "/solr/configsets/letters/conf/";
    static final List<String> CONFIG_FILES = List.of("schema.xml", "solrconfig.xml");
    private static final int BATCH = 500;
    private static final int EXPORT_BATCH = 1000;
    private static final int SNIPPET_CHARS = 160;

    /** Where the collection is and how a missing one is made. */
    public record Options(String zkHost, String collection, int shards, int replicas) {
        public Options {
            if (zkHost == null || zkHost.isBlank()) throw new IllegalArgumentException("a ZooKeeper address is needed (HOST:PORT[/chroot])");
            if (collection == null || collection.isBlank()) collection = "letters";
            if (shards < 1) shards = 2;
            if (replicas < 1) replicas = 2;
        }

        public static Options of(String zkHost, String collection) {
            return new Options(zkHost, collection, 2, 2);
        }
    }

    private final Options options;
    private final ZkClientClusterStateProvider cluster;
    private final Map<String, HttpJdkSolrClient> clients = new ConcurrentHashMap<>();
    private volatile UnaryOperator<String> signerLabel;
    private final List<SolrInputDocument> pending = new ArrayList<>();

    private SolrSearch(Options options, UnaryOperator<String> signerLabel) {
        this.options = options;
        this.signerLabel = signerLabel;
        this.cluster = new ZkClientClusterStateProvider(options.zkHost());
    }

    /**
     * Connects to the cluster, uploading the configset and creating the collection when missing.
     *
     * @param signerLabel the display name of an organization key (facet values are keys)
     */
    public static SolrSearch connect(Options options, UnaryOperator<String> signerLabel) throws IOException {
        SolrSearch s = new SolrSearch(options, signerLabel);
        try {
            s.cluster.connect();
            s.ensureCollection();
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public void signerLabels(UnaryOperator<String> label) {
        this.signerLabel = label;
    }

    public Options options() {
        return options;
    }

    @Override
    public String name() {
        return "solrcloud";
    }

    // ---------- the collection ----------

    private void ensureCollection() throws IOException {
        if (cluster.getState(options.collection()) != null) return;
        try {
            var zk = cluster.getZkStateReader().getZkClient();
            String dir = "/configs/" + CONFIGSET;
            if (!zk.exists(dir, true)) {
                for (String file : CONFIG_FILES) {
                    try (InputStream in = SolrSearch.class.getResourceAsStream(CONFIG_RESOURCE + file)) {
                        if (in == null) throw new IOException("the configset file " + file + " is missing from the class path");
                        zk.makePath(dir + "/" + file, in.readAllBytes(), true);
                    }
                }
            }
        } catch (org.apache.zookeeper.KeeperException e) {
            throw new IOException("uploading the configset to ZooKeeper failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        call(c -> {
            var create = CollectionAdminRequest.createCollection(options.collection(), CONFIGSET, options.shards(), options.replicas());
            create.setWaitForFinalState(true);
            return create.process(c);
        });
    }

    // ---------- writing ----------

    @Override
    public void index(Letter letter, Function<Signer, String> signerKey, IndexSchema.FamilyFields family) throws IOException {
        SolrInputDocument doc = document(letter, signerKey, family);
        List<SolrInputDocument> batch = null;
        synchronized (pending) {
            pending.add(doc);
            if (pending.size() >= BATCH) batch = take();
        }
        if (batch != null) send(batch);
    }

    private List<SolrInputDocument> take() {
        List<SolrInputDocument> b = new ArrayList<>(pending);
        pending.clear();
        return b;
    }

    private void flush() throws IOException {
        List<SolrInputDocument> batch;
        synchronized (pending) {
            batch = take();
        }
        if (!batch.isEmpty()) send(batch);
    }

    private void send(List<SolrInputDocument> batch) throws IOException {
        call(c -> {
            UpdateRequest u = new UpdateRequest();
            u.add(batch);
            return u.process(c, options.collection());
        });
    }

    @Override
    public void delete(String id) throws IOException {
        flush(); // a letter indexed before it is deleted is deleted
        call(c -> new UpdateRequest().deleteById(id).process(c, options.collection()));
    }

    @Override
    public void deleteAll() throws IOException {
        synchronized (pending) {
            pending.clear();
        }
        call(c -> new UpdateRequest().deleteByQuery("*:*").process(c, options.collection()));
    }

    @Override
    public void commit() throws IOException {
        flush();
        call(c -> c.commit(options.collection(), true, true));
    }

    /** The Solr document of a letter: the fields of {@link IndexSchema#toDocument}. */
    static SolrInputDocument document(Letter letter, Function<Signer, String> signerKey, IndexSchema.FamilyFields family) {
        SolrInputDocument d = new SolrInputDocument();
        d.setField("id", letter.id());
        d.setField("summary", new String(IndexSchema.summary(letter), StandardCharsets.UTF_8));
        if (letter.title() != null) d.setField("title_t", letter.title());
        d.setField("text_t", letter.text());
        if (letter.date() != null) {
            d.setField("date", letter.date().toEpochDay());
            d.setField("date_dt", java.util.Date.from(letter.date().atStartOfDay(ZoneOffset.UTC).toInstant()));
            d.addField(facet(IndexSchema.F_YEAR), IndexSchema.yearOf(letter.date()));
            d.addField(facet(IndexSchema.F_MONTH), IndexSchema.yearOf(letter.date()) + "-" + String.format("%02d", letter.date().getMonthValue()));
        }
        d.setField("signerCount", letter.signerCount());
        Set<String> keys = new LinkedHashSet<>();
        Set<String> kinds = new LinkedHashSet<>();
        for (Signer s : letter.signers()) {
            d.addField("signer", s.name());
            d.addField("signerNames", s.name());
            if (s.acronym() != null) d.addField("signer", s.acronym());
            if (s.affiliation() != null) d.addField("signer", s.affiliation());
            kinds.add(s.kind().name());
            String key = signerKey.apply(s);
            if (key != null && !key.isBlank()) keys.add(key);
        }
        keys.forEach(k -> d.addField(facet(IndexSchema.F_SIGNER), k));
        kinds.forEach(k -> d.addField(facet(IndexSchema.F_SIGNER_KIND), k));
        Set<String> recipients = new LinkedHashSet<>();
        Set<String> roles = new LinkedHashSet<>();
        for (Recipient r : letter.recipients()) {
            String words = String.join(" ", java.util.stream.Stream.of(r.name(), r.role(), r.organization())
                    .filter(p -> p != null && !p.isBlank()).toList());
            d.addField("recipient", words);
            if (r.label() != null && !r.label().isBlank()) recipients.add(r.label().strip());
            if (r.role() != null && !r.role().isBlank()) roles.add(r.role().strip());
        }
        recipients.forEach(v -> d.addField(facet(IndexSchema.F_RECIPIENT), v));
        roles.forEach(v -> d.addField(facet(IndexSchema.F_RECIPIENT_ROLE), v));
        if (letter.language() != null) d.addField(facet(IndexSchema.F_LANGUAGE), letter.language());
        if (letter.format() != null) d.addField(facet(IndexSchema.F_FORMAT), letter.format());
        d.addField(facet(IndexSchema.F_SIGNER_RANGE), IndexSchema.signerRange(letter.signerCount()));
        if (family != null) {
            d.setField("familyId", family.id());
            d.setField("familyRelation", family.relation());
            family.kinds().forEach(k -> d.addField(facet(IndexSchema.F_FAMILY), k));
        } else {
            d.setField("familyId", letter.id()); // a letter without family fields is a family of its own (collapse groups by it)
        }
        return d;
    }

    static String facet(String dim) {
        return "f_" + dim;
    }

    // ---------- reading ----------

    @Override
    public long count() throws IOException {
        SolrQuery q = new SolrQuery("*:*").setRows(0);
        return query(q).getResults().getNumFound();
    }

    @Override
    public SearchResult search(SearchRequest request) {
        int offset = SearchService.check(request);
        if (request.collapseFamily()) return collapsed(request, offset);
        int size = request.size();
        boolean cursorPaging = request.searchAfter() != null;
        int page = cursorPaging ? 1 : request.page();
        try {
            SolrQuery q = filtered(request, null);
            sort(q, request.sort());
            q.setFields("id", "summary", request.sort() == SearchRequest.SortOrder.relevance ? "score" : "id");
            q.setRows(size);
            // every page is a cursorMark page: the first from '*', a numbered one from the mark after its offset
            Cursor from = cursorPaging ? Cursor.decode(request.searchAfter()) : new Cursor(CursorMarkParams.CURSOR_MARK_START, 0);
            if (!cursorPaging && offset > 0) from = skip(request, offset);
            q.set(CursorMarkParams.CURSOR_MARK_PARAM, from.mark());
            // the facets asked for, each without its own filter (drill-sideways)
            Map<String, Integer> asked = request.answer().facets();
            if (!asked.isEmpty()) {
                q.setFacet(true);
                q.setFacetMinCount(1);
                q.setFacetSort("count");
                for (Map.Entry<String, Integer> a : asked.entrySet()) {
                    String f = facet(a.getKey());
                    q.add("facet.field", "{!ex=" + a.getKey() + " key=" + a.getKey() + "}" + f);
                    // every value, trimmed below: a distributed top N is approximate (a value counted in two shards
                    // may rank below the cut in each), the embedded index's is exact
                    q.set("f." + f + ".facet.limit", -1);
                }
            }
            if (request.answer().histogram()) {
                q.add("json.facet", "{dmin:\"min(date)\",dmax:\"max(date)\"}");
            }
            if (request.snippets() && !request.query().isEmpty()) highlight(q, request.answer().snippets());
            QueryResponse r = query(q);
            long total = r.getResults().getNumFound();
            int consumed = from.consumed() + r.getResults().size();
            boolean more = total > consumed;
            String next = more && !r.getResults().isEmpty() ? new Cursor(r.getNextCursorMark(), consumed).encode() : null;

            List<SearchResult.Hit> hits = new ArrayList<>();
            Map<String, Map<String, List<String>>> hl = r.getHighlighting();
            for (SolrDocument d : r.getResults()) hits.add(hit(d, hl));
            Map<String, List<SearchResult.FacetValue>> facets = facets(r, request);
            Histogram h = request.answer().histogram() ? histogram(request, r, total) : Histogram.NONE;
            return new SearchResult(total, page, size, hits, facets, h.buckets(), h.unit(), h.undated(), next);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * {@code collapse=family}: one hit per letter family, the family's first matching letter in the search's
     * order, families in the order of their first letters; with the number of families among the matching letters
     * and each hit's family make-up. Three requests: the counts (total, facets, histogram, and the families with
     * two matching letters or more: the families are the letters less the extra members of those), the page of
     * family heads by Solr's grouping on {@code familyId} (its distributed two-pass grouping is exact where a
     * family's letters lie on several shards, which the collapse query parser is not), and the page's families
     * counted by relation.
     */
    private SearchResult collapsed(SearchRequest request, int offset) {
        int size = request.size();
        try {
            SolrQuery q = filtered(request, null);
            q.setRows(0);
            q.setFacet(true);
            q.setFacetMinCount(1);
            q.setFacetSort("count");
            for (Map.Entry<String, Integer> a : request.answer().facets().entrySet()) {
                String f = facet(a.getKey());
                q.add("facet.field", "{!ex=" + a.getKey() + " key=" + a.getKey() + "}" + f);
                q.set("f." + f + ".facet.limit", -1);
            }
            q.add("facet.field", "{!key=" + SHARED_FAMILIES + "}familyId");
            q.set("f.familyId.facet.limit", -1);
            q.set("f.familyId.facet.mincount", 2);
            if (request.answer().histogram()) q.add("json.facet", "{dmin:\"min(date)\",dmax:\"max(date)\"}");
            QueryResponse r = query(q);
            long total = r.getResults().getNumFound();
            long families = total;
            FacetField shared = r.getFacetField(SHARED_FAMILIES);
            if (shared != null && shared.getValues() != null) {
                for (FacetField.Count c : shared.getValues()) families -= c.getCount() - 1;
            }

            SolrQuery g = filtered(request, null);
            sort(g, request.sort());
            g.setFields("id", "summary", "familyId", "familyRelation", request.sort() == SearchRequest.SortOrder.relevance ? "score" : "id");
            g.set("group", true);
            g.set("group.field", "familyId");
            g.set("group.limit", 1);
            g.set("group.sort", g.getSortField()); // a family's head is its first letter in the search's order
            g.set("group.main", true);
            g.setStart(offset);
            g.setRows(size + 1); // one more tells whether a next page exists
            if (request.snippets() && !request.query().isEmpty()) highlight(g, request.answer().snippets());
            QueryResponse heads = query(g);
            List<SolrDocument> docs = new ArrayList<>(heads.getResults());
            boolean more = docs.size() > size;
            if (more) docs = docs.subList(0, size);
            Map<String, Map<String, Integer>> makeUp = makeUp(docs.stream().map(d -> (String) d.getFirstValue("familyId")).distinct().toList());
            List<SearchResult.Hit> hits = new ArrayList<>();
            for (SolrDocument d : docs) {
                SearchResult.Hit hit = hit(d, heads.getHighlighting());
                String relation = (String) d.getFirstValue("familyRelation");
                if (relation != null) hit = hit.withFamily(family((String) d.getFirstValue("familyId"), relation, makeUp));
                hits.add(hit);
            }
            Histogram h = request.answer().histogram() ? histogram(request, r, total) : Histogram.NONE;
            return new SearchResult(total, request.page(), size, hits, facets(r, request), h.buckets(), h.unit(), h.undated(),
                    null, families);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final String SHARED_FAMILIES = "_familiesWithMore";

    /** The letters of each family, by relation, in the whole collection: family id → relation → letters. */
    private Map<String, Map<String, Integer>> makeUp(List<String> familyIds) throws IOException {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        if (familyIds.isEmpty()) return out;
        SolrQuery q = new SolrQuery("*:*");
        q.set("defType", "lucene");
        q.addFilterQuery("{!terms f=familyId}" + String.join(",", familyIds)); // family ids are letter ids: hex digits
        q.setRows(0);
        q.setFacet(true);
        q.setFacetMinCount(1);
        q.setFacetLimit(-1);
        q.addFacetPivotField("familyId,familyRelation");
        QueryResponse r = query(q);
        for (PivotField f : r.getFacetPivot().get("familyId,familyRelation")) {
            Map<String, Integer> relations = new LinkedHashMap<>();
            if (f.getPivot() != null) for (PivotField rel : f.getPivot()) relations.put(String.valueOf(rel.getValue()), rel.getCount());
            out.put(String.valueOf(f.getValue()), relations);
        }
        return out;
    }

    /** A collapsed hit's family as the embedded index gives it: id, the hit's relation, size, the others by relation. */
    private static Map<String, Object> family(String id, String relation, Map<String, Map<String, Integer>> makeUp) {
        Map<String, Integer> relations = makeUp.getOrDefault(id, Map.of());
        int size = relations.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", id);
        f.put("relation", relation);
        f.put("size", size);
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (size > 1) {
            for (String r : IndexSchema.FAMILY_RELATIONS_COUNTED) {
                Integer n = relations.get(r);
                if (n != null && n > 0) counts.put(r, n);
            }
        }
        f.put("others", counts);
        return f;
    }

    /** A hit from its stored summary, with its snippets. */
    private static SearchResult.Hit hit(SolrDocument d, Map<String, Map<String, List<String>>> hl) throws IOException {
        IndexSchema.Summary s = Json.mapper().readValue((String) d.getFirstValue("summary"), IndexSchema.Summary.class);
        List<String> snip = List.of();
        if (hl != null) {
            List<String> t = hl.getOrDefault(s.id(), Map.of()).get("text_t");
            if (t != null) {
                snip = t.stream().map(p -> p.replaceAll("\\s+", " ").strip()).filter(p -> !p.isEmpty()).toList();
            }
        }
        Object score = d.getFirstValue("score");
        return new SearchResult.Hit(s.id(), s.title(), s.date(), s.language(), s.format(), s.recipients(),
                s.signerCount(), s.topSigners(), snip, score == null ? null : ((Number) score).floatValue());
    }

    /** The cursor mark after the first {@code offset} hits of a search (a numbered page past the first). */
    private Cursor skip(SearchRequest request, int offset) throws IOException {
        SolrQuery q = filtered(request, null);
        sort(q, request.sort());
        q.setFields("id");
        q.setRows(offset);
        q.set(CursorMarkParams.CURSOR_MARK_PARAM, CursorMarkParams.CURSOR_MARK_START);
        QueryResponse r = query(q);
        return new Cursor(r.getNextCursorMark(), r.getResults().size());
    }

    /** A cursor: Solr's mark and how many hits came before it (so the last page says it is the last). */
    record Cursor(String mark, int consumed) {
        String encode() {
            return consumed + "~" + mark;
        }

        static Cursor decode(String s) {
            int t = s.indexOf('~');
            try {
                if (t > 0) return new Cursor(s.substring(t + 1), Integer.parseInt(s.substring(0, t)));
            } catch (NumberFormatException e) {
                // falls through
            }
            throw new SearchException("'searchAfter' is not a cursor of this search: pass the 'next' of the page before");
        }
    }

    private static void sort(SolrQuery q, SearchRequest.SortOrder order) {
        q.clearSorts();
        switch (order) {
            case relevance -> q.addSort("score", SolrQuery.ORDER.desc);
            case newest -> q.addSort("date", SolrQuery.ORDER.desc);
            case oldest -> q.addSort("date", SolrQuery.ORDER.asc);
            case signers -> q.addSort("signerCount", SolrQuery.ORDER.desc).addSort("date", SolrQuery.ORDER.desc);
        }
        // ties in index order in the embedded index, by id here; the archive indexes oldest first, then by id
        q.addSort("id", SolrQuery.ORDER.asc);
    }

    private static void highlight(SolrQuery q, int snippets) {
        q.setHighlight(true);
        q.set("hl.method", "unified");
        q.set("hl.fl", "text_t");
        q.set("hl.snippets", snippets);
        q.set("hl.tag.pre", "<mark>");
        q.set("hl.tag.post", "</mark>");
        q.set("hl.encoder", "html"); // the letter's text is HTML-escaped, only <mark> is markup
        // cut between words, as the embedded index cuts them (there at any white space; Solr takes one character)
        q.set("hl.bs.type", "SEPARATOR");
        q.set("hl.bs.separator", " ");
        q.set("hl.fragsize", SNIPPET_CHARS);
        q.set("hl.fragsizeIsMinimum", false);
        q.set("hl.fragAlignRatio", "0.5");
        q.set("hl.maxAnalyzedChars", 200_000);
        q.set("hl.defaultSummary", false);
    }

    /**
     * The query of a search with its date range and filters: each facet's filter tagged with its name (so a
     * facet can leave out its own), the organizations of {@code signerMatch=all} one untagged filter each.
     *
     * @param exceptDim a facet whose filter is left out (null: none)
     */
    static SolrQuery filtered(SearchRequest request, String exceptDim) {
        SolrQuery q = new SolrQuery();
        if (request.query().isEmpty()) q.setQuery("*:*").set("defType", "lucene");
        else q.setQuery(QuotedText.exact(request.query())); // quoted text: the exact fields, as the archive's parser
        if (request.from() != null || request.to() != null) {
            String lo = request.from() == null ? "*" : Long.toString(request.from().toEpochDay());
            String hi = request.to() == null ? "*" : Long.toString(request.to().toEpochDay());
            q.addFilterQuery("date:[" + lo + " TO " + hi + "]");
        }
        boolean all = request.signerMatch() == SearchRequest.SignerMatch.all;
        request.filters().forEach((dim, values) -> {
            if (dim.equals(exceptDim)) return;
            if (dim.equals(IndexSchema.F_SIGNER) && all) {
                for (String v : values) q.addFilterQuery(facet(dim) + ":" + quote(v));
                return;
            }
            StringBuilder fq = new StringBuilder("{!tag=").append(dim).append("}").append(facet(dim)).append(":(");
            for (int i = 0; i < values.size(); i++) fq.append(i == 0 ? "" : " OR ").append(quote(values.get(i)));
            q.addFilterQuery(fq.append(')').toString());
        });
        return q;
    }

    static String quote(String v) {
        return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private Map<String, List<SearchResult.FacetValue>> facets(QueryResponse r, SearchRequest request) {
        Map<String, List<SearchResult.FacetValue>> out = new LinkedHashMap<>();
        List<String> years = request.filter(IndexSchema.F_YEAR);
        for (String dim : request.answer().facets().keySet()) {
            if (dim.equals(IndexSchema.F_MONTH) && years.isEmpty() && request.filter(IndexSchema.F_MONTH).isEmpty()) {
                out.put(dim, List.of()); // months are listed within the chosen years
                continue;
            }
            FacetField ff = r.getFacetField(dim);
            List<SearchResult.FacetValue> values = new ArrayList<>();
            if (ff != null && ff.getValues() != null) {
                for (FacetField.Count c : ff.getValues()) {
                    if (c.getCount() <= 0) continue;
                    values.add(new SearchResult.FacetValue(c.getName(), label(dim, c.getName()), c.getCount()));
                }
            }
            // the embedded index's order: count, then value (its ordinal order), the first N
            values.sort(Comparator.comparingLong(SearchResult.FacetValue::count).reversed()
                    .thenComparing(v -> new org.apache.lucene.util.BytesRef(v.value())));
            int n = request.answer().facets().get(dim);
            if (values.size() > n) values = new ArrayList<>(values.subList(0, n));
            if (dim.equals(IndexSchema.F_MONTH) && !years.isEmpty()) {
                values.removeIf(v -> years.stream().noneMatch(y -> v.value().startsWith(y + "-")));
            }
            if (dim.equals(IndexSchema.F_YEAR) || dim.equals(IndexSchema.F_MONTH)) {
                values.sort(Comparator.comparing(SearchResult.FacetValue::value).reversed());
            }
            out.put(dim, values);
        }
        return out;
    }

    private String label(String dim, String value) {
        if (dim.equals(IndexSchema.F_SIGNER)) {
            String l = signerLabel.apply(value);
            return l == null ? value : l;
        }
        return value;
    }

    record Histogram(List<SearchResult.FacetValue> buckets, String unit, long undated) {
        static final Histogram NONE = new Histogram(List.of(), null, 0);
    }

    /**
     * Matching letters per year, or per month when the dated ones span two years or less (the embedded index's
     * rule): the earliest and latest dates come with the search, the buckets from a range facet.
     */
    private Histogram histogram(SearchRequest request, QueryResponse r, long total) throws IOException {
        @SuppressWarnings("unchecked")
        NamedList<Object> jf = (NamedList<Object>) r.getResponse().get("facets");
        Object lo = jf == null ? null : jf.get("dmin");
        Object hi = jf == null ? null : jf.get("dmax");
        if (!(lo instanceof Number) || !(hi instanceof Number)) return new Histogram(List.of(), "year", total);
        LocalDate min = LocalDate.ofEpochDay(((Number) lo).longValue());
        LocalDate max = LocalDate.ofEpochDay(((Number) hi).longValue());
        boolean monthly = min.plusYears(2).isAfter(max.minusDays(1));
        LocalDate start = monthly ? min.withDayOfMonth(1) : min.withDayOfYear(1);
        LocalDate end = monthly ? max.withDayOfMonth(1).plusMonths(1) : max.withDayOfYear(1).plusYears(1);
        SolrQuery q = filtered(request, null);
        q.setRows(0);
        q.setFacet(true);
        q.addDateRangeFacet("date_dt", date(start), date(end), monthly ? "+1MONTH" : "+1YEAR");
        QueryResponse rr = query(q);
        List<SearchResult.FacetValue> buckets = new ArrayList<>();
        long dated = 0;
        for (RangeFacet<?, ?> rf : rr.getFacetRanges()) {
            for (RangeFacet.Count c : rf.getCounts()) {
                if (c.getCount() == 0) continue;
                LocalDate d = LocalDate.parse(c.getValue().substring(0, 10));
                String label = monthly ? String.format("%04d-%02d", d.getYear(), d.getMonthValue()) : String.format("%04d", d.getYear());
                buckets.add(new SearchResult.FacetValue(label, label, c.getCount()));
                dated += c.getCount();
            }
        }
        return new Histogram(buckets, monthly ? "month" : "year", total - dated);
    }

    private static java.util.Date date(LocalDate d) {
        return java.util.Date.from(d.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Override
    public FacetLister.Page facetValues(String facet, String prefix, FacetLister.Order sort, int limit, SearchRequest filters) {
        SearchRequest req = filters == null ? SearchRequest.of("") : filters;
        SearchService.check(req.withAnswer(SearchRequest.Answer.FULL));
        Map<String, Long> counts = new LinkedHashMap<>();
        try {
            boolean known = false;
            for (String f : IndexSchema.FACETS) known |= f.equals(facet);
            if (known) {
                SolrQuery q = filtered(req, facet); // the facet's own filter left out: every value the rest allows
                q.setRows(0);
                q.setFacet(true);
                q.setFacetMinCount(1);
                q.setFacetLimit(-1);
                q.setFacetSort("index");
                q.addFacetField(facet(facet));
                FacetField ff = query(q).getFacetField(facet(facet));
                if (ff != null && ff.getValues() != null) for (FacetField.Count c : ff.getValues()) counts.put(c.getName(), c.getCount());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return FacetLister.page(facet, prefix, sort, limit, counts, this::label);
    }

    @Override
    public void export(SearchRequest request, int cap, Exporter.Sink sink) throws IOException {
        if (cap < 1 || cap > Exporter.MAX_ROWS) throw new SearchException("an export holds 1 to " + Exporter.MAX_ROWS + " letters");
        SearchService.check(request.withAnswer(SearchRequest.Answer.FULL));
        SolrQuery q = filtered(request, null);
        sort(q, request.sort());
        q.setFields("id", "summary", "signerNames");
        String mark = CursorMarkParams.CURSOR_MARK_START;
        int sent = 0;
        boolean begun = false;
        while (true) {
            q.setRows(Math.min(EXPORT_BATCH, cap - sent));
            q.set(CursorMarkParams.CURSOR_MARK_PARAM, mark);
            QueryResponse r = query(q);
            long total = r.getResults().getNumFound();
            if (!begun) {
                int rows = (int) Math.min(cap, total);
                sink.begin(total, rows, total > rows);
                begun = true;
            }
            for (SolrDocument d : r.getResults()) {
                if (sent >= cap) break;
                IndexSchema.Summary s = Json.mapper().readValue((String) d.getFirstValue("summary"), IndexSchema.Summary.class);
                Collection<Object> names = d.getFieldValues("signerNames");
                List<String> signers = names == null ? s.topSigners() : names.stream().map(Object::toString).toList();
                List<String> recipients = new ArrayList<>();
                for (Map<String, Object> rc : s.recipients()) {
                    Object label = rc.get("name") != null ? rc.get("name") : rc.get("role");
                    if (label != null) recipients.add(label.toString());
                }
                sink.row(new Exporter.Row(s.id(), s.title(), s.date(), s.language(), recipients, s.signerCount(), signers));
                sent++;
            }
            String nextMark = r.getNextCursorMark();
            if (sent >= cap || r.getResults().isEmpty() || nextMark.equals(mark)) return;
            mark = nextMark;
        }
    }

    // ---------- talking to the cluster ----------

    private QueryResponse query(SolrQuery q) throws IOException {
        return call(c -> c.query(options.collection(), q, org.apache.solr.client.solrj.SolrRequest.METHOD.POST));
    }

    interface Call<T> {
        T run(HttpJdkSolrClient client) throws SolrServerException, IOException;
    }

    /**
     * Runs a request on a live node, and again on the next live node when a node cannot be reached or answers
     * that it is not ready (a node stopping, a shard electing its leader), for up to 30 s.
     */
    <T> T call(Call<T> call) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        IOException last = null;
        int attempt = 0;
        while (System.nanoTime() < deadline) {
            List<String> nodes = new ArrayList<>(cluster.getLiveNodes());
            if (nodes.isEmpty()) {
                last = new IOException("no live Solr node in " + options.zkHost());
            } else {
                Collections.sort(nodes);
                String node = nodes.get(Math.floorMod(attempt + (int) Thread.currentThread().getId(), nodes.size()));
                HttpJdkSolrClient client = clients.computeIfAbsent(node, n -> new HttpJdkSolrClient.Builder(
                        cluster.getZkStateReader().getBaseUrlForNodeName(n))
                        .withConnectionTimeout(5, TimeUnit.SECONDS)
                        .withRequestTimeout(120, TimeUnit.SECONDS)
                        .build());
                try {
                    return call.run(client);
                } catch (SolrServerException e) {
                    if (!unreachable(e)) throw new IOException("Solr at " + node + ": " + e.getMessage(), e);
                    last = new IOException("Solr at " + node + " cannot be reached: " + e.getMessage(), e);
                    dropClient(node);
                } catch (SolrException e) {
                    int code = e.code();
                    if (code == 400) throw new SearchException("Solr refused the search: " + e.getMessage());
                    if (code != 503 && code != 510 && code != 404 && !unreachable(e)) {
                        throw new IOException("Solr at " + node + ": " + e.getMessage(), e);
                    }
                    last = new IOException("Solr at " + node + " is not ready: " + e.getMessage(), e);
                } catch (IOException e) {
                    last = e;
                    dropClient(node);
                }
            }
            attempt++;
            try {
                Thread.sleep(Math.min(1000, 100L * attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        throw last;
    }

    private void dropClient(String node) {
        HttpJdkSolrClient c = clients.remove(node);
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // a client of a node that went away
            }
        }
    }

    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException
                    || t instanceof java.nio.channels.ClosedChannelException || t instanceof java.io.EOFException) return true;
            if (t instanceof IOException && t.getMessage() != null && t.getMessage().contains("closed")) return true;
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        try {
            for (HttpJdkSolrClient c : clients.values()) c.close();
            clients.clear();
        } finally {
            cluster.close();
        }
    }
}
