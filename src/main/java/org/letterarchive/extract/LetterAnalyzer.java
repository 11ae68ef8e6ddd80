package org.letterarchive.extract;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tika.langdetect.opennlp.OpenNLPDetector;
import org.apache.tika.language.detect.LanguageResult;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;

/** Finds the parts of a letter (title, date, recipients, signers, language) in parsed text. */
public final class LetterAnalyzer {

    private static final Pattern SIGNATURE_CUE = Pattern.compile(
            "(?i)^(signed|sincerely|respectfully|signatories|endorsed by|atentamente|firman|suscriben)[,:.]?$");
    private static final Pattern ACRONYM = Pattern.compile("\\(([A-Z][A-Za-z&]{1,11})\\)");
    private static final Pattern US_DATE = Pattern.compile(
            "\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,\\s*(\\d{4})\\b");

    private final OpenNLPDetector languages = new OpenNLPDetector();

    public Letter analyze(ParsedDocument doc, String id, String fileName) {
        List<String> lines = doc.text().lines().map(String::strip).toList();
        List<Recipient> recipients = new ArrayList<>();
        List<Signer> signers = new ArrayList<>();
        LocalDate date = null;
        String title = doc.first("dc:title");
        boolean inTo = false;
        boolean inSigners = false;
        for (String line : lines) {
            if (line.isEmpty()) continue;
            if (inSigners) {
                Matcher m = ACRONYM.matcher(line);
                String acronym = m.find() ? m.group(1) : null;
                String name = acronym == null ? line : (line.substring(0, m.start()) + line.substring(m.end())).strip();
                signers.add(new Signer(name, Signer.Kind.organization, acronym, null, null, null,
                        name.equals(line) ? null : line));
                continue;
            }
            if (SIGNATURE_CUE.matcher(line).matches()) {
                inSigners = true;
                inTo = false;
                continue;
            }
            if (line.equalsIgnoreCase("To:")) {
                inTo = true;
                continue;
            }
            if (date == null) {
                date = parseDate(line);
                if (date != null) {
                    inTo = false;
                    continue;
                }
            }
            if (inTo) {
                int comma = line.indexOf(',');
                recipients.add(comma < 0 ? Recipient.of(line, null)
                        : Recipient.of(line.substring(0, comma).strip(), line.substring(comma + 1).strip()));
            } else if (title == null && date != null && line.length() > 20) {
                title = line;
            }
        }
        return new Letter(id, fileName, doc.mediaType(), language(doc.text()), title, date,
                date == null ? null : "text", recipients, signers, signers.size(), doc.text(), doc.warnings());
    }

    private static LocalDate parseDate(String line) {
        Matcher m = US_DATE.matcher(line);
        if (!m.find()) return null;
        String month = m.group(1).substring(0, 3);
        try {
            return LocalDate.parse(month + " " + m.group(2) + " " + m.group(3),
                    DateTimeFormatter.ofPattern("MMM d yyyy", Locale.ENGLISH));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private String language(String text) {
        if (text.isBlank()) return null;
        synchronized (languages) {
            languages.reset();
            languages.addText(text.length() > 20_000 ? text.substring(0, 20_000) : text);
            LanguageResult result = languages.detect();
            if (result.isUnknown()) return null;
            return iso6391(result.getLanguage());
        }
    }

    private static String iso6391(String code) {
        if (code == null || code.length() == 2) return code;
        for (String iso : Locale.getISOLanguages()) {
            Locale l = new Locale(iso);
            if (l.getISO3Language().equals(code)) return iso;
        }
        return code;
    }
}
