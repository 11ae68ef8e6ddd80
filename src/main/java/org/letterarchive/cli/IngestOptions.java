package org.letterarchive.cli;

import java.time.Duration;
import org.letterarchive.extract.IngestLimits;
import org.letterarchive.extract.OcrLimits;
import picocli.CommandLine.Option;

/** The limits and parser settings shared by `serve` and `ingest`. */
final class IngestOptions {

    @Option(names = "--max-file-mb", defaultValue = "50", paramLabel = "MB",
            description = "largest accepted document or upload (default: ${DEFAULT-VALUE} MB)")
    long maxFileMb;

    @Option(names = "--parse-timeout", defaultValue = "30", paramLabel = "SECONDS",
            description = "a parse taking longer is stopped (default: ${DEFAULT-VALUE} s)")
    int parseTimeoutSeconds;

    @Option(names = "--parser-heap-mb", defaultValue = "512", paramLabel = "MB",
            description = "heap of each parser process (default: ${DEFAULT-VALUE} MB)")
    int parserHeapMb;

    @Option(names = "--parsers", defaultValue = "2", paramLabel = "N",
            description = "parser processes kept warm, and documents parsed at once (default: ${DEFAULT-VALUE})")
    int parsers;

    @Option(names = "--ocr-workers", defaultValue = "1", paramLabel = "N",
            description = "scanned documents read with OCR at once, each in its own parser process (default: ${DEFAULT-VALUE})")
    int ocrWorkers;

    @Option(names = "--ocr-max-pages", defaultValue = "50", paramLabel = "N",
            description = "a scan with more pages is refused (default: ${DEFAULT-VALUE})")
    int ocrMaxPages;

    @Option(names = "--ocr-max-megapixels", defaultValue = "60", paramLabel = "MP",
            description = "an image page with more pixels is refused (default: ${DEFAULT-VALUE} million)")
    int ocrMaxMegapixels;

    @Option(names = "--ocr-page-timeout", defaultValue = "90", paramLabel = "SECONDS",
            description = "reading one scanned page may take this long (default: ${DEFAULT-VALUE} s)")
    int ocrPageTimeoutSeconds;

    IngestLimits limits() {
        IngestLimits d = IngestLimits.defaults();
        OcrLimits ocr = new OcrLimits(Math.max(1, ocrMaxPages), Math.max(1, ocrMaxMegapixels) * 1_000_000L,
                Duration.ofSeconds(Math.max(1, ocrPageTimeoutSeconds)), Math.max(1, ocrWorkers));
        return new IngestLimits(Math.max(1, maxFileMb) * IngestLimits.MB, d.maxTextChars(),
                Duration.ofSeconds(Math.max(1, parseTimeoutSeconds)), d.maxZipEntries(), d.maxZipTotalBytes(),
                Math.max(64, parserHeapMb), ocr);
    }
}
