package org.letterarchive;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.letterarchive.corpus.Corpus;
import org.letterarchive.corpus.Corrections;
import org.letterarchive.corpus.DeletedLetterException;
import org.letterarchive.corpus.OrganizationRegistry;
import org.letterarchive.corpus.StoredLetter;
import org.letterarchive.corpus.Tombstone;
import org.letterarchive.extract.BulkZip;
import org.letterarchive.extract.ExtractionException;
import org.letterarchive.extract.FormatPolicy;
import org.letterarchive.extract.IngestLimits;
import org.letterarchive.extract.LetterExtractor;
import org.letterarchive.extract.ParsedDocument;
import org.letterarchive.extract.ParserBackend;
import org.letterarchive.extract.TrustedParser;
import org.letterarchive.index.LetterIndex;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.LetterId;
import org.letterarchive.search.SearchService;

/**
 * The archive as one unit: the corpus (source of truth), the index built from it, the organization
 * table and the extraction pipeline. Ingest stores the original and its sidecar durably, then indexes;
 * the index can always be rebuilt from the corpus.
 */
public final class Archive implements Closeable {

    /** Version of the letter analysis whose output the sidecars hold. */
    public static final int ANALYSIS_VERSION = 2;

    /** How one document's ingest ended. */
    public enum Outcome { created, duplicate }

    public record IngestResult(Outcome outcome, StoredLetter stored) {
        public Letter letter() {
            return stored.letter();
        }
    }

    /** One entry of a bulk ingest: its result, or the refusal (ExtractionException, DeletedLetterException). */
    public record EntryResult(String name, IngestResult result, Exception error) {}

    private final Corpus corpus;
    private final LetterIndex index;
    private final OrganizationRegistry organizations;
    /** Built on first use: its construction loads Tika and the language models, which a restart need not wait for. */
    private volatile LetterExtractor extractor;
    private final SearchService search;
    private final org.letterarchive.search.OrganizationService organizationService;
    private final IngestLimits limits;
    private final ParserBackend parser;
    private final FormatPolicy policy = new FormatPolicy();
    /**
     * Stores take it shared (they run in parallel, one id at a time under {@link #stripe}); commit,
     * heal, reindex, corrections, deletes and merges take it exclusive.
     */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Object[] stripes = new Object[64];

    {
        for (int i = 0; i < stripes.length; i++) stripes[i] = new Object();
    }

    /** The lock that orders stores of the same id (the duplicate check and the write are one step). */
    private Object stripe(String id) {
        return stripes[(id.hashCode() & 0x7fffffff) % stripes.length];
    }

    private Archive(Corpus corpus, LetterIndex index, IngestLimits limits, ParserBackend parser) throws IOException {
        this.corpus = corpus;
        this.index = index;
        this.organizations = OrganizationRegistry.load(corpus);
        this.search = new SearchService(index, organizations::label);
        this.organizationService = new org.letterarchive.search.OrganizationService(index, organizations);
        this.limits = limits;
        this.parser = parser;
    }

    /** Opens the archive with default limits, parsing in this process (for trusted files and tests). */
    public static Archive open(Path corpusDir, Path indexDir) throws IOException {
        IngestLimits limits = IngestLimits.defaults();
        return open(corpusDir, indexDir, limits, new TrustedParser(limits));
    }

