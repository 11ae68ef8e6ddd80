package org.letterarchive.extract;

import java.time.Duration;

/**
 * The limits on reading scans with OCR.
 *
 * @param maxPages         a scanned document with more pages is refused (413)
 * @param maxPixelsPerPage an image page larger than this is refused (413) before it is decoded: a
 *                         decompression bomb declares huge dimensions in a few bytes
 * @param pageTimeout      a page whose OCR takes longer stops the job (the parser process is killed)
 * @param workers          documents read by OCR at once (each holds one parser process for its duration)
 */
public record OcrLimits(int maxPages, long maxPixelsPerPage, Duration pageTimeout, int workers) {

    public static OcrLimits defaults() {
        return new OcrLimits(50, 60_000_000L, Duration.ofSeconds(90), 1);
    }

    public OcrLimits withMaxPages(int pages) {
        return new OcrLimits(pages, maxPixelsPerPage, pageTimeout, workers);
    }

    public OcrLimits withMaxPixelsPerPage(long pixels) {
        return new OcrLimits(maxPages, pixels, pageTimeout, workers);
    }

    public OcrLimits withPageTimeout(Duration timeout) {
        return new OcrLimits(maxPages, maxPixelsPerPage, timeout, workers);
    }

    public OcrLimits withWorkers(int n) {
        return new OcrLimits(maxPages, maxPixelsPerPage, pageTimeout, Math.max(1, n));
    }
}
