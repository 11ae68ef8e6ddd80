package org.letterarchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.letterarchive.corpus.OrganizationRegistry;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.index.LetterIndex;
import org.letterarchive.index.LetterSearcher;
import org.letterarchive.letter.Organization;

/**
 * Organizations as records, computed from the index: the list of every organization, a profile (facet counts
 * over its letters), co-signer networks, letters related by their signers, and the resolution of any
 * spelling, acronym or alias to an organization (exactly, or fuzzily for a batch of names).
 */
public final class OrganizationService {

    public static final int PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 500;
    public static final int MAX_BATCH = 5_000;
    public static final int MAX_NETWORK = 500;
    /** A fuzzy candidate scoring at least this is taken as the organization meant. */
    public static final double FUZZY_MATCH = 0.82;
    private static final double FUZZY_CLOSEST = 0.45;
    private static final String TABLE = "organizationTable";

    private final LetterIndex index;
    private final OrganizationRegistry registry;
    private final FacetsConfig config;

    public OrganizationService(LetterIndex index, OrganizationRegistry registry) {
        this.index = index;
        this.registry = registry;
        this.config = index.schema().facetsConfig();
    }

    // ---------------------------------------------------------------- resolution

    /** How one name was matched to an organization. */
    public record Match(String key, String label, long letters, String match, double score, String reason) {}

    /**
     * What a name stands for: {@code matches} (best first; empty when none) and, when nothing matched, the
     * {@code closest} organizations by spelling.
     */
    public record Resolution(String input, List<Match> matches, List<Match> closest) {
        public String key() {
            return matches.isEmpty() ? null : matches.get(0).key();
        }
    }

    /** Resolves a name exactly (key, spelling, acronym or alias); never fuzzily, but with the closest names. */
    public Resolution resolve(String name) {
        return withTable(t -> resolve(t, name, false));
    }

    /** Resolves each name, fuzzily where no exact match exists (a batch of up to {@link #MAX_BATCH} names). */
    public List<Resolution> batch(List<String> names) {
        if (names.size() > MAX_BATCH) {
            throw new SearchException(names.size() + " names: a batch holds at most " + MAX_BATCH);
        }
        return withTable(t -> {
            List<Resolution> out = new ArrayList<>();
            for (String n : names) out.add(resolve(t, n, true));
            return out;
        });
    }

    /** A search's signer filter after resolution, and what each value resolved to. */
    public record ResolvedRequest(SearchRequest request, List<Resolution> signers) {
        public boolean changed() {
            return signers.stream().anyMatch(r -> r.key() == null || !r.key().equals(r.input()));
        }
    }

    /**
     * Replaces each value of the request's signer filter by the organization it names (a spelling, acronym or
     * alias); a value that names none stays as given (it matches no letter) and its resolution says so.
     */
    public ResolvedRequest resolveSigners(SearchRequest request) {
        List<String> values = request.filter(IndexSchema.F_SIGNER);
        if (values.isEmpty()) return new ResolvedRequest(request, List.of());
        List<Resolution> res = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        withTable(t -> {
            for (String v : values) {
                Resolution r = resolve(t, v, false);
                res.add(r);
                keys.add(r.key() != null ? r.key() : v);
            }
            return null;
        });
        SearchRequest resolved = request.withFilter(IndexSchema.F_SIGNER, keys.stream().distinct().toArray(String[]::new));
        return new ResolvedRequest(resolved, res);
    }

