package org.letterarchive.extract;

import java.io.Closeable;

/** Where a document's bytes are parsed: in a separate process (uploads) or in this one (trusted files). */
public interface ParserBackend extends Closeable {

    /** Parses one document already admitted by {@link FormatPolicy}. */
    ParsedDocument parse(byte[] bytes, String fileName) throws ExtractionException;

    /**
     * Parses one document with what {@link FormatPolicy} found in it: a backend may use the verdict to
     * skip detecting the type again. The default parses as {@link #parse(byte[], String)} does.
     */
    default ParsedDocument parse(byte[] bytes, String fileName, FormatPolicy.Verdict verdict) throws ExtractionException {
        return parse(bytes, fileName);
    }

    /**
     * Parses one document and reads its scanned pages with OCR, telling {@code progress} after each page.
     * The default reads no scans.
     */
    default ParsedDocument parseScanned(byte[] bytes, String fileName, ScanReader.Progress progress) throws ExtractionException {
        return parse(bytes, fileName);
    }

    @Override
    void close();
}
