package org.letterarchive.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetField;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.facet.taxonomy.FastTaxonomyFacetCounts;
import org.apache.lucene.facet.taxonomy.directory.DirectoryTaxonomyReader;
import org.apache.lucene.facet.taxonomy.directory.DirectoryTaxonomyWriter;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;

/**
 * Facet counting for the two big dimensions, signer and recipient (tens of thousands of values): Lucene's
 * taxonomy facets (one global ordinal space, no per-segment mapping) against SortedSetDocValues facets (each
 * dimension in its own field, as the archive indexes them), on one side index of N generated letters that holds
 * both, so both count exactly the same hits in the same segments. The hits are those of the search mix's words
 * on the letter text, and every letter. Timed: the searching thread's CPU time per count, top 10 of both
 * dimensions; the taxonomy's reader is opened once, like the facet state.
 */
final class FacetCountBenchmark {

    record Result(int letters, int segments, int queries, double ssdvMedianMs, double taxonomyMedianMs,
                  double ssdvAllMs, double taxonomyAllMs, double ssdvStateMs, double taxonomyOpenMs) {
        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bench", "facet-count");
            m.put("letters", letters);
            m.put("segments", segments);
            m.put("queries", queries);
            m.put("ssdv_cpu_median_ms", Latency.round(ssdvMedianMs));
            m.put("taxonomy_cpu_median_ms", Latency.round(taxonomyMedianMs));
            m.put("ssdv_all_letters_ms", Latency.round(ssdvAllMs));
            m.put("taxonomy_all_letters_ms", Latency.round(taxonomyAllMs));
            m.put("ssdv_state_build_ms", Latency.round(ssdvStateMs));
            m.put("taxonomy_reader_open_ms", Latency.round(taxonomyOpenMs));
            return m;
        }
    }

    private static final String[] DIMS = {IndexSchema.F_SIGNER, IndexSchema.F_RECIPIENT};

    private FacetCountBenchmark() {}

    static Result run(Path work, int letters, long seed, int rounds, PrintStream log) throws IOException {
        CorpusGenerator gen = new CorpusGenerator(seed);
        Path indexDir = work.resolve("facet-index");
        Path taxoDir = work.resolve("facet-taxonomy");
        BenchFiles.deleteTree(indexDir);
        BenchFiles.deleteTree(taxoDir);
        FacetsConfig config = new FacetsConfig();
        for (String dim : DIMS) {
            config.setMultiValued(dim, true);
            config.setIndexFieldName(dim, IndexSchema.facetField(dim)); // the SortedSetDocValues fields, as in the archive
        }
        FacetsConfig taxoConfig = new FacetsConfig();
        for (String dim : DIMS) {
            taxoConfig.setMultiValued(dim, true);
            taxoConfig.setIndexFieldName(dim, "$taxo." + dim);
        }
        long t0 = System.nanoTime();
        IndexSchema schema = new IndexSchema();
        try (FSDirectory d = FSDirectory.open(indexDir); FSDirectory td = FSDirectory.open(taxoDir);
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig(schema.analyzer()).setRAMBufferSizeMB(64));
             DirectoryTaxonomyWriter tw = new DirectoryTaxonomyWriter(td)) {
            for (int i = 0; i < letters; i++) {
                CorpusGenerator.GeneratedLetter g = gen.letter(i);
                Letter l = g.truth();
                Document doc = new Document();
                doc.add(new TextField(IndexSchema.TEXT, g.text(), Field.Store.NO));
                Set<String> signers = new LinkedHashSet<>();
                for (Signer s : l.signers()) signers.add(s.name().strip());
                Set<String> recipients = new LinkedHashSet<>();
                for (Recipient r : l.recipients()) if (r.label() != null && !r.label().isBlank()) recipients.add(r.label().strip());
                Document taxo = new Document();
                for (String s : signers) {
                    doc.add(new SortedSetDocValuesFacetField(IndexSchema.F_SIGNER, s));
                    taxo.add(new FacetField(IndexSchema.F_SIGNER, s));
                }
                for (String r : recipients) {
                    doc.add(new SortedSetDocValuesFacetField(IndexSchema.F_RECIPIENT, r));
                    taxo.add(new FacetField(IndexSchema.F_RECIPIENT, r));
                }
                Document built = config.build(doc);
                for (var f : taxoConfig.build(tw, taxo)) built.add(f);
                w.addDocument(built);
            }
            tw.commit();
            w.commit();
        }
        log.printf("facet bench: %d letters indexed with both facet kinds in %.1f s%n", letters, (System.nanoTime() - t0) / 1e9);

        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        try (FSDirectory d = FSDirectory.open(indexDir); FSDirectory td = FSDirectory.open(taxoDir);
             DirectoryReader reader = DirectoryReader.open(d)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            long s0 = System.nanoTime();
            Map<String, SortedSetDocValuesReaderState> states = new LinkedHashMap<>();
            for (String dim : DIMS) states.put(dim, new DefaultSortedSetDocValuesReaderState(reader, IndexSchema.facetField(dim), config));
            double stateMs = (System.nanoTime() - s0) / 1e6;
            s0 = System.nanoTime();
            try (DirectoryTaxonomyReader taxoReader = new DirectoryTaxonomyReader(td)) {
                double taxoOpenMs = (System.nanoTime() - s0) / 1e6;
                List<Query> queries = new ArrayList<>();
                for (String w : QueryMix.WORDS) {
                    var tokens = new ArrayList<String>();
                    try (var ts = schema.analyzer().tokenStream(IndexSchema.TEXT, w)) {
                        var a = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
                        ts.reset();
                        while (ts.incrementToken()) tokens.add(a.toString());
                        ts.end();
                    }
                    if (!tokens.isEmpty()) queries.add(new TermQuery(new Term(IndexSchema.TEXT, tokens.get(0))));
                }
                List<FacetsCollector> hits = new ArrayList<>();
                for (Query q : queries) hits.add(collect(searcher, q));
                FacetsCollector all = collect(searcher, new MatchAllDocsQuery());
                // same answers both ways, then timed rounds (alternating which goes first)
                for (FacetsCollector fc : hits) check(states, taxoReader, taxoConfig, fc);
                List<Double> ssdv = new ArrayList<>();
                List<Double> taxo = new ArrayList<>();
                double ssdvAll = Double.MAX_VALUE;
                double taxoAll = Double.MAX_VALUE;
                for (int r = 0; r < rounds + 2; r++) {
                    boolean measured = r >= 2;
                    for (int k = 0; k < 2; k++) {
                        boolean doSsdv = (r + k) % 2 == 0;
                        for (FacetsCollector fc : hits) {
                            long c = cpu.getCurrentThreadCpuTime();
                            if (doSsdv) countSsdv(states, fc); else countTaxonomy(taxoReader, taxoConfig, fc);
                            double ms = (cpu.getCurrentThreadCpuTime() - c) / 1e6;
                            if (measured) (doSsdv ? ssdv : taxo).add(ms);
                        }
                        long c = cpu.getCurrentThreadCpuTime();
                        if (doSsdv) countSsdv(states, all); else countTaxonomy(taxoReader, taxoConfig, all);
                        double ms = (cpu.getCurrentThreadCpuTime() - c) / 1e6;
                        if (measured) {
                            if (doSsdv) ssdvAll = Math.min(ssdvAll, ms); else taxoAll = Math.min(taxoAll, ms);
                        }
                    }
                }
                return new Result(letters, reader.leaves().size(), hits.size(),
                        Latency.median(ssdv.stream().mapToDouble(Double::doubleValue).toArray()),
                        Latency.median(taxo.stream().mapToDouble(Double::doubleValue).toArray()),
                        ssdvAll, taxoAll, stateMs, taxoOpenMs);
            }
        }
    }

    private static FacetsCollector collect(IndexSearcher searcher, Query q) throws IOException {
        FacetsCollector fc = new FacetsCollector();
        FacetsCollector.search(searcher, q, 1, fc);
        return fc;
    }

    private static void countSsdv(Map<String, SortedSetDocValuesReaderState> states, FacetsCollector fc) throws IOException {
        for (String dim : DIMS) new SortedSetDocValuesFacetCounts(states.get(dim), fc).getTopChildren(10, dim);
    }

    private static void countTaxonomy(DirectoryTaxonomyReader taxo, FacetsConfig config, FacetsCollector fc) throws IOException {
        for (String dim : DIMS) {
            Facets f = new FastTaxonomyFacetCounts("$taxo." + dim, taxo, config, fc);
            f.getTopChildren(10, dim);
        }
    }

    private static void check(Map<String, SortedSetDocValuesReaderState> states, DirectoryTaxonomyReader taxo,
                              FacetsConfig config, FacetsCollector fc) throws IOException {
        for (String dim : DIMS) {
            var a = new SortedSetDocValuesFacetCounts(states.get(dim), fc).getTopChildren(10, dim);
            var b = new FastTaxonomyFacetCounts("$taxo." + dim, taxo, config, fc).getTopChildren(10, dim);
            if (a != null && b != null && a.labelValues.length > 0 && b.labelValues.length > 0
                    && a.labelValues[0].value.longValue() != b.labelValues[0].value.longValue()) {
                throw new IllegalStateException("taxonomy and doc-values facets disagree on " + dim + ": " + a + " vs " + b);
            }
        }
    }
}
