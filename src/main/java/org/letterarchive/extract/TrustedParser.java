package org.letterarchive.extract;

/**
 * Parses in this process, for files the operator trusts ({@code letters ingest --trusted}): fast, but a
 * parser that loops or runs out of memory takes this process with it.
 */
public final class TrustedParser implements ParserBackend {

    private final DocumentParser parser;

    public TrustedParser(IngestLimits limits) {
        this.parser = new DocumentParser(limits.maxTextChars(), limits.ocr());
    }

    @Override
    public ParsedDocument parseScanned(byte[] bytes, String fileName, ScanReader.Progress progress) throws ExtractionException {
        try {
            return ParserChild.clean(parser.parseScanned(bytes, fileName, progress));
        } catch (StackOverflowError e) {
            throw new ExtractionException(ExtractionException.Reason.CORRUPT, "the document is nested too deeply to read");
        } catch (OutOfMemoryError e) {
            throw new ExtractionException(ExtractionException.Reason.TOO_LARGE, "the document needs more memory to read than allowed");
        }
    }

    @Override
    public ParsedDocument parse(byte[] bytes, String fileName) throws ExtractionException {
        try {
            return ParserChild.clean(parser.parse(bytes, fileName));
        } catch (StackOverflowError e) {
            throw new ExtractionException(ExtractionException.Reason.CORRUPT, "the document is nested too deeply to read");
        } catch (OutOfMemoryError e) {
            throw new ExtractionException(ExtractionException.Reason.TOO_LARGE, "the document needs more memory to read than allowed");
        }
    }

    @Override
    public ParsedDocument parse(byte[] bytes, String fileName, FormatPolicy.Verdict verdict) throws ExtractionException {
        try {
            return ParserChild.clean(parser.parseSettled(bytes, fileName, DocumentParser.settledType(verdict)));
        } catch (StackOverflowError e) {
            throw new ExtractionException(ExtractionException.Reason.CORRUPT, "the document is nested too deeply to read");
        } catch (OutOfMemoryError e) {
            throw new ExtractionException(ExtractionException.Reason.TOO_LARGE, "the document needs more memory to read than allowed");
        }
    }

    @Override
    public void close() {}
}
