package org.letterarchive.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.letterarchive.corpus.DeletedLetterException;
import org.letterarchive.corpus.StoredLetter;
import org.letterarchive.corpus.Tombstone;
import org.letterarchive.extract.BulkZip;
import org.letterarchive.extract.ExtractionException;
import org.letterarchive.extract.ExtractionException.Reason;
import org.letterarchive.extract.FormatPolicy;
import org.letterarchive.extract.IngestLimits;
import org.letterarchive.extract.ParsedDocument;
import org.letterarchive.extract.ParserBackend;
import org.letterarchive.extract.DocumentParser;
import org.letterarchive.extract.ScanReader;
import org.letterarchive.letter.Ocr;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.LetterId;
import org.letterarchive.store.LetterStore;

/**
 * The one way a document enters the archive, read top to bottom:
 *
 * <ol>
 *   <li><b>receive</b>: the caller (HTTP upload, {@code letters ingest}) hands over files as {@link Incoming},
 *       each with its size known before its bytes are read;</li>
 *   <li><b>admit</b>: the size limit and the format policy (content sniffing), once per document;</li>
 *   <li><b>expand</b>: a ZIP is read entry by entry, each entry admitted like a file of its own;</li>
 *   <li><b>parse</b>: by the configured {@link ParserBackend} (a separate process, or in-process for trusted files);
 *       pages that are scans are only marked here. A document with scans is then <b>read with OCR</b>: in a
 *       background job when the pipeline has {@linkplain #startJobs jobs} (a server: the original is stored
 *       durably, the answer is a queued {@link OcrJobs.Job}, and {@link #completeScanned} takes it through the
 *       remaining stages), else at once ({@code letters ingest}, with page progress);</li>
 *   <li><b>analyze</b>: the letter analysis ({@link Analysis}), then the reader's prose ({@link ReaderText});</li>
 *   <li><b>store</b> and <b>index</b>: the original, its sidecar, the organization table and the index ({@link LetterStore});</li>
 *   <li><b>commit</b>: once per request, so everything answered as stored is durable and searchable;</li>
 *   <li><b>answer</b>: one {@link Result} per document.</li>
 * </ol>
 *
 * {@code letters extract} runs the same stages up to the analysis ({@link #extract}); {@code reindex
 * --reanalyze} parses and analyses stored originals again ({@link #reanalyze}).
 */
public final class IngestPipeline implements Closeable {

    /** A file as received: its name, its size, and its bytes, read only once the size is admitted. */
    public record Incoming(String name, long size, Content content) {
        /** Reads the bytes of a received file. */
        public interface Content {
            byte[] read() throws IOException;
        }

        public static Incoming of(String name, byte[] bytes) {
            return new Incoming(name, bytes.length, () -> bytes);
        }
    }

    /**
     * What became of one document: stored (created, or a duplicate of a stored letter) or refused with an
     * {@link ExtractionException} or {@link DeletedLetterException}. {@code archive} names the ZIP an entry came from.
     */
    public record Result(String name, String archive, LetterStore.Outcome outcome, StoredLetter stored, Exception error, OcrJobs.Job job) {
        public Result(String name, String archive, LetterStore.Outcome outcome, StoredLetter stored, Exception error) {
            this(name, archive, outcome, stored, error, null);
        }

        /** True when the document waits in an OCR job. */
        public boolean queued() {
            return job != null;
        }

        public boolean created() {
            return outcome == LetterStore.Outcome.created;
        }

        public Letter letter() {
            return stored == null ? null : stored.letter();
        }
    }

    private final LetterStore store;
    private final ParserBackend parser;
    private final Analysis analysis;
    private final IngestLimits limits;
    private final FormatPolicy policy = new FormatPolicy();
    private volatile ParserBackend ocrParser;
    private volatile OcrJobs jobs;
    private volatile ScanReader.Progress pages = ScanReader.Progress.NONE;
    private volatile Boolean ocrAvailable;

    /**
     * @param store null for a pipeline that only extracts ({@code letters extract})
     */
    public IngestPipeline(LetterStore store, IngestLimits limits, ParserBackend parser, Analysis analysis) {
        this.store = store;
        this.limits = limits;
        this.parser = parser;
        this.analysis = analysis;
    }

