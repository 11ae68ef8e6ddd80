package org.letterarchive.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.letter.Organization;

/**
 * Every organization in one searcher's index, with its letter count, first and last letter date and the
 * acronyms written beside it, read in one pass over the signer facet's doc values. Built once per searcher
 * (i.e. after each refresh) on first use, and kept with it.
 */
final class OrganizationTable {

    /** One organization as the index knows it; dates are epoch days, {@link Long#MIN_VALUE} when undated. */
    static final class Entry {
        final String key;
        int letters;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        /**
         * The acronyms written beside it, distinct, in order: most organizations have none or one, so a list
         * (shared when empty) and not a tree set each.
         */
        List<String> acronyms = List.of();

        Entry(String key) {
            this.key = key;
        }

        void addAcronym(String a) {
            int at = Collections.binarySearch(acronyms, a);
            if (at >= 0) return;
            List<String> more = new ArrayList<>(acronyms.size() + 1);
            more.addAll(acronyms);
            more.add(-at - 1, a);
            acronyms = List.copyOf(more);
        }

        boolean dated() {
            return last != Long.MIN_VALUE;
        }
    }

    final Map<String, Entry> byKey = new HashMap<>();
    /**
     * Folded acronym → keys of the organizations written with it, in the order first met: mostly one, held as a
     * list of one, and a set only for an acronym that several organizations share.
     */
    final Map<String, Collection<String>> byAcronym = new HashMap<>();
    /** Entries in a fixed order, for the trigram index. */
    final List<Entry> entries = new ArrayList<>();
    /** Trigram → indexes into {@link #entries}; built on first fuzzy lookup. */
    private volatile Map<String, int[]> trigrams;

    static OrganizationTable build(org.apache.lucene.index.IndexReader reader, FacetsConfig config) throws IOException {
        OrganizationTable t = new OrganizationTable();
        String field = config.getDimConfig(IndexSchema.F_SIGNER).indexFieldName;
        BytesRef prefix = new BytesRef(IndexSchema.F_SIGNER + FacetsConfig.DELIM_CHAR);
        for (LeafReaderContext leaf : reader.leaves()) {
            SortedSetDocValues dv = leaf.reader().getSortedSetDocValues(field);
            if (dv == null) continue;
            long[] range = ordRange(dv, prefix);
            if (range[0] >= range[1]) continue;
            int n = (int) (range[1] - range[0]);
            int[] count = new int[n];
            long[] first = new long[n];
            long[] last = new long[n];
            java.util.Arrays.fill(first, Long.MAX_VALUE);
            java.util.Arrays.fill(last, Long.MIN_VALUE);
            NumericDocValues dates = leaf.reader().getNumericDocValues(IndexSchema.DATE);
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
                if (live != null && !live.get(doc)) continue;
                long day = Long.MIN_VALUE;
                if (dates != null && dates.advanceExact(doc)) day = dates.longValue();
                for (int i = 0, c = dv.docValueCount(); i < c; i++) {
                    long ord = dv.nextOrd();
                    if (ord < range[0] || ord >= range[1]) continue;
                    int o = (int) (ord - range[0]);
                    count[o]++;
                    if (day != Long.MIN_VALUE) {
                        first[o] = Math.min(first[o], day);
                        last[o] = Math.max(last[o], day);
                    }
                }
            }
            for (int o = 0; o < n; o++) {
                if (count[o] == 0) continue;
                String key = dv.lookupOrd(range[0] + o).utf8ToString().substring(prefix.length);
                Entry e = t.byKey.computeIfAbsent(key, Entry::new);
                e.letters += count[o];
                e.first = Math.min(e.first, first[o]);
                e.last = Math.max(e.last, last[o]);
            }
            // acronyms: the orgDetail terms "a␟key␟acronym" (the term dictionary, no document is read)
            SortedSetDocValues od = leaf.reader().getSortedSetDocValues(IndexSchema.ORG_DETAIL);
            if (od != null) {
                long[] ar = ordRange(od, new BytesRef("a\u001F"));
                for (long ord = ar[0]; ord < ar[1]; ord++) {
                    String[] parts = od.lookupOrd(ord).utf8ToString().split("\u001F", 3);
                    if (parts.length < 3) continue;
                    Entry e = t.byKey.get(parts[1]);
                    if (e == null) continue;
                    e.addAcronym(parts[2]);
                }
            }
        }
        t.entries.addAll(t.byKey.values());
        for (Entry e : t.entries) {
            for (String a : e.acronyms) {
                String k = Organization.keyOf(a);
                if (k.isEmpty()) continue;
                Collection<String> keys = t.byAcronym.get(k);
                if (keys == null) t.byAcronym.put(k, List.of(e.key));
                else if (keys instanceof Set<String> set) set.add(e.key);
                else if (!keys.contains(e.key)) {
                    Set<String> more = new LinkedHashSet<>(keys);
                    more.add(e.key);
                    t.byAcronym.put(k, more);
                }
            }
        }
        return t;
    }

    /** The ords [from, to) of the terms that start with {@code prefix}. */
    static long[] ordRange(SortedSetDocValues dv, BytesRef prefix) throws IOException {
        TermsEnum te = dv.termsEnum();
        long from;
        TermsEnum.SeekStatus s = te.seekCeil(prefix);
        if (s == TermsEnum.SeekStatus.END) return new long[] {0, 0};
        from = te.ord();
        BytesRef after = BytesRef.deepCopyOf(prefix);
        // the first term past every term with this prefix: the prefix with its last byte raised
        byte[] b = java.util.Arrays.copyOf(after.bytes, after.length);
        b[b.length - 1]++;
        s = te.seekCeil(new BytesRef(b));
        long to = s == TermsEnum.SeekStatus.END ? dv.getValueCount() : te.ord();
        return new long[] {from, to};
    }

    Entry get(String key) {
        return byKey.get(key);
    }

    /** Entries sharing character trigrams with {@code folded}, most shared first, at most {@code max}. */
    List<Entry> candidates(String folded, int max) {
        Map<String, int[]> index = trigrams();
        Set<String> grams = gramsOf(folded);
        Map<Integer, Integer> hits = new HashMap<>();
        for (String g : grams) {
            int[] post = index.get(g);
            if (post == null || post.length > entries.size() / 3 + 50) continue; // too common to tell anything
            for (int i : post) hits.merge(i, 1, Integer::sum);
        }
        List<Map.Entry<Integer, Integer>> best = new ArrayList<>(hits.entrySet());
        best.sort((a, b) -> b.getValue() - a.getValue());
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < best.size() && out.size() < max; i++) out.add(entries.get(best.get(i).getKey()));
        return out;
    }

    private Map<String, int[]> trigrams() {
        Map<String, int[]> t = trigrams;
        if (t != null) return t;
        synchronized (this) {
            if (trigrams != null) return trigrams;
            Map<String, List<Integer>> lists = new HashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                for (String g : gramsOf(entries.get(i).key)) lists.computeIfAbsent(g, x -> new ArrayList<>()).add(i);
            }
            Map<String, int[]> built = new HashMap<>();
            lists.forEach((g, l) -> built.put(g, l.stream().mapToInt(Integer::intValue).toArray()));
            trigrams = built;
            return built;
        }
    }

    static Set<String> gramsOf(String folded) {
        String s = " " + folded + " ";
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i + 3 <= s.length(); i++) out.add(s.substring(i, i + 3));
        return out;
    }
}
