package org.letterarchive.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The archive's facet counting answers exactly as Lucene's SortedSetDocValuesFacetCounts: on many-valued,
 * few-valued (counted through value sets) and single-valued dimensions, over several segments (some written
 * without value sets, as an index of an older schema would have them), with deletions and letters without values.
 */
class DimensionCountsTest {

    private static final String MANY = IndexSchema.F_SIGNER;
    private static final String FEW = IndexSchema.F_RECIPIENT_ROLE;
    private static final String ONE = IndexSchema.F_YEAR;

    @Test
    void countsAsLuceneDoesOnEveryKindOfDimension() throws Exception {
        IndexSchema schema = new IndexSchema();
        FacetsConfig config = schema.facetsConfig();
        Random random = new Random(7);
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
            int id = 0;
            for (int segment = 0; segment < 6; segment++) {
                boolean withSets = segment != 2; // one segment as an older schema wrote it
                for (int i = 0; i < 300 + segment * 150; i++, id++) {
                    Document d = new Document();
                    d.add(new StringField("id", Integer.toString(id), Field.Store.NO));
                    d.add(new StringField("bucket", Integer.toString(random.nextInt(4)), Field.Store.NO));
                    Set<String> many = values(random, "org", 400, random.nextInt(12));
                    Set<String> few = values(random, "role", 6, random.nextInt(4));
                    many.forEach(v -> d.add(new SortedSetDocValuesFacetField(MANY, v)));
                    few.forEach(v -> d.add(new SortedSetDocValuesFacetField(FEW, v)));
                    if (withSets && !few.isEmpty()) {
                        d.add(new SortedDocValuesField(IndexSchema.valueSetField(FEW), IndexSchema.valueSet(few)));
                    }
                    if (random.nextInt(10) > 0) d.add(new SortedSetDocValuesFacetField(ONE, Integer.toString(1990 + random.nextInt(30))));
                    w.addDocument(config.build(d));
                }
                w.commit();
            }
            for (int i = 0; i < 200; i++) w.deleteDocuments(new Term("id", Integer.toString(random.nextInt(id))));
            w.commit();

            try (DirectoryReader reader = DirectoryReader.open(w)) {
                assertTrue(reader.leaves().size() > 1);
                LetterSearcher searcher = new LetterSearcher(reader, config, null);
                IndexSearcher plain = new IndexSearcher(reader);
                List<Query> queries = List.of(new MatchAllDocsQuery(), new TermQuery(new Term("bucket", "1")),
                        new TermQuery(new Term("id", "5")), new TermQuery(new Term("bucket", "none")),
                        // a few letters of each segment: counted straight into the reader's ordinals
                        new TermInSetQuery("id", IntStream.range(0, id).filter(i -> i % 97 == 3)
                                .mapToObj(i -> new BytesRef(Integer.toString(i))).toList()));
                int answered = 0;
                for (Query q : queries) {
                    FacetsCollector hits = plain.search(q, new FacetsCollectorManager());
                    Facets ours = searcher.facets(hits);
                    for (String dim : List.of(MANY, FEW, ONE)) {
                        SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, IndexSchema.facetField(dim), config);
                        Facets lucene = new SortedSetDocValuesFacetCounts(state, hits);
                        String at = q + " " + dim;
                        for (int n : new int[] {1, 3, 10, 1000}) {
                            assertEquals(lucene.getTopChildren(n, dim), ours.getTopChildren(n, dim), at + " top " + n);
                        }
                        assertEquals(lucene.getAllChildren(dim), ours.getAllChildren(dim), at + " all");
                        FacetResult all = lucene.getAllChildren(dim);
                        if (all != null) answered++;
                        for (var lv : all == null ? new LabelAndValue[0] : all.labelValues) {
                            assertEquals(lucene.getSpecificValue(dim, lv.label), ours.getSpecificValue(dim, lv.label), at + " " + lv.label);
                        }
                        assertEquals(lucene.getSpecificValue(dim, "never"), ours.getSpecificValue(dim, "never"), at);
                    }
                }
                assertTrue(answered >= 9, "most searches have values to count");
            }
        }
    }

    @Test
    void aValueSetIsReadBackAsWritten() {
        Set<String> labels = new TreeSet<>(List.of("Minister", "Prime minister", "Ministra de Saúde", "\u001Fodd"));
        assertEquals(new ArrayList<>(labels), IndexSchema.readValueSet(IndexSchema.valueSet(labels)));
        assertEquals(IndexSchema.valueSet(Set.of("b", "a")), IndexSchema.valueSet(new LinkedHashSet<>(List.of("a", "b"))),
                "the same values make the same set, in whatever order they came");
    }

    private static Set<String> values(Random random, String prefix, int range, int n) {
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < n; i++) out.add(prefix + " " + (int) Math.abs(range * random.nextGaussian() / 3) % range);
        return out;
    }
}
