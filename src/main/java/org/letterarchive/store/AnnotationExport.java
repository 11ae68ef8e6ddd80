package org.letterarchive.store;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.letterarchive.corpus.Corpus;
import org.letterarchive.corpus.Json;
import org.letterarchive.corpus.StoredLetter;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;

/**
 * The archive's letters as hand annotations, in the format of the example letters' {@code letters.gold.jsonl}:
 * one JSON object a line with {@code file, date, title, recipients [{name, role, cc}], signers [{name, kind,
 * acronym, location, affiliation, title, raw, capacity}], language}. By default only the letters a curator
 * corrected or marked reviewed, whose every part a person has seen; so the archive's own corrections can
 * train and score the next analysis.
 */
public final class AnnotationExport {

    private AnnotationExport() {}

    /** True for a letter a curator corrected or marked reviewed. */
    public static boolean curated(StoredLetter s) {
        return s.corrections() != null;
    }

    /** Writes the letters (curated ones, or all), ordered by file name then id; returns how many. */
    public static int write(Corpus corpus, boolean all, Writer out) throws IOException {
        List<StoredLetter> letters = letters(corpus, all);
        for (StoredLetter s : letters) {
            out.write(Json.mapper().writeValueAsString(gold(s, fileName(s))));
            out.write('\n');
        }
        out.flush();
        return letters.size();
    }

    /** The letters to export, ordered by file name then id. */
    public static List<StoredLetter> letters(Corpus corpus, boolean all) throws IOException {
        List<StoredLetter> out = new ArrayList<>();
        try (Stream<StoredLetter> stored = corpus.all()) {
            stored.filter(s -> all || curated(s)).forEach(out::add);
        }
        out.sort(java.util.Comparator.comparing(AnnotationExport::fileName).thenComparing(StoredLetter::id));
        return out;
    }

    /** The name the letter arrived with, or its name in the corpus when it came without one. */
    public static String fileName(StoredLetter s) {
        String name = s.originalName() != null && !s.originalName().isBlank() ? s.originalName() : s.storedAs();
        return name == null ? s.id() : name;
    }

    /** One letter as an annotation, under the given file name. */
    public static Map<String, Object> gold(StoredLetter stored, String file) {
        Letter l = stored.letter();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("date", l.date() == null ? null : l.date().toString());
        m.put("title", l.title());
        m.put("recipients", l.recipients().stream().map(AnnotationExport::recipient).toList());
        m.put("signers", l.signers().stream().map(AnnotationExport::signer).toList());
        m.put("language", l.language());
        return m;
    }

    private static Map<String, Object> recipient(Recipient r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", blankToNull(r.name()));
        m.put("role", blankToNull(r.role()));
        if (r.cc()) m.put("cc", true);
        return m;
    }

    private static Map<String, Object> signer(Signer s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("kind", s.kind().name());
        m.put("acronym", blankToNull(s.acronym()));
        m.put("location", blankToNull(s.location()));
        // optional keys, written only where the letter gives them (as in the hand annotations)
        if (!blank(s.affiliation())) m.put("affiliation", s.affiliation());
        if (!blank(s.title())) m.put("title", s.title());
        if (!blank(s.raw()) && !s.raw().equals(s.name())) m.put("raw", s.raw());
        // the annotations write a person signing for themselves as "individual"; on behalf of the affiliation is the default
        if (s.capacity() == Signer.Capacity.personal) m.put("capacity", "individual");
        return m;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s;
    }
}
