package org.letterarchive.extract;

import org.letterarchive.letter.Letter;
import org.letterarchive.letter.LetterId;

/** Turns a document's bytes into a Letter: Tika parsing, then the letter analysis. */
public final class LetterExtractor {

    private final DocumentParser parser;
    private final LetterAnalyzer analyzer = new LetterAnalyzer();

    public LetterExtractor() {
        this(new DocumentParser());
    }

    public LetterExtractor(DocumentParser parser) {
        this.parser = parser;
    }

    public Letter extract(byte[] bytes, String fileName) throws ExtractionException {
        ParsedDocument doc = parser.parse(bytes, fileName);
        return analyze(doc, LetterId.of(bytes), fileName);
    }

    /** The analysis alone, for a document parsed elsewhere (another process, a test). */
    public Letter analyze(ParsedDocument doc, String id, String fileName) throws ExtractionException {
        if (doc.text().isBlank()) {
            throw new ExtractionException(ExtractionException.Reason.EMPTY, "the document holds no text");
        }
        return analyzer.analyze(doc, id, fileName);
    }
}