    public IngestLimits limits() {
        return limits;
    }

    /** True when scans can be read here (Tesseract and a letter language installed). */
    public boolean ocrAvailable() {
        Boolean a = ocrAvailable;
        if (a == null) ocrAvailable = a = ScanReader.available();
        return a;
    }

    /**
     * From now on documents with scanned pages are read in background jobs, on {@code ocrParser} (the
     * pipeline owns it), by {@code limits().ocr().workers()} workers; pending jobs from before a restart are
     * queued again. {@code statusOf} gives the HTTP status of a refusal, recorded with a failed job.
     */
    public OcrJobs startJobs(ParserBackend ocrParser, java.util.function.ToIntFunction<Exception> statusOf) throws IOException {
        this.ocrParser = ocrParser;
        OcrJobs j = new OcrJobs(store.corpus().root().resolve("jobs"), (bytes, job, progress) ->
                completeScanned(bytes, job.file(), job.archive(), job.restore(), progress), limits.ocr().workers(), statusOf);
        this.jobs = j;
        j.resume();
        return j;
    }

    /** The OCR jobs, or null when scans are read at once. */
    public OcrJobs jobs() {
        return jobs;
    }

    /** Told after each scanned page read at once (no jobs): {@code letters ingest} moves its progress bar. */
    public void onPages(ScanReader.Progress progress) {
        this.pages = progress == null ? ScanReader.Progress.NONE : progress;
    }

    // ---------- ingest: every stage ----------

    /**
     * Ingests files, ZIPs expanded, and commits once when {@code commit} is set (a batch commits later,
     * through the store). Bytes of a deleted letter are refused unless {@code restore} is set.
     */
    public List<Result> ingest(List<Incoming> files, boolean restore, boolean commit) throws IOException {
        List<Result> results = new ArrayList<>();
        try {
            for (Incoming file : files) receive(file, restore, results);
        } finally {
            if (commit && needsCommit(results)) store.commit();
        }
        return results;
    }

    /** One received file: admitted, expanded when it is a ZIP, each document taken to the store. */
    private void receive(Incoming file, boolean restore, List<Result> results) throws IOException {
        byte[] bytes;
        FormatPolicy.Verdict verdict;
        try {
            if (file.size() > limits.maxFileBytes()) throw tooLarge(limits);
            bytes = file.content().read();
            verdict = admit(bytes, file.name(), true);
        } catch (ExtractionException e) {
            results.add(new Result(file.name(), null, null, null, e));
            return;
        }
        if (!verdict.isZip()) {
            results.add(document(bytes, file.name(), null, verdict, restore));
            return;
        }
        try {
            BulkZip.read(bytes, limits, entry -> {
                if (entry.error() != null) {
                    results.add(new Result(entry.name(), file.name(), null, null, entry.error()));
                    return;
                }
                FormatPolicy.Verdict v;
                try {
                    v = admit(entry.bytes(), entry.name(), false);
                } catch (ExtractionException e) {
                    results.add(new Result(entry.name(), file.name(), null, null, e));
                    return;
                }
                results.add(document(entry.bytes(), entry.name(), file.name(), v, restore));
            });
        } catch (ExtractionException e) {
            // the archive as a whole was refused (damaged, tampered, too many entries): nothing from it stays
            results.add(new Result(file.name(), null, null, null, e));
        }
    }

    /** Admission, once per document: the size limit and the format policy; a ZIP only at the top. */
    private FormatPolicy.Verdict admit(byte[] bytes, String name, boolean zipAllowed) throws ExtractionException {
        if (bytes.length > limits.maxFileBytes()) throw tooLarge(limits);
        FormatPolicy.Verdict verdict = policy.check(bytes, name);
        if (verdict.isZip() && !zipAllowed) {
            throw new ExtractionException(Reason.UNSUPPORTED_TYPE,
                    "a ZIP archive is accepted only as a bulk upload of letters; archives inside it are not expanded");
        }
        return verdict;
    }

