package org.letterarchive.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.letterarchive.extract.LineLabeller.Tag;
import org.letterarchive.extract.LineLabeller.TaggedLetter;
import org.letterarchive.extract.TextLines.Line;

/**
 * Hand-annotated letters (a folder of letters, one JSON object of annotations per letter, and the
 * publisher of each) turned into training data: each annotated name is aligned to the line or lines
 * of the extracted text that hold it, after the scorer's folding; lines that hold none are the
 * negative examples.
 */
public final class Annotations {

    /** One annotated letter: its file, publisher, annotation and parsed document. */
    public record Annotated(String file, String publisher, JsonNode gold, ParsedDocument doc) {}

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}_\\s]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** how far past a first match a better one is looked for */
    private static final int NEARBY = 40;

    private Annotations() {}

    /**
     * Reads the annotated letters in dir: {@code letters/}, {@code letters.gold.jsonl} and
     * {@code letters.sources.tsv} (file, source; a source "github:owner/repo/..." has publisher owner/repo).
     */
    public static List<Annotated> read(Path dir, DocumentParser parser) throws IOException, ExtractionException {
        Map<String, String> publishers = new HashMap<>();
        Path sources = dir.resolve("letters.sources.tsv");
        if (Files.exists(sources)) {
            List<String> rows = Files.readAllLines(sources);
            for (String row : rows.subList(Math.min(1, rows.size()), rows.size())) {
                String[] cols = row.split("\t");
                if (cols.length < 2) continue;
                publishers.put(cols[0], publisher(cols[1]));
            }
        }
        ObjectMapper mapper = new ObjectMapper();
        List<Annotated> out = new ArrayList<>();
        for (String row : Files.readAllLines(dir.resolve("letters.gold.jsonl"))) {
            if (row.isBlank()) continue;
            JsonNode gold = mapper.readTree(row);
            String file = gold.get("file").asText();
            Path path = dir.resolve("letters").resolve(file);
            ParsedDocument doc = parser.parse(Files.readAllBytes(path), file);
            out.add(new Annotated(file, publishers.getOrDefault(file, file), gold, doc));
        }
        return out;
    }

    static String publisher(String source) {
        if (!source.startsWith("github:")) return source;
        String[] parts = source.substring("github:".length()).split("/");
        return parts.length >= 2 ? parts[0] + "/" + parts[1] : source;
    }

    /** The tagged lines of one annotated letter. */
    public static TaggedLetter tag(Annotated a) {
        List<Line> lines = LetterAnalyzer.lines(a.doc());
        Tag[] tags = new Tag[lines.size()];
        java.util.Arrays.fill(tags, Tag.OTHER);
        String[] folded = new String[lines.size()];
        for (int i = 0; i < lines.size(); i++) folded[i] = " " + fold(lines.get(i).clean()) + " ";
        tagSigners(a.gold().path("signers"), folded, tags);
        tagRecipients(a.gold().path("recipients"), folded, tags);
        tagDate(a.gold(), lines, tags);
        tagTitle(a.gold(), lines, tags);
        return new TaggedLetter(a.file(), a.publisher(), lines, tags);
    }

    private static void tagSigners(JsonNode signers, String[] folded, Tag[] tags) {
        Map<Integer, Integer> perLine = new LinkedHashMap<>();
        Map<Integer, Boolean> personAt = new HashMap<>();
        Set<Integer> continued = new HashSet<>();
        int cursor = 0;
        for (JsonNode s : signers) {
            if (s.path("duplicate_of_earlier_entry").asBoolean(false)) continue;
            List<String> keys = new ArrayList<>();
            for (String field : new String[] {"raw", "name"}) {
                String k = fold(s.path(field).asText(""));
                if (!k.isEmpty()) keys.add(k);
            }
            int at = find(keys, folded, cursor, tags);
            if (at < 0) at = find(keys, folded, 0, tags);
            if (at >= 0) {
                perLine.merge(at, 1, Integer::sum);
                personAt.put(at, "person".equals(s.path("kind").asText()));
                cursor = at;
                continue;
            }
            // a name wrapped over two lines
            int wrapped = findWrapped(keys, folded, cursor);
            if (wrapped >= 0) {
                perLine.merge(wrapped, 1, Integer::sum);
                continued.add(wrapped + 1);
                cursor = wrapped + 1;
            }
        }
        if (perLine.isEmpty()) return;
        for (Map.Entry<Integer, Integer> e : perLine.entrySet()) tags[e.getKey()] = e.getValue() >= 2 ? Tag.SIGNERS : Tag.SIGNER;
        for (int c : continued) if (tags[c] == Tag.OTHER) tags[c] = Tag.CONTINUED;
        int first = perLine.keySet().stream().min(Integer::compare).orElseThrow();
        int last = perLine.keySet().stream().max(Integer::compare).orElseThrow();
        // a person's title and organisation under their name, up to the next entry
        for (int i = first + 1; i <= Math.min(folded.length - 1, last + 3); i++) {
            if (tags[i] != Tag.OTHER) continue;
            int owner = i - 1;
            while (owner >= first && (tags[owner] == Tag.DETAIL || tags[owner] == Tag.CONTINUED)) owner--;
            if (owner >= first && tags[owner] == Tag.SIGNER && Boolean.TRUE.equals(personAt.get(owner)) && i - owner <= 3
                    && folded[i].length() < 140) {
                tags[i] = Tag.DETAIL;
            }
        }
    }

    /**
     * The line at or after from that holds one of the keys as whole words and is most nearly made of it,
     * among the next lines that hold it ("Centro de Direito" in "Centro de Direito – CD" rather than in
     * "Centro de Direito da Universidade"); -1 when none does.
     */
    private static int find(List<String> keys, String[] folded, int from, Tag[] tags) {
        int best = -1;
        double bestCover = 0;
        for (int i = from; i < folded.length && (best < 0 || i < best + NEARBY); i++) {
            for (String k : keys) {
                if (!folded[i].contains(" " + k + " ")) continue;
                double cover = (k.length() + 2.0) / folded[i].length();
                if (tags[i] == Tag.SIGNER && cover < 0.99) cover *= 0.5;
                if (cover > bestCover + 0.05) {
                    best = i;
                    bestCover = cover;
                }
            }
        }
        return best;
    }

    private static int findWrapped(List<String> keys, String[] folded, int from) {
        for (int i = Math.max(0, from); i + 1 < folded.length; i++) {
            String joined = " " + (folded[i].strip() + " " + folded[i + 1].strip()).strip() + " ";
            for (String k : keys) {
                if (joined.contains(" " + k + " ") && !folded[i].contains(" " + k + " ") && !folded[i + 1].contains(" " + k + " ")) return i;
            }
        }
        return -1;
    }

    private static void tagRecipients(JsonNode recipients, String[] folded, Tag[] tags) {
        for (JsonNode r : recipients) {
            List<String> keys = new ArrayList<>();
            for (String field : new String[] {"raw", "name", "role"}) {
                String k = fold(r.path(field).asText(""));
                if (!k.isEmpty() && !k.equals("null")) keys.add(k);
            }
            for (int i = 0; i < folded.length; i++) {
                if (tags[i] != Tag.OTHER) continue;
                boolean hit = false;
                for (String k : keys) {
                    if (folded[i].contains(" " + k + " ") && k.length() + 2 >= folded[i].length() * 0.4) hit = true;
                }
                if (hit) {
                    tags[i] = Tag.ADDRESSEE;
                    break;
                }
            }
        }
    }

    private static void tagDate(JsonNode gold, List<Line> lines, Tag[] tags) {
        String date = gold.path("date").asText("");
        if (date.isEmpty() || date.equals("null")) return;
        LocalDate want = LocalDate.parse(date);
        for (int i = 0; i < lines.size(); i++) {
            if (tags[i] != Tag.OTHER) continue;
            String s = lines.get(i).clean();
            LocalDate d = DateFinder.dateLine(s, false);
            LocalDate e = DateFinder.dateLine(s, true);
            if (want.equals(d) || want.equals(e)) {
                tags[i] = Tag.DATE;
                return;
            }
        }
    }

    private static void tagTitle(JsonNode gold, List<Line> lines, Tag[] tags) {
        String title = gold.path("title").asText("");
        if (title.isEmpty() || title.equals("null")) return;
        Set<String> want = words(title);
        for (int i = 0; i < Math.min(lines.size(), 40); i++) {
            if (tags[i] != Tag.OTHER) continue;
            if (jaccard(want, words(lines.get(i).clean())) >= 0.8) {
                tags[i] = Tag.TITLE;
                return;
            }
        }
    }

    static double jaccard(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        if (union.isEmpty()) return 0;
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return (double) both.size() / union.size();
    }

    static Set<String> words(String s) {
        Set<String> w = new HashSet<>();
        for (String x : fold(s).split(" ")) if (!x.isEmpty()) w.add(x);
        return w;
    }

    /** The scorer's folding: case, accents, punctuation, white space, '&' as 'and', a leading 'the'. */
    public static String fold(String s) {
        if (s == null) return "";
        String t = Vocabulary.foldLatin(s, true);
        if (t == null) t = foldUnicode(s);
        return t.startsWith("the ") ? t.substring(4) : t;
    }

    /** The folding by the Unicode normaliser and regexes, for any text: {@link #fold} but for the leading 'the'. */
    static String foldUnicode(String s) {
        String t = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
        return SPACES.matcher(NON_WORD.matcher(t.replace("&", " and ")).replaceAll(" ")).replaceAll(" ").strip();
    }
}
