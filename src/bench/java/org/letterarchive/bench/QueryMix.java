package org.letterarchive.bench;

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
 * A fixed, seeded mix of searches over a generated corpus: single words, phrases, a facet filter, two
 * signers that must both have signed (signerMatch=all) and a date range; every one with highlighting.
 */
public final class QueryMix {

    /** One search of the mix and the kind it stands for. */
    public record BenchQuery(String kind, SearchRequest request) {}

    static final List<String> WORDS = List.of("disappeared", "asylum", "journalists", "mining", "militarization",
            "indigenous", "detention", "spyware", "water", "protest", "budget", "prosecutor",
            "desaparecidas", "periodistas", "migrantes", "concesiones", "militarización", "defensoras",
            "presupuesto", "fiscalía", "agua", "protesta", "impunidad", "frontera");

    static final List<String> PHRASES = List.of("\"human rights\"", "\"arbitrary detention\"", "\"fair trial\"",
            "\"protection mechanism\"", "\"freedom of expression\"", "\"derechos humanos\"", "\"libertad de expresión\"",
            "\"debido proceso\"", "\"personas migrantes\"", "\"sociedad civil\"");

    private static final String[] KINDS = {"word", "phrase", "facet", "signers-all", "date-range"};

    private QueryMix() {}

    /**
     * Builds {@code count} searches over the first {@code letters} letters of {@code gen}'s corpus.
     *
     * @param signerKey the index's organization key of a signer (the facet value to filter on)
     */
    public static List<BenchQuery> build(CorpusGenerator gen, int letters, int count, long seed,
                                         Function<Signer, String> signerKey) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        List<BenchQuery> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String kind = KINDS[i % KINDS.length];
            String word = WORDS.get(rnd.nextInt(WORDS.size()));
            SearchRequest base = new SearchRequest(word, Map.of(), SearchRequest.SignerMatch.any, null, null,
                    null, 1, SearchRequest.DEFAULT_SIZE, true);
            SearchRequest req = switch (kind) {
                case "word" -> base;
                case "phrase" -> new SearchRequest(PHRASES.get(rnd.nextInt(PHRASES.size())), Map.of(),
                        SearchRequest.SignerMatch.any, null, null, null, 1, SearchRequest.DEFAULT_SIZE, true);
                case "facet" -> facet(base, gen, letters, rnd, signerKey);
                case "signers-all" -> coSigned(gen, letters, rnd, signerKey);
                case "date-range" -> {
                    int year = 2000 + rnd.nextInt(23);
                    LocalDate from = LocalDate.of(year, 1 + rnd.nextInt(12), 1);
                    yield new SearchRequest(word, Map.of(), SearchRequest.SignerMatch.any, from,
                            from.plusMonths(6 + rnd.nextInt(30)).minusDays(1), null, 1, SearchRequest.DEFAULT_SIZE, true);
                }
                default -> throw new IllegalStateException(kind);
            };
            out.add(new BenchQuery(kind, req));
        }
        return out;
    }

    /** A word with one facet selected: a signer of a random letter, a year, or a language. */
    private static SearchRequest facet(SearchRequest base, CorpusGenerator gen, int letters, SplittableRandom rnd,
                                       Function<Signer, String> signerKey) {
        return switch (rnd.nextInt(3)) {
            case 0 -> {
                List<Signer> signers = gen.letter(rnd.nextInt(letters)).truth().signers();
                String key = signerKey.apply(signers.get(rnd.nextInt(signers.size())));
                yield base.withFilter(IndexSchema.F_SIGNER, key);
            }
            case 1 -> base.withFilter(IndexSchema.F_YEAR, Integer.toString(2000 + rnd.nextInt(25)));
            default -> base.withFilter(IndexSchema.F_LANGUAGE, rnd.nextBoolean() ? "en" : "es");
        };
    }

    /** Two organizations that co-signed a random letter, with a word from that letter. */
    private static SearchRequest coSigned(CorpusGenerator gen, int letters, SplittableRandom rnd,
                                          Function<Signer, String> signerKey) {
        for (int attempt = 0; ; attempt++) {
            CorpusGenerator.GeneratedLetter l = gen.letter(rnd.nextInt(letters));
            List<String> keys = l.truth().signers().stream().filter(Signer::isOrganization).map(signerKey).distinct().toList();
            if (keys.size() < 2 && attempt < 1000) continue;
            String text = l.text().toLowerCase(Locale.ROOT);
            String word = WORDS.stream().filter(w -> text.contains(w)).findFirst().orElse("");
            SearchRequest r = new SearchRequest(word, Map.of(), SearchRequest.SignerMatch.all, null, null, null, 1,
                    SearchRequest.DEFAULT_SIZE, true);
            return keys.size() < 2 ? r.withFilter(IndexSchema.F_SIGNER, keys.get(0))
                    : r.withFilter(IndexSchema.F_SIGNER, keys.get(0), keys.get(1));
        }
    }
}