    /**
     * Opens the archive with the given limits and parser; the archive owns the parser and closes it.
     */
    public static Archive open(Path corpusDir, Path indexDir, IngestLimits limits, ParserBackend parser) throws IOException {
        try {
            Corpus corpus = Corpus.open(corpusDir);
            LetterIndex index = LetterIndex.open(indexDir);
            try {
                // the index's write lock is held now, so no other process is writing this archive
                corpus.removeTemporaryFiles();
                return new Archive(corpus, index, limits, parser);
            } catch (IOException | RuntimeException e) {
                index.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    public IngestLimits limits() {
        return limits;
    }

    public Corpus corpus() {
        return corpus;
    }

    public LetterIndex index() {
        return index;
    }

    public SearchService search() {
        return search;
    }

    /** Organizations as records: lists, profiles, networks, name resolution (computed from the index). */
    public org.letterarchive.search.OrganizationService organizationService() {
        return organizationService;
    }

    public OrganizationRegistry organizations() {
        return organizations;
    }

    /** The letter analysis, built on first use (see {@link #warmUpInBackground}). */
    public LetterExtractor extractor() {
        LetterExtractor e = extractor;
        if (e == null) {
            synchronized (this) {
                e = extractor;
                if (e == null) extractor = e = new LetterExtractor();
            }
        }
        return e;
    }

    /** Builds the letter analysis on a background thread, so a server answers before it is ready. */
    public void warmUpInBackground() {
        Thread t = new Thread(this::extractor, "letters-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** Ingests one document and commits, so it is durable and searchable when this returns. */
    public IngestResult ingest(byte[] bytes, String fileName) throws ExtractionException, IOException {
        return ingest(bytes, fileName, false);
    }

    /**
     * Ingests one document and commits. Bytes of a deleted letter are refused with a
     * {@link DeletedLetterException} unless {@code restore} is set.
     */
    public IngestResult ingest(byte[] bytes, String fileName, boolean restore) throws ExtractionException, IOException {
        IngestResult r = ingestWithoutCommit(bytes, fileName, restore);
        // a duplicate of a letter another batch staged but has not committed yet must be durable too
        if (r.outcome() == Outcome.created || corpus.isStaged(r.stored().id())) commit();
        return r;
    }

    /**
     * Ingests one document without committing (for batches; call {@link #commit} after). The original
     * and sidecar are written but become durable only at the next {@link #commit} (or {@link #close}),
     * which forces the whole batch at once; a crash before that loses the batch, never a committed letter.
     */
    public IngestResult ingestWithoutCommit(byte[] bytes, String fileName) throws ExtractionException, IOException {
        return ingestWithoutCommit(bytes, fileName, false);
    }

    /**
     * The ingest pipeline: size limit, duplicate and tombstone checks, the format policy (content
     * sniffing), parsing by the configured {@link ParserBackend} (a separate process for uploads), the
     * letter analysis here, then durable storage and indexing (not committed).
     */
    public IngestResult ingestWithoutCommit(byte[] bytes, String fileName, boolean restore) throws ExtractionException, IOException {
        if (bytes.length > limits.maxFileBytes()) {
            throw new ExtractionException(ExtractionException.Reason.TOO_LARGE,
                    "the file is larger than the limit of " + IngestLimits.size(limits.maxFileBytes()));
        }
        String id = LetterId.of(bytes);
        Optional<StoredLetter> existing = corpus.get(id);
        if (existing.isPresent()) return new IngestResult(Outcome.duplicate, existing.get());
        if (!restore) {
            Optional<Tombstone> t = corpus.tombstone(id);
            if (t.isPresent()) throw new DeletedLetterException(t.get());
        }
        FormatPolicy.Verdict verdict = policy.check(bytes, fileName);
        if (verdict.isZip()) {
            throw new ExtractionException(ExtractionException.Reason.UNSUPPORTED_TYPE,
                    "a ZIP archive is accepted only as a bulk upload of letters; archives inside it are not expanded");
        }
        ParsedDocument doc = parser.parse(bytes, fileName, verdict);
        if (!verdict.warnings().isEmpty()) {
            List<String> warnings = new ArrayList<>(verdict.warnings());
            warnings.addAll(doc.warnings());
            doc = new ParsedDocument(doc.text(), doc.mediaType(), doc.metadata(), doc.truncated(), warnings);
        }
        Letter letter;
        try {
            letter = extractor().analyze(doc, id, fileName);
        } catch (RuntimeException e) {
            throw new ExtractionException(ExtractionException.Reason.CORRUPT,
                    "the letter analysis failed on this document: " + e.getClass().getSimpleName(), e);
        }
        return store(bytes, fileName, letter);
    }

    /** True when the bytes are a ZIP archive by content (a bulk upload). */
    public boolean isZip(byte[] bytes) {
        return FormatPolicy.familyOfType(policy.detect(bytes)) == FormatPolicy.Family.ZIP;
    }

    /**
     * Ingests every file of a ZIP archive, each within the same limits as a single upload, then commits
     * once. A damaged archive, or one with too many entries, is refused whole.
     */
    public List<EntryResult> ingestZip(byte[] zip, boolean restore) throws ExtractionException, IOException {
        List<EntryResult> results = new ArrayList<>();
        try {
            BulkZip.read(zip, limits, entry -> {
                if (entry.error() != null) {
                    results.add(new EntryResult(entry.name(), null, entry.error()));
                    return;
                }
                try {
                    results.add(new EntryResult(entry.name(), ingestWithoutCommit(entry.bytes(), entry.name(), restore), null));
                } catch (ExtractionException | DeletedLetterException e) {
                    results.add(new EntryResult(entry.name(), null, e));
                }
            });
        } finally {
            if (results.stream().anyMatch(r -> r.result() != null && r.result().outcome() == Outcome.created)) commit();
        }
        return results;
    }

    /** Stores an already-extracted letter (parsed elsewhere) and indexes it, without committing. */
    public IngestResult store(byte[] bytes, String fileName, Letter letter) throws IOException {
        String id = LetterId.of(bytes);
        Lock shared = lock.readLock();
        shared.lock();
        try {
            // letters with different ids are written and indexed in parallel (IndexWriter and the
            // registry are thread-safe); the same id is one step at a time
            synchronized (stripe(id)) {
                Optional<StoredLetter> existing = corpus.get(id);
                if (existing.isPresent()) return new IngestResult(Outcome.duplicate, existing.get());
                StoredLetter stored = corpus.stage(bytes, fileName, letter.withId(id), ANALYSIS_VERSION);
                organizations.learn(stored.letter());
                index.upsert(stored.letter(), organizations::keyOf);
                return new IngestResult(Outcome.created, stored);
            }
        } finally {
            shared.unlock();
        }
    }

    /**
     * Makes every ingest so far durable and searchable: the staged originals and sidecars first (the
     * corpus is the source of truth, so the index never commits a letter the corpus could lose), then the
     * organization table, then the index.
     */
    public void commit() throws IOException {
        Lock exclusive = lock.writeLock();
        exclusive.lock();
        try {
            corpus.flush();
            organizations.save();
            index.commit();
            // an acronym learned as an alias in this batch: letters indexed under the acronym alone move to
            // the organization it stands for, so one organization is one facet value
            Set<String> moved = organizations.takeRepointed();
            if (!moved.isEmpty() && reindex(index.idsWithSigner(moved)) > 0) index.commit();
        } finally {
            exclusive.unlock();
        }
    }

    private int reindex(Set<String> ids) throws IOException {
        int n = 0;
        for (String id : ids) {
            Optional<StoredLetter> s = corpus.get(id);
            if (s.isEmpty()) continue;
            index.upsert(s.get().letter(), organizations::keyOf);
            n++;
        }
        return n;
    }

    public Optional<StoredLetter> get(String id) {
        return corpus.get(id);
    }

    /**
     * Brings the index in line with the corpus: indexes stored letters it lacks, drops letters the corpus
     * no longer has. Returns the number of letters added.
     */
    public int heal() throws IOException {
        lock.writeLock().lock();
        try {
            Set<String> indexed = index.ids();
            List<StoredLetter> missing = new ArrayList<>();
            for (String id : corpus.ids()) {
                if (!indexed.remove(id)) corpus.get(id).ifPresent(missing::add);
            }
            // learn first, so every letter is indexed with the whole organization table
            missing.forEach(s -> organizations.learn(s.letter()));
            for (StoredLetter s : missing) index.upsert(s.letter(), organizations::keyOf);
            for (String gone : indexed) index.delete(gone);
            if (!missing.isEmpty() || !indexed.isEmpty()) commit();
            return missing.size();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Rebuilds the whole index from the corpus alone. Returns the number of letters indexed. */
    public int reindex() throws IOException {
        lock.writeLock().lock();
        try {
            List<StoredLetter> all = new ArrayList<>();
            corpus.all().forEach(all::add);
            all.forEach(s -> organizations.learn(s.letter()));
            index.deleteAll();
            for (StoredLetter s : all) index.upsert(s.letter(), organizations::keyOf);
            commit();
            return all.size();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Applies a curator's corrections to a letter (laid over earlier ones), durably, and reindexes it.
     * Returns the updated record, or empty when there is no such letter.
     */
    public Optional<StoredLetter> correct(String id, Corrections corrections) throws IOException {
        lock.writeLock().lock();
        try {
            Optional<StoredLetter> found = corpus.get(id);
            if (found.isEmpty()) return Optional.empty();
            StoredLetter stored = found.get();
            Corrections merged = stored.corrections() == null ? corrections : stored.corrections().merge(corrections);
            StoredLetter updated = stored.withCorrections(merged);
            corpus.update(updated);
            organizations.learn(updated.letter());
            index.upsert(updated.letter(), organizations::keyOf);
            commit();
            return Optional.of(updated);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Deletes a letter from the index and the corpus, leaving a tombstone. False when there is none. */
    public boolean delete(String id, String reason) throws IOException {
        lock.writeLock().lock();
        try {
            if (!corpus.contains(id)) return false;
            corpus.delete(id, reason);
            index.delete(id);
            commit();
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Merges organizations into one (see {@link OrganizationRegistry#merge}) and reindexes their letters. */
    public int mergeOrganizations(Collection<String> keys, String into, String displayName) throws IOException {
        lock.writeLock().lock();
        try {
            return reindexLettersOf(organizations.merge(keys, into, displayName));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Splits organizations apart (see {@link OrganizationRegistry#split}) and reindexes their letters. */
    public int splitOrganizations(Collection<String> keys) throws IOException {
        lock.writeLock().lock();
        try {
            return reindexLettersOf(organizations.split(keys));
        } finally {
            lock.writeLock().unlock();
        }
    }

    private int reindexLettersOf(Set<String> keys) throws IOException {
        int n = 0;
        if (!keys.isEmpty()) {
            for (String id : corpus.ids()) {
                Optional<StoredLetter> s = corpus.get(id);
                if (s.isEmpty()) continue;
                boolean names = s.get().letter().signers().stream()
                        .map(sg -> sg.organizationName() == null ? null : org.letterarchive.letter.Organization.keyOf(sg.organizationName()))
                        .anyMatch(k -> k != null && keys.contains(k));
                if (names) {
                    index.upsert(s.get().letter(), organizations::keyOf);
                    n++;
                }
            }
        }
        commit();
        return n;
    }

    /** What a re-analysis did. */
    public record ReanalysisReport(int analysed, int failed, List<String> failures) {}

    /**
     * Parses every stored original again and runs the current analysis on it, keeping human corrections
     * and recording the current {@link #ANALYSIS_VERSION}; then rebuilds the index. A letter whose
     * original can no longer be parsed keeps its earlier analysis.
     */
    public ReanalysisReport reanalyze() throws IOException {
        int ok = 0;
        List<String> failures = new ArrayList<>();
        for (String id : corpus.ids()) {
            Optional<StoredLetter> found = corpus.get(id);
            if (found.isEmpty()) continue;
            StoredLetter stored = found.get();
            try {
                byte[] bytes = Files.readAllBytes(corpus.originalPath(stored));
                String name = stored.originalName() != null ? stored.originalName() : stored.storedAs();
                Letter letter = extractor().analyze(parser.parse(bytes, name), id, stored.originalName());
                lock.writeLock().lock();
                try {
                    if (corpus.get(id).isEmpty()) continue;
                    StoredLetter current = corpus.get(id).get();
                    corpus.update(current.withExtracted(letter.withId(id), ANALYSIS_VERSION));
                } finally {
                    lock.writeLock().unlock();
                }
                ok++;
            } catch (ExtractionException | IOException | RuntimeException e) {
                failures.add(id + ": " + e.getMessage());
            }
        }
        reindex();
        return new ReanalysisReport(ok, failures.size(), failures);
    }

    @Override
    public void close() throws IOException {
        lock.writeLock().lock();
        try {
            try {
                // staged letters become durable before the index (which commits on close) can name them
                corpus.flush();
                organizations.save();
            } finally {
                try {
                    index.close();
                } finally {
                    parser.close();
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
