package org.letterarchive.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.tika.langdetect.opennlp.OpenNLPDetector;
import org.apache.tika.language.detect.LanguageResult;

/**
 * The language of a letter's body as an ISO 639-1 code. One OpenNLP detector is built (its model
 * loads once) and shared; it is not thread-safe, so calls take turns.
 */
public final class LanguageDetector {

    /** enough words to tell languages apart; more only costs time */
    private static final int SAMPLE = 2_000;
    private static final Map<String, String> ISO3_TO_ISO1 = new HashMap<>();

    static {
        for (String iso : Locale.getISOLanguages()) {
            try {
                ISO3_TO_ISO1.put(new Locale(iso).getISO3Language(), iso);
            } catch (java.util.MissingResourceException ignored) {
                // no three-letter code for this language
            }
        }
    }

    private final OpenNLPDetector detector = new OpenNLPDetector();

    /** ISO 639-1 code of the text's language, or null when unknown. */
    public String detect(String text) {
        if (text == null || text.isBlank()) return null;
        java.util.List<LanguageResult> results;
        synchronized (detector) {
            detector.reset();
            detector.addText(text.length() > SAMPLE ? text.substring(0, SAMPLE) : text);
            results = detector.detectAll();
        }
        // the best guess, even when the detector is not sure of it: short letters are still letters
        if (results.isEmpty() || results.get(0).getLanguage() == null || results.get(0).getLanguage().isEmpty()) return null;
        return toIso1(results.get(0).getLanguage());
    }

    /** eng → en, spa → es; two-letter codes pass through. */
    public static String toIso1(String code) {
        if (code == null) return null;
        String c = code.toLowerCase(Locale.ROOT);
        int dash = c.indexOf('-');
        if (dash > 0) c = c.substring(0, dash);
        if (c.length() == 2) return c;
        return ISO3_TO_ISO1.getOrDefault(c, c);
    }
}
