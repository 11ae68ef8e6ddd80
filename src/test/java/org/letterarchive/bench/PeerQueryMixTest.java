package org.letterarchive.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.letter.Signer;
import org.letterarchive.search.SearchRequest;

class PeerQueryMixTest {

    private static final SearchRequest.Answer SAME = SearchRequest.Answer.parse("signer:10,recipient:10,year:10,language:10", "1");

    private static List<String> params(String query) {
        List<String> out = new ArrayList<>();
        for (String p : query.split("&")) out.add(URLDecoder.decode(p, StandardCharsets.UTF_8));
        return out;
    }

    @Test
    void everyKindInTurnAndTheSameMixForTheSameSeed() {
        CorpusGenerator gen = new CorpusGenerator(7);
        List<PeerQueryMix.PeerQuery> a = PeerQueryMix.build(gen, 300, 21, 7, s -> s.name().toLowerCase(), SAME);
        List<PeerQueryMix.PeerQuery> b = PeerQueryMix.build(gen, 300, 21, 7, s -> s.name().toLowerCase(), SAME);
        assertEquals(a, b);
        assertEquals(Set.copyOf(PeerQueryMix.KINDS), a.stream().map(PeerQueryMix.PeerQuery::kind).collect(Collectors.toSet()));
        for (PeerQueryMix.PeerQuery q : a) {
            assertEquals(SAME, q.request().answer());
            switch (q.kind()) {
                case "two signers" -> assertEquals(SearchRequest.SignerMatch.all, q.request().signerMatch());
                case "facets only" -> assertTrue(q.request().query().isEmpty());
                case "word + signer" -> assertEquals(1, q.request().filter(IndexSchema.F_SIGNER).size());
                default -> { }
            }
        }
    }

    @Test
    void aSelectedFacetIsCountedSidewaysAndTwoRequiredSignersAreNot() {
        SearchRequest word = new SearchRequest("asylum", Map.of(), SearchRequest.SignerMatch.any,
                LocalDate.of(2005, 1, 1), LocalDate.of(2006, 12, 31), null, 1, 20, true)
                .withFilter(IndexSchema.F_YEAR, "2005").withAnswer(SAME);
        List<String> p = params(PeerQueryMix.solrQuery(word));
        assertTrue(p.contains("defType=edismax") && p.contains("q.op=AND") && p.contains("q=asylum"), p.toString());
        assertTrue(p.contains("fq={!term f=year tag=year}2005"), p.toString());
        assertTrue(p.contains("facet.field={!ex=year}year") && p.contains("facet.field=signer"), p.toString());
        assertTrue(p.contains("f.signer.facet.limit=10"), p.toString());
        assertTrue(p.contains("fq=date:[2005-01-01T00:00:00Z TO 2006-12-31T00:00:00Z]"), p.toString());
        assertTrue(p.contains("hl.snippets=1") && p.contains("rows=20"), p.toString());

        SearchRequest two = new SearchRequest("", Map.of(), SearchRequest.SignerMatch.all, null, null, null, 1, 20, true)
                .withFilter(IndexSchema.F_SIGNER, "a b", "c").withAnswer(SAME);
        List<String> q = params(PeerQueryMix.solrQuery(two));
        assertTrue(q.contains("q=*:*") && q.contains("fq={!term f=signer}a b") && q.contains("fq={!term f=signer}c"), q.toString());
        assertTrue(q.contains("facet.field=signer"), q.toString());
        assertFalse(q.stream().anyMatch(s -> s.startsWith("hl=")), "no words, no snippets");
    }

    @Test
    void solrDocumentsCarryTheArchivesFacetValues() throws Exception {
        CorpusGenerator.GeneratedLetter g = new CorpusGenerator(3).letter(5);
        Map<String, Object> d = PeerBenchmark.solrDoc(g.truth(), s -> "key:" + s.name());
        assertEquals(g.truth().id(), d.get("id"));
        assertEquals(g.truth().text(), d.get("text"));
        assertEquals(g.truth().signers().stream().map(s -> "key:" + s.name()).distinct().toList(), d.get("signer"));
        assertEquals(IndexSchema.yearOf(g.truth().date()), d.get("year"));
        assertEquals(IndexSchema.signerRange(g.truth().signerCount()), d.get("signers"));
        assertTrue(((String) d.get("summary")).contains("\"signerCount\":" + g.truth().signerCount()));
        assertTrue(g.truth().signers().stream().map(Signer::name).allMatch(((List<?>) d.get("signerNames"))::contains));
    }
}
