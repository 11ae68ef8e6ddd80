package org.letterarchive.ingest;

import org.letterarchive.extract.ExtractionException;
import org.letterarchive.extract.LetterExtractor;
import org.letterarchive.extract.ParsedDocument;
import org.letterarchive.letter.Letter;

/**
 * The letter analysis as the ingest pipeline sees it: a parsed document in, a letter out. Another analysis
 * (a trained one) is swapped in by passing another implementation to the pipeline.
 */
@FunctionalInterface
public interface Analysis {

    Letter analyze(ParsedDocument doc, String id, String fileName) throws ExtractionException;

    /**
     * The archive's own analysis ({@link LetterExtractor}), built on first use or by {@link Lazy#warmUp}:
     * its construction loads the language models, which a restart need not wait for.
     */
    static Lazy standard() {
        return new Lazy();
    }

    /** The standard analysis, built once, on first use or in the background. */
    final class Lazy implements Analysis {
        private volatile LetterExtractor extractor;

        private LetterExtractor extractor() {
            LetterExtractor e = extractor;
            if (e == null) {
                synchronized (this) {
                    e = extractor;
                    if (e == null) extractor = e = new LetterExtractor();
                }
            }
            return e;
        }

        @Override
        public Letter analyze(ParsedDocument doc, String id, String fileName) throws ExtractionException {
            return extractor().analyze(doc, id, fileName);
        }

        /** Builds the analysis on a background thread. */
        public void warmUp() {
            Thread t = new Thread(this::extractor, "letters-analysis-warm-up");
            t.setDaemon(true);
            t.start();
        }
    }
}
