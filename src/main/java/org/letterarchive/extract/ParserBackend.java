package org.letterarchive.extract;

import java.io.Closeable;

/** Where a document's bytes are parsed: in a separate process (uploads) or in this one (trusted files). */
public interface ParserBackend extends Closeable {

    /** Parses one document already admitted by {@link FormatPolicy}. */
    ParsedDocument parse(byte[] bytes, String fileName) throws ExtractionException;

    @Override
    void close();
}