    /** An admitted document: duplicate and tombstone checks, parse, analysis, store and index. */
    private Result document(byte[] bytes, String name, String archive, FormatPolicy.Verdict verdict, boolean restore) throws IOException {
        String id = LetterId.of(bytes);
        try {
            Optional<StoredLetter> existing = store.get(id);
            if (existing.isPresent()) return new Result(name, archive, LetterStore.Outcome.duplicate, existing.get(), null);
            Optional<Tombstone> tombstone = restore ? Optional.empty() : store.tombstone(id);
            if (tombstone.isPresent()) throw new DeletedLetterException(tombstone.get());
            ParsedDocument doc = parse(bytes, name, verdict);
            int scanned = ScanReader.scannedPages(doc).size();
            if (scanned > 0) {
                OcrJobs j = jobs;
                if (ocrAvailable() && j != null) return new Result(name, archive, null, null, null, j.submit(bytes, name, archive, restore, scanned));
                doc = readScans(bytes, name, verdict, doc, scanned, pages);
            }
            Letter letter = analyze(doc, id, name);
            LetterStore.Stored stored = store.stage(bytes, id, name, letter);
            return new Result(name, archive, stored.outcome(), stored.letter(), null);
        } catch (ExtractionException | DeletedLetterException e) {
            return new Result(name, archive, null, null, e);
        }
    }

    /** A document's scanned pages read with OCR now; without Tesseract, the text layer alone with a warning. */
    private ParsedDocument readScans(byte[] bytes, String name, FormatPolicy.Verdict verdict, ParsedDocument doc, int scanned,
                                     ScanReader.Progress progress) throws ExtractionException {
        if (ocrAvailable()) {
            ParserBackend p = ocrParser != null ? ocrParser : parser;
            return withWarnings(p.parseScanned(bytes, name, progress), verdict);
        }
        if (DocumentParser.isImage(doc.mediaType())) {
            throw new ExtractionException(Reason.UNSUPPORTED_TYPE,
                    "this is an image of a letter, and images are read with OCR, which is not installed here (Tesseract)");
        }
        List<String> warnings = new ArrayList<>(doc.warnings());
        warnings.add(scanned + " scanned page(s) were not read: OCR is not installed here (Tesseract)");
        return new ParsedDocument(doc.text(), doc.mediaType(), doc.metadata(), doc.truncated(), warnings);
    }

    /**
     * An OCR job's document through the stages after admission: duplicate and tombstone checks again (the
     * same bytes may have arrived meanwhile), parse with OCR, analyze, store, index and commit.
     */
    public Result completeScanned(byte[] bytes, String name, String archive, boolean restore, ScanReader.Progress progress) throws IOException {
        String id = LetterId.of(bytes);
        Result r;
        try {
            Optional<StoredLetter> existing = store.get(id);
            if (existing.isPresent()) return new Result(name, archive, LetterStore.Outcome.duplicate, existing.get(), null);
            Optional<Tombstone> tombstone = restore ? Optional.empty() : store.tombstone(id);
            if (tombstone.isPresent()) throw new DeletedLetterException(tombstone.get());
            FormatPolicy.Verdict verdict = admit(bytes, name, false);
            ParsedDocument doc = readScans(bytes, name, verdict, null, 0, progress);
            Letter letter = analyze(doc, id, name);
            LetterStore.Stored stored = store.stage(bytes, id, name, letter);
            r = new Result(name, archive, stored.outcome(), stored.letter(), null);
        } catch (ExtractionException | DeletedLetterException e) {
            return new Result(name, archive, null, null, e);
        }
        store.commit();
        return r;
    }

    private ParsedDocument parse(byte[] bytes, String name, FormatPolicy.Verdict verdict) throws ExtractionException {
        return withWarnings(parser.parse(bytes, name, verdict), verdict);
    }

    private static ParsedDocument withWarnings(ParsedDocument doc, FormatPolicy.Verdict verdict) {
        if (verdict.warnings().isEmpty()) return doc;
        List<String> warnings = new ArrayList<>(verdict.warnings());
        warnings.addAll(doc.warnings());
        return new ParsedDocument(doc.text(), doc.mediaType(), doc.metadata(), doc.truncated(), warnings);
    }