    private Resolution resolve(OrganizationTable t, String input, boolean fuzzy) {
        String raw = input == null ? "" : input.strip();
        if (raw.isEmpty()) return new Resolution(input, List.of(), List.of());
        OrganizationTable.Entry e = t.get(raw);
        if (e != null) return exact(input, e, "key", "the organization's key");
        String folded = Organization.keyOf(raw);
        if (folded.isEmpty()) return new Resolution(input, List.of(), List.of());
        String canonical = registry.canonical(folded);
        e = t.get(canonical);
        boolean looksLikeAcronym = !raw.contains(" ") && raw.length() <= 12 && raw.chars().filter(Character::isUpperCase).count() >= 2;
        if (e != null) {
            if (canonical.equals(folded)) return exact(input, e, "name", "the same name once case, accents, punctuation and legal form are folded");
            if (looksLikeAcronym || e.acronyms.stream().anyMatch(a -> Organization.keyOf(a).equals(folded))) {
                return exact(input, e, "acronym", "an acronym written beside " + label(e.key));
            }
            return exact(input, e, "alias", "an alias of " + label(e.key) + " in the organization table");
        }
        Collection<String> byAcronym = t.byAcronym.get(folded);
        if (byAcronym != null && !byAcronym.isEmpty()) {
            List<Match> ms = new ArrayList<>();
            for (String k : byAcronym) {
                OrganizationTable.Entry a = t.get(k);
                ms.add(new Match(a.key, label(a.key), a.letters, "acronym", 1.0, "an acronym written beside " + label(a.key)));
            }
            ms.sort(Comparator.comparingLong(Match::letters).reversed());
            return new Resolution(input, ms, List.of());
        }
        List<Match> scored = fuzzy(t, folded);
        if (fuzzy && !scored.isEmpty() && scored.get(0).score() >= FUZZY_MATCH) {
            List<Match> ms = scored.stream().filter(m -> m.score() >= FUZZY_MATCH).limit(3).toList();
            return new Resolution(input, ms, List.of());
        }
        return new Resolution(input, List.of(), scored.stream().filter(m -> m.score() >= FUZZY_CLOSEST).limit(5)
                .map(m -> new Match(m.key(), m.label(), m.letters(), "closest", m.score(), m.reason())).toList());
    }

    private Resolution exact(String input, OrganizationTable.Entry e, String how, String reason) {
        return new Resolution(input, List.of(new Match(e.key, label(e.key), e.letters, how, 1.0, reason)), List.of());
    }

