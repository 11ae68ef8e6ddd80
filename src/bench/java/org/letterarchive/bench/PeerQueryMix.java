package org.letterarchive.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.letter.Signer;
import org.letterarchive.search.SearchRequest;

/**
 * The seeded query mix of {@code bench peer}: seven kinds of search, each asked of the archive (its search API)
 * and of Solr (the {@code /select} request that does the same work on the configset in {@code src/bench/solr}).
 *
 * <p>Kinds: a common word of the corpus, a rare word (an organization's acronym, drawn from every organization
 * alike, so most are signed by few letters), a phrase, a word with one signer selected, two signers who must both
 * have signed (no word), a word within a span of years, and facets only (every letter of one year or one
 * language). Selected facets count sideways on both (the archive's drill-sideways; Solr's tagged filter
 * excluded from its own facet).
 */
public final class PeerQueryMix {

    public static final List<String> KINDS = List.of("common word", "rare word", "phrase", "word + signer",
            "two signers", "word + years", "facets only");

    /** One search of the mix: its kind and the archive's request. */
    public record PeerQuery(String kind, SearchRequest request) {}

    private PeerQueryMix() {}

    public static List<PeerQuery> build(CorpusGenerator gen, int letters, int count, long seed,
                                        Function<Signer, String> signerKey, SearchRequest.Answer answer) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        List<CorpusGenerator.Org> acronyms = gen.organizations().stream()
                .filter(o -> o.acronym() != null && o.acronym().length() >= 3).toList();
        List<PeerQuery> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String kind = KINDS.get(i % KINDS.size());
            String word = QueryMix.WORDS.get(rnd.nextInt(QueryMix.WORDS.size()));
            SearchRequest req = switch (kind) {
                case "common word" -> request(word);
                case "rare word" -> request(acronyms.get(rnd.nextInt(acronyms.size())).acronym());
                case "phrase" -> request(QueryMix.PHRASES.get(rnd.nextInt(QueryMix.PHRASES.size())));
                case "word + signer" -> {
                    CorpusGenerator.GeneratedLetter l = gen.letter(rnd.nextInt(letters));
                    List<Signer> signers = l.truth().signers();
                    String key = signerKey.apply(signers.get(rnd.nextInt(signers.size())));
                    yield request(wordOf(l, rnd)).withFilter(IndexSchema.F_SIGNER, key);
                }
                case "two signers" -> twoSigners(gen, letters, rnd, signerKey);
                case "word + years" -> {
                    int year = 2000 + rnd.nextInt(22);
                    LocalDate from = LocalDate.of(year, 1, 1);
                    LocalDate to = LocalDate.of(year + 1 + rnd.nextInt(3), 12, 31);
                    yield new SearchRequest(word, Map.of(), SearchRequest.SignerMatch.any, from, to, null, 1,
                            SearchRequest.DEFAULT_SIZE, true);
                }
                case "facets only" -> rnd.nextBoolean()
                        ? request("").withFilter(IndexSchema.F_YEAR, Integer.toString(2000 + rnd.nextInt(25)))
                        : request("").withFilter(IndexSchema.F_LANGUAGE, rnd.nextBoolean() ? "en" : "es");
                default -> throw new IllegalStateException(kind);
            };
            out.add(new PeerQuery(kind, req.withAnswer(answer)));
        }
        return out;
    }

    private static SearchRequest request(String q) {
        return new SearchRequest(q, Map.of(), SearchRequest.SignerMatch.any, null, null, null, 1,
                SearchRequest.DEFAULT_SIZE, true);
    }

    /** A word of the mix that the letter holds (so that a signer's letters have hits), else any word. */
    private static String wordOf(CorpusGenerator.GeneratedLetter l, SplittableRandom rnd) {
        String text = l.text().toLowerCase(Locale.ROOT);
        List<String> in = QueryMix.WORDS.stream().filter(text::contains).toList();
        return in.isEmpty() ? QueryMix.WORDS.get(rnd.nextInt(QueryMix.WORDS.size())) : in.get(rnd.nextInt(in.size()));
    }

    /** Two organizations that co-signed a random letter, both required, no words. */
    private static SearchRequest twoSigners(CorpusGenerator gen, int letters, SplittableRandom rnd,
                                            Function<Signer, String> signerKey) {
        for (int attempt = 0; ; attempt++) {
            CorpusGenerator.GeneratedLetter l = gen.letter(rnd.nextInt(letters));
            List<String> keys = l.truth().signers().stream().filter(Signer::isOrganization).map(signerKey)
                    .filter(k -> k != null && !k.isBlank()).distinct().toList();
            if (keys.size() < 2 && attempt < 1000) continue;
            int a = rnd.nextInt(keys.size());
            int b = keys.size() < 2 ? a : (a + 1 + rnd.nextInt(keys.size() - 1)) % keys.size();
            SearchRequest r = new SearchRequest("", Map.of(), SearchRequest.SignerMatch.all, null, null, null, 1,
                    SearchRequest.DEFAULT_SIZE, true);
            return a == b ? r.withFilter(IndexSchema.F_SIGNER, keys.get(a))
                    : r.withFilter(IndexSchema.F_SIGNER, keys.get(a), keys.get(b));
        }
    }

    /** The fields a word searches on the Solr side, with the archive's boosts (LetterQueryParser). */
    static final String SOLR_QF = "title^3 title_stem^1.5 text^1 text_stem^0.5 signer_text^2 recipient_text^2";
    /** The fields quoted text searches: the exact ones (the stemmed copies keep no positions). */
    static final String SOLR_QF_QUOTED = "title^3 text^1 signer_text^2 recipient_text^2";
    /** The archive's snippet length (SearchService.SNIPPET_CHARS). */
    static final int SNIPPET_CHARS = 160;

    /**
     * The Solr request that does the archive's work for {@code r}: the same words over the same fields (all
     * required, each word may match in any field), the same filters, the same facets at the same sizes
     * (selected dimensions counted sideways), the same page of hits with their stored summary, and the same
     * number of snippets from offsets in the text's postings.
     */
    public static String solrQuery(SearchRequest r) {
        StringBuilder q = new StringBuilder("wt=json&echoParams=none&fl=id,summary&rows=").append(r.size())
                .append("&start=").append((r.page() - 1) * r.size());
        boolean words = r.query() != null && !r.query().isBlank();
        if (words) {
            boolean quoted = r.query().strip().startsWith("\""); // the mix's phrases: one quoted phrase alone
            q.append("&defType=edismax&q.op=AND&sow=true&q=").append(enc(r.query())).append("&qf=")
                    .append(enc(quoted ? SOLR_QF_QUOTED : SOLR_QF));
        } else {
            q.append("&q=").append(enc("*:*"));
        }
        if (r.from() != null || r.to() != null) {
            q.append("&fq=").append(enc("date:[" + (r.from() == null ? "*" : r.from() + "T00:00:00Z") + " TO "
                    + (r.to() == null ? "*" : r.to() + "T00:00:00Z") + "]"));
        }
        r.filters().forEach((dim, values) -> {
            if (dim.equals(IndexSchema.F_SIGNER) && r.signerMatch() == SearchRequest.SignerMatch.all) {
                for (String v : values) q.append("&fq=").append(enc("{!term f=" + dim + "}" + v)); // each required
            } else if (values.size() == 1) {
                q.append("&fq=").append(enc("{!term f=" + dim + " tag=" + dim + "}" + values.get(0)));
            } else {
                StringBuilder or = new StringBuilder("{!tag=" + dim + "}");
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) or.append(" OR ");
                    or.append(dim).append(":\"").append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                }
                q.append("&fq=").append(enc(or.toString()));
            }
        });
        SearchRequest.Answer a = r.answer();
        if (!a.facets().isEmpty()) {
            q.append("&facet=true&facet.mincount=1");
            a.facets().forEach((dim, size) -> {
                boolean sideways = r.filters().containsKey(dim)
                        && !(dim.equals(IndexSchema.F_SIGNER) && r.signerMatch() == SearchRequest.SignerMatch.all);
                q.append("&facet.field=").append(enc((sideways ? "{!ex=" + dim + "}" : "") + dim))
                        .append("&f.").append(dim).append(".facet.limit=").append(size);
            });
        }
        if (words && r.highlight() && a.snippets() > 0) {
            q.append("&hl=true&hl.method=unified&hl.fl=text&hl.offsetSource=POSTINGS&hl.snippets=").append(a.snippets())
                    .append("&hl.bs.type=SEPARATOR&hl.bs.separator=").append(enc(" ")).append("&hl.fragsize=").append(SNIPPET_CHARS)
                    .append("&hl.fragAlignRatio=0.5&hl.fragsizeIsMinimum=false&hl.maxAnalyzedChars=200000")
                    .append("&hl.tag.pre=").append(enc("<mark>")).append("&hl.tag.post=").append(enc("</mark>"))
                    .append("&hl.encoder=html");
        }
        return q.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