    /** The analysis on the parsed text as it came, then the reader's prose as the letter's text. */
    private Letter analyze(ParsedDocument doc, String id, String name) throws ExtractionException {
        Letter letter;
        try {
            letter = analysis.analyze(doc, id, name);
        } catch (RuntimeException e) {
            throw new ExtractionException(Reason.CORRUPT, "the letter analysis failed on this document: " + e.getClass().getSimpleName(), e);
        }
        return letter.withText(ReaderText.of(doc, name)).withOcr(ocrOf(doc));
    }

    /** What the parser recorded of an OCR reading, or null when the text did not come from OCR. */
    static Ocr ocrOf(ParsedDocument doc) {
        String pages = doc.first(ScanReader.OCR_PAGES);
        if (pages == null) return null;
        try {
            String c = doc.first(ScanReader.OCR_CONFIDENCE);
            return new Ocr(Integer.parseInt(pages), c == null ? 0 : Double.parseDouble(c), doc.metadata().get(ScanReader.OCR_LANGUAGES));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A commit is due when a letter was created, or a duplicate names a letter another batch staged. */
    private boolean needsCommit(List<Result> results) {
        return results.stream().anyMatch(r -> r.stored() != null && (r.created() || store.isStaged(r.stored().id())));
    }

    // ---------- the same stages for one file, for the command line and tests ----------

    /** Ingests one document and commits; a refusal is thrown. Not for ZIPs (use {@link #ingest(List, boolean, boolean)}). */
    public Result ingest(byte[] bytes, String name, boolean restore, boolean commit) throws ExtractionException, IOException {
        List<Result> results = ingest(List.of(Incoming.of(name, bytes)), restore, commit);
        Result r = results.get(0);
        if (r.error() instanceof ExtractionException e) throw e;
        if (r.error() instanceof DeletedLetterException e) throw e;
        return r;
    }

    /** {@code letters extract}: admit, parse (scans read with OCR at once) and analyze; nothing is stored. */
    public Letter extract(byte[] bytes, String name) throws ExtractionException {
        FormatPolicy.Verdict verdict = admit(bytes, name, false);
        ParsedDocument doc = parse(bytes, name, verdict);
        int scanned = ScanReader.scannedPages(doc).size();
        if (scanned > 0) doc = readScans(bytes, name, verdict, doc, scanned, pages);
        return analyze(doc, LetterId.of(bytes), name);
    }

    /** What a re-analysis did. */
    public record Reanalysis(int analysed, int failed, List<String> failures) {}

    /**
     * {@code reindex --reanalyze}: parses every stored original again and runs the current analysis,
     * keeping human corrections; a letter whose original can no longer be parsed keeps its earlier
     * analysis. The caller rebuilds the index after.
     */
    public Reanalysis reanalyze() throws IOException {
        int ok = 0;
        List<String> failures = new ArrayList<>();
        for (String id : store.corpus().ids()) {
            Optional<StoredLetter> found = store.get(id);
            if (found.isEmpty()) continue;
            StoredLetter stored = found.get();
            try {
                byte[] bytes = store.original(stored);
                String name = stored.originalName() != null ? stored.originalName() : stored.storedAs();
                ParsedDocument doc = parser.parse(bytes, name);
                int scanned = ScanReader.scannedPages(doc).size();
                if (scanned > 0) doc = readScans(bytes, name, policy.check(bytes, name), doc, scanned, ScanReader.Progress.NONE);
                Letter letter = analyze(doc, id, stored.originalName()).withId(id);
                Optional<StoredLetter> current = store.get(id);
                if (current.isPresent()) store.rewrite(current.get().withExtracted(letter, LetterStore.ANALYSIS_VERSION));
                ok++;
            } catch (ExtractionException | IOException | RuntimeException e) {
                failures.add(id + ": " + e.getMessage());
            }
        }
        return new Reanalysis(ok, failures.size(), failures);
    }

    /** The refusal of a document over the size limit, wherever it is met. */
    public static ExtractionException tooLarge(IngestLimits limits) {
        return new ExtractionException(Reason.TOO_LARGE, "the file is larger than the limit of " + IngestLimits.size(limits.maxFileBytes()));
    }

    @Override
    public void close() {
        OcrJobs j = jobs;
        if (j != null) j.close();
        ParserBackend o = ocrParser;
        if (o != null) o.close();
        parser.close();
    }
}
