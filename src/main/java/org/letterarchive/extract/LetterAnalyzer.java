package org.letterarchive.extract;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.letterarchive.extract.TextLines.Line;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Recipient;

/**
 * Finds the parts of a letter in parsed text: front matter, language, date, title, recipients and
 * signers, each by its own finder. Thread-safe; build one and reuse it (the language model loads once).
 */
public final class LetterAnalyzer {

    /** languages whose numeric dates are written day first */
    private static final Set<String> DAY_FIRST = Set.of("es", "pt", "fr", "it", "de", "nl", "ca", "gl");
    private static final int HEAD_SEARCH = 80;

    private final LanguageDetector languages = new LanguageDetector();

    public Letter analyze(ParsedDocument doc, String id, String fileName) {
        FrontMatter front = FrontMatter.read(doc.text());
        String body = doc.text().substring(front.bodyStart());
        List<Line> lines = TextLines.of(body);
        String language = languages.detect(lines.stream().map(Line::clean).collect(Collectors.joining("\n")));
        boolean dayFirst = language != null && DAY_FIRST.contains(language);

        int salutation = Salutation.find(lines, 0, HEAD_SEARCH);
        SignatureBlock block = SignatureBlock.find(lines, Math.max(0, salutation));
        if (block.cueIndex() < 0 && salutation >= 0) block = SignatureBlock.find(lines, 0);
        DateFinder.Result date = DateFinder.find(lines, block.cueIndex(), dayFirst, front, doc);
        if (salutation < 0 && date.lineIndex() >= 0 && date.lineIndex() + 1 < lines.size()) {
            String next = lines.get(date.lineIndex() + 1).clean();
            if (next.endsWith(",") && next.length() < 160 && Character.isUpperCase(next.codePointAt(0))) salutation = date.lineIndex() + 1;
        }
        TitleFinder.Result title = TitleFinder.find(lines, date.lineIndex(), salutation, block.cueIndex(), front, doc);
        List<Recipient> recipients = RecipientFinder.find(lines, salutation, date.lineIndex(), title.lineIndex(),
                title.title(), block.cueIndex());
        return new Letter(id, fileName, doc.mediaType(), language, title.title(), date.date(), date.source(),
                recipients, block.signers(), block.signerCount(), doc.text(), doc.warnings());
    }
}
