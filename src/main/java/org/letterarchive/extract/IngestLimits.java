package org.letterarchive.extract;

import java.time.Duration;

/**
 * The limits every document that enters the archive is held to, whether it comes by upload, inside a ZIP
 * or from the command line.
 *
 * @param maxFileBytes     largest accepted document (and largest upload request body)
 * @param maxTextChars     extracted text beyond this is cut, with a warning
 * @param parseTimeout     a parse that takes longer is stopped (the parser process is killed)
 * @param maxZipEntries    a ZIP with more entries is refused whole
 * @param maxZipTotalBytes entries past this total uncompressed size are refused
 * @param parserHeapMb     heap of each parser process
 * @param ocr              the limits on reading scans (pages, pixels per page, time per page, OCR workers)
 */
public record IngestLimits(long maxFileBytes, int maxTextChars, Duration parseTimeout, int maxZipEntries,
                           long maxZipTotalBytes, int parserHeapMb, OcrLimits ocr) {

    public static final long MB = 1024L * 1024L;

    public IngestLimits(long maxFileBytes, int maxTextChars, Duration parseTimeout, int maxZipEntries,
                        long maxZipTotalBytes, int parserHeapMb) {
        this(maxFileBytes, maxTextChars, parseTimeout, maxZipEntries, maxZipTotalBytes, parserHeapMb, OcrLimits.defaults());
    }

    public IngestLimits {
        if (ocr == null) ocr = OcrLimits.defaults();
    }

    public static IngestLimits defaults() {
        return new IngestLimits(50 * MB, DocumentParser.DEFAULT_WRITE_LIMIT, Duration.ofSeconds(30), 1000, 500 * MB, 512);
    }

    public IngestLimits withMaxFileBytes(long bytes) {
        return new IngestLimits(bytes, maxTextChars, parseTimeout, maxZipEntries, maxZipTotalBytes, parserHeapMb, ocr);
    }

    public IngestLimits withParseTimeout(Duration timeout) {
        return new IngestLimits(maxFileBytes, maxTextChars, timeout, maxZipEntries, maxZipTotalBytes, parserHeapMb, ocr);
    }

    public IngestLimits withZip(int entries, long totalBytes) {
        return new IngestLimits(maxFileBytes, maxTextChars, parseTimeout, entries, totalBytes, parserHeapMb, ocr);
    }

    public IngestLimits withOcr(OcrLimits limits) {
        return new IngestLimits(maxFileBytes, maxTextChars, parseTimeout, maxZipEntries, maxZipTotalBytes, parserHeapMb, limits);
    }

    /** "50 MB" style, for messages. */
    public static String size(long bytes) {
        return bytes >= MB ? (bytes / MB) + " MB" : bytes >= 1024 ? (bytes / 1024) + " KB" : bytes + " bytes";
    }
}