    /** The organizations whose folded names are closest to {@code folded}, best first. */
    private List<Match> fuzzy(OrganizationTable t, String folded) {
        List<Match> out = new ArrayList<>();
        for (OrganizationTable.Entry c : t.candidates(folded, 40)) {
            double edit = Similarity.editRatio(folded, c.key);
            double words = Similarity.wordDice(folded, c.key);
            double score;
            String reason;
            if (edit >= words) {
                score = edit;
                int d = Similarity.distance(folded, c.key);
                reason = "spelled differently: " + d + " character" + (d == 1 ? "" : "s") + " apart from '" + label(c.key) + "'";
            } else {
                score = words * 0.95; // sharing words is weaker evidence than a near-identical spelling
                reason = "shares " + Similarity.sharedWords(folded, c.key) + " with '" + label(c.key) + "'";
            }
            out.add(new Match(c.key, label(c.key), c.letters, "fuzzy", Math.round(score * 1000) / 1000.0, reason));
        }
        out.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(Comparator.comparingLong(Match::letters).reversed()));
        return out;
    }

    // ---------------------------------------------------------------- list

    public enum ListOrder { letters, name, recent }

    /** A row of the organization list. */
    public record Summary(String key, String label, List<String> acronyms, List<String> aliases, long letters,
                          String firstDate, String lastDate) {}

    public record ListPage(String prefix, ListOrder sort, int page, int size, int matching, List<Summary> organizations) {}

    public ListPage list(String prefix, ListOrder sort, int page, int size) {
        ListOrder order = sort == null ? ListOrder.letters : sort;
        if (size > MAX_PAGE_SIZE) throw new SearchException("size " + size + " too large: at most " + MAX_PAGE_SIZE);
        String p = prefix == null ? "" : Organization.keyOf(prefix);
        Map<String, List<String>> aliases = aliasesByKey();
        return withTable(t -> {
            List<OrganizationTable.Entry> rows = new ArrayList<>();
            for (OrganizationTable.Entry e : t.entries) {
                if (p.isEmpty() || matchesPrefix(e, p, aliases)) rows.add(e);
            }
            Comparator<OrganizationTable.Entry> byName = Comparator.comparing(e -> Organization.keyOf(label(e.key)));
            Comparator<OrganizationTable.Entry> c = switch (order) {
                case letters -> Comparator.<OrganizationTable.Entry>comparingInt(e -> e.letters).reversed().thenComparing(byName);
                case name -> byName;
                case recent -> Comparator.<OrganizationTable.Entry>comparingLong(e -> e.last).reversed().thenComparing(byName);
            };
            rows.sort(c);
            int from = Math.min(rows.size(), (page - 1) * size);
            List<Summary> out = new ArrayList<>();
            for (OrganizationTable.Entry e : rows.subList(from, Math.min(rows.size(), from + size))) out.add(summary(e, aliases));
            return new ListPage(prefix, order, page, size, rows.size(), out);
        });
    }

    private boolean matchesPrefix(OrganizationTable.Entry e, String p, Map<String, List<String>> aliases) {
        if (e.key.startsWith(p) || e.key.contains(" " + p)) return true;
        String l = Organization.keyOf(label(e.key));
        if (l.startsWith(p) || l.contains(" " + p)) return true;
        for (String a : e.acronyms) if (Organization.keyOf(a).startsWith(p)) return true;
        for (String a : aliases.getOrDefault(e.key, List.of())) if (a.startsWith(p)) return true;
        return false;
    }

    private Summary summary(OrganizationTable.Entry e, Map<String, List<String>> aliases) {
        return new Summary(e.key, label(e.key), List.copyOf(e.acronyms), aliases.getOrDefault(e.key, List.of()), e.letters,
                day(e.first), e.dated() ? day(e.last) : null);
    }

    private Map<String, List<String>> aliasesByKey() {
        Map<String, List<String>> out = new HashMap<>();
        registry.aliasTable().forEach((alias, key) -> out.computeIfAbsent(key, k -> new ArrayList<>()).add(alias));
        out.values().forEach(l -> l.sort(null));
        return out;
    }

    // ---------------------------------------------------------------- profile

    /** A value with its letter count (and, for co-signers, the share of the organization's letters). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Count(String value, String label, long count, Double share) {}

    public record Profile(String key, String label, List<String> acronyms, List<String> aliases, long letters,
                          String firstDate, String lastDate, List<Count> spellings, List<Count> years,
                          List<Count> coSigners, List<Count> recipients, List<Count> recipientRoles,
                          List<Count> languages, List<Count> locations, List<Count> people,
                          List<SearchResult.Hit> latest) {}

    /** The profile of an organization named by any spelling, acronym or alias; empty when none matches. */
    public java.util.Optional<Profile> profile(String name, int top, int latest) {
        String key = resolve(name).key();
        if (key == null) return java.util.Optional.empty();
        return java.util.Optional.of(withSearcher(s -> {
            OrganizationTable.Entry e = table(s).get(key);
            Query q = orgQuery(key, null, null);
            FacetsCollector fc = new FacetsCollector();
            TopDocs newest = FacetsCollector.search(s, q, Math.max(1, latest), SearchService.sortOf(SearchRequest.SortOrder.newest), fc);
            Facets counts = s.facets(fc);
            long letters = newest.totalHits.value;
            List<Count> cos = new ArrayList<>();
            for (LabelAndValue lv : top(counts, IndexSchema.F_SIGNER, top + 1)) {
                if (lv.label.equals(key) || cos.size() >= top) continue;
                long n = lv.value.longValue();
                cos.add(new Count(lv.label, label(lv.label), n, Math.round(1000.0 * n / letters) / 1000.0));
            }
            List<Count> years = new ArrayList<>();
            try {
                FacetResult fr = counts.getAllChildren(IndexSchema.F_YEAR);
                if (fr != null) for (LabelAndValue lv : fr.labelValues) years.add(new Count(lv.label, lv.label, lv.value.longValue(), null));
            } catch (IllegalArgumentException none) {
                // no letter of this organization is dated
            }
            years.sort(Comparator.comparing(Count::value));
            Map<String, Map<String, Long>> details = details(s, fc, key);
            Map<String, List<String>> aliases = aliasesByKey();
            List<SearchResult.Hit> hits = new ArrayList<>();
            for (ScoreDoc d : newest.scoreDocs) hits.add(hit(s, d.doc));
            return new Profile(key, label(key), e == null ? List.of() : List.copyOf(e.acronyms), aliases.getOrDefault(key, List.of()),
                    letters, e == null ? null : day(e.first), e == null || !e.dated() ? null : day(e.last),
                    counted(details.get("n"), top), years, cos,
                    plain(top(counts, IndexSchema.F_RECIPIENT, top)), plain(top(counts, IndexSchema.F_RECIPIENT_ROLE, top)),
                    plain(top(counts, IndexSchema.F_LANGUAGE, top)), counted(details.get("l"), top),
                    counted(details.get("p"), top), hits);
        }));
    }

    private static List<LabelAndValue> top(Facets counts, String dim, int n) throws IOException {
        try {
            FacetResult fr = counts.getTopChildren(n, dim);
            return fr == null ? List.of() : List.of(fr.labelValues);
        } catch (IllegalArgumentException none) {
            return List.of(); // no letter has this dimension
        }
    }

    private static List<Count> plain(List<LabelAndValue> lvs) {
        return lvs.stream().map(lv -> new Count(lv.label, lv.label, lv.value.longValue(), null)).toList();
    }

    private static List<Count> counted(Map<String, Long> m, int top) {
        if (m == null) return List.of();
        return m.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top).map(x -> new Count(x.getKey(), x.getKey(), x.getValue(), null)).toList();
    }

    /** Per detail kind (n, a, l, p): each value written for {@code key} with the letters that wrote it. */
    private static Map<String, Map<String, Long>> details(LetterSearcher s, FacetsCollector fc, String key) throws IOException {
        Map<String, Map<String, Long>> out = new HashMap<>();
        for (FacetsCollector.MatchingDocs md : fc.getMatchingDocs()) {
            SortedSetDocValues od = md.context.reader().getSortedSetDocValues(IndexSchema.ORG_DETAIL);
            if (od == null || md.bits == null) continue;
            String[] kinds = {"n", "a", "l", "p"};
            long[][] ranges = new long[kinds.length][];
            for (int i = 0; i < kinds.length; i++) {
                ranges[i] = OrganizationTable.ordRange(od, new BytesRef(kinds[i] + '\u001F' + key + '\u001F'));
            }
            Map<Long, Long> perOrd = new HashMap<>();
            DocIdSetIterator it = md.bits.iterator();
            if (it == null) continue;
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (!od.advanceExact(doc)) continue;
                for (int i = 0, c = od.docValueCount(); i < c; i++) {
                    long ord = od.nextOrd();
                    for (long[] r : ranges) {
                        if (ord >= r[0] && ord < r[1]) {
                            perOrd.merge(ord, 1L, Long::sum);
                            break;
                        }
                    }
                }
            }
            for (Map.Entry<Long, Long> x : perOrd.entrySet()) {
                String[] parts = od.lookupOrd(x.getKey()).utf8ToString().split("\u001F", 3);
                out.computeIfAbsent(parts[0], k -> new HashMap<>()).merge(parts[2], x.getValue(), Long::sum);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- networks

    /**
     * The neighbourhood of an organization: it and the organizations that co-signed at least {@code min} of
     * its letters (the {@code limit} most frequent), between {@code from} and {@code to}; every edge among them
     * weighted by the letters of that period both signed. Empty when the name matches no organization.
     */
    public java.util.Optional<Network> neighbourhood(String name, int min, LocalDate from, LocalDate to, int limit) {
        String key = resolve(name).key();
        if (key == null) return java.util.Optional.empty();
        checkLimit(limit);
        return java.util.Optional.of(withSearcher(s -> {
            FacetsCollector fc = new FacetsCollector();
            FacetsCollector.search(s, orgQuery(key, from, to), 1, fc);
            Facets counts = s.facets(fc);
            List<String> nodes = new ArrayList<>();
            nodes.add(key);
            for (LabelAndValue lv : top(counts, IndexSchema.F_SIGNER, limit + 1)) {
                if (lv.label.equals(key) || lv.value.longValue() < Math.max(1, min) || nodes.size() > limit) continue;
                nodes.add(lv.label);
            }
            // edges over every letter of the period any node signed, so a weight equals the co-signed total
            List<BytesRef> terms = nodes.stream().map(k -> DrillDownQuery.term(signerField(), IndexSchema.F_SIGNER, k).bytes()).toList();
            Query any = withDates(new TermInSetQuery(signerField(), terms), from, to);
            return graph(s, any, nodes, key);
        }));
    }

    /** The {@code limit} organizations that signed most of the letters a search matches, and their co-signing. */
    public Network ofSearch(SearchRequest request, int limit) {
        checkLimit(limit);
        SearchRequest resolved = resolveSigners(request).request();
        RequestQuery rq = new RequestQuery(resolved, index.schema().analyzer(), config);
        return withSearcher(s -> {
            rq.checkExpansion(s);
            Query q = rq.drillDown();
            FacetsCollector fc = new FacetsCollector();
            FacetsCollector.search(s, q, 1, fc);
            List<String> nodes = new ArrayList<>();
            for (LabelAndValue lv : top(s.facets(fc), IndexSchema.F_SIGNER, limit)) nodes.add(lv.label);
            return graph(s, q, nodes, null);
        });
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_NETWORK) throw new SearchException("'limit' must be 1 to " + MAX_NETWORK);
    }

    private Network graph(LetterSearcher s, Query q, List<String> nodes, String center) throws IOException {
        int n = nodes.size();
        long[] letters = new long[n];
        long[] pairs = new long[n * n];
        long[] total = new long[1];
        s.search(q, new SignerCollector(config, nodes) {
            @Override
            protected void letter(int doc, int[] keys, int m) {
                total[0]++;
                for (int i = 0; i < m; i++) {
                    letters[keys[i]]++;
                    for (int j = i + 1; j < m; j++) {
                        int a = Math.min(keys[i], keys[j]), b = Math.max(keys[i], keys[j]);
                        pairs[a * n + b]++;
                    }
                }
            }
        });
        List<Network.Node> ns = new ArrayList<>();
        for (int i = 0; i < n; i++) ns.add(new Network.Node(nodes.get(i), label(nodes.get(i)), letters[i]));
        List<Network.Edge> es = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                long w = pairs[a * n + b];
                if (w == 0) continue;
                String x = nodes.get(a), y = nodes.get(b);
                es.add(x.compareTo(y) < 0 ? new Network.Edge(x, y, w) : new Network.Edge(y, x, w));
            }
        }
        es.sort(Comparator.comparingLong(Network.Edge::weight).reversed().thenComparing(Network.Edge::source).thenComparing(Network.Edge::target));
        return new Network(center, total[0], ns, es);
    }

    // ---------------------------------------------------------------- related letters

    /** A letter that shares signers with another, and how many. */
    public record Related(SearchResult.Hit letter, int shared) {}

    /**
     * The letters that share most organizations with letter {@code id} (newest first among equals); empty when
     * the index has no such letter.
     */
    public java.util.Optional<List<Related>> related(String id, int limit) {
        return withSearcher(s -> {
            TopDocs self = s.search(new TermQuery(new Term(IndexSchema.ID, id)), 1);
            if (self.scoreDocs.length == 0) return java.util.Optional.<List<Related>>empty();
            int selfDoc = self.scoreDocs[0].doc;
            List<String> keys = signerKeys(s, selfDoc);
            if (keys.isEmpty()) return java.util.Optional.of(List.<Related>of());
            List<BytesRef> terms = keys.stream().map(k -> DrillDownQuery.term(signerField(), IndexSchema.F_SIGNER, k).bytes()).toList();
            Map<Integer, int[]> shared = new HashMap<>();
            s.search(new TermInSetQuery(signerField(), terms), new SignerCollector(config, keys) {
                @Override
                protected void letter(int doc, int[] k, int m) {
                    int global = leaf.docBase + doc;
                    if (global != selfDoc && m > 0) shared.put(global, new int[] {m});
                }
            });
            List<Map.Entry<Integer, int[]>> ranked = new ArrayList<>(shared.entrySet());
            Map<Integer, SearchResult.Hit> hits = new HashMap<>();
            ranked.sort((a, b) -> b.getValue()[0] - a.getValue()[0]);
            // among equal overlap, newer first: read only as many summaries as needed to decide
            List<Related> out = new ArrayList<>();
            int i = 0;
            while (i < ranked.size() && out.size() < limit) {
                int overlap = ranked.get(i).getValue()[0];
                List<SearchResult.Hit> tier = new ArrayList<>();
                int j = i;
                while (j < ranked.size() && ranked.get(j).getValue()[0] == overlap) {
                    int doc = ranked.get(j).getKey();
                    tier.add(hits.computeIfAbsent(doc, d -> hitUnchecked(s, d)));
                    j++;
                }
                tier.sort(Comparator.comparing((SearchResult.Hit h) -> h.date() == null ? "" : h.date()).reversed());
                for (SearchResult.Hit h : tier) if (out.size() < limit) out.add(new Related(h, overlap));
                i = j;
            }
            return java.util.Optional.of(out);
        });
    }

    private List<String> signerKeys(LetterSearcher s, int doc) throws IOException {
        var leaves = s.getIndexReader().leaves();
        var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
        SortedSetDocValues dv = leaf.reader().getSortedSetDocValues(signerField());
        List<String> keys = new ArrayList<>();
        String prefix = IndexSchema.F_SIGNER + FacetsConfig.DELIM_CHAR;
        if (dv != null && dv.advanceExact(doc - leaf.docBase)) {
            for (int i = 0, c = dv.docValueCount(); i < c; i++) {
                String term = dv.lookupOrd(dv.nextOrd()).utf8ToString();
                if (term.startsWith(prefix)) keys.add(term.substring(prefix.length()));
            }
        }
        return keys;
    }

    // ---------------------------------------------------------------- helpers

    /** The letters signed by {@code key}, optionally within a date range. */
    public Query orgQuery(String key, LocalDate from, LocalDate to) {
        return withDates(new TermQuery(DrillDownQuery.term(signerField(), IndexSchema.F_SIGNER, key)), from, to);
    }

    private static Query withDates(Query q, LocalDate from, LocalDate to) {
        if (from == null && to == null) return q;
        if (from != null && to != null && from.isAfter(to)) {
            throw new SearchException("'from' (" + from + ") is after 'to' (" + to + ")");
        }
        long lo = from == null ? Long.MIN_VALUE : from.toEpochDay();
        long hi = to == null ? Long.MAX_VALUE : to.toEpochDay();
        return new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST)
                .add(LongPoint.newRangeQuery(IndexSchema.DATE, lo, hi), BooleanClause.Occur.FILTER).build();
    }

    private String signerField() {
        return config.getDimConfig(IndexSchema.F_SIGNER).indexFieldName;
    }

    public String label(String key) {
        String l = registry.label(key);
        return l == null ? key : l;
    }

    private SearchResult.Hit hitUnchecked(LetterSearcher s, int doc) {
        try {
            return hit(s, doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SearchResult.Hit hit(LetterSearcher s, int doc) throws IOException {
        IndexSchema.Summary x = IndexSchema.summaryOf(s.storedFields(), doc);
        return new SearchResult.Hit(x.id(), x.title(), x.date(), x.language(), x.format(), x.recipients(),
                x.signerCount(), x.topSigners(), List.of(), null);
    }

    private static String day(long epochDay) {
        return epochDay == Long.MAX_VALUE || epochDay == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(epochDay).toString();
    }

    private OrganizationTable table(LetterSearcher s) {
        return s.derived(TABLE, k -> {
            try {
                return OrganizationTable.build(s.getIndexReader(), config);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @FunctionalInterface
    private interface SearcherWork<T> {
        T run(LetterSearcher s) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            LetterSearcher s = index.acquire();
            try {
                return work.run(s);
            } finally {
                index.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T withTable(java.util.function.Function<OrganizationTable, T> work) {
        return withSearcher(s -> work.apply(table(s)));
    }

    /** For tests and the bench: every organization key with its letter count. */
    public Map<String, Long> letterCounts() {
        return withTable(t -> {
            Map<String, Long> m = new LinkedHashMap<>();
            t.entries.forEach(e -> m.put(e.key, (long) e.letters));
            return m;
        });
    }
}
