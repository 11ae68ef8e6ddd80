package org.letterarchive;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.letterarchive.corpus.Corpus;
import org.letterarchive.corpus.OrganizationRegistry;
import org.letterarchive.corpus.StoredLetter;
import org.letterarchive.extract.ExtractionException;
import org.letterarchive.extract.LetterExtractor;
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
    public static final int ANALYSIS_VERSION = 1;

    /** How one document's ingest ended. */
    public enum Outcome { created, duplicate }

    public record IngestResult(Outcome outcome, StoredLetter stored) {
        public Letter letter() {
            return stored.letter();
        }
    }

    private final Corpus corpus;
    private final LetterIndex index;
    private final OrganizationRegistry organizations;
    private final LetterExtractor extractor;
    private final SearchService search;
    private final Object writeLock = new Object();

    private Archive(Corpus corpus, LetterIndex index, LetterExtractor extractor) throws IOException {
        this.corpus = corpus;
        this.index = index;
        this.organizations = OrganizationRegistry.load(corpus);
        this.extractor = extractor;
        this.search = new SearchService(index, organizations::label);
    }

    public static Archive open(Path corpusDir, Path indexDir) throws IOException {
        Corpus corpus = Corpus.open(corpusDir);
        LetterIndex index = LetterIndex.open(indexDir);
        try {
            return new Archive(corpus, index, new LetterExtractor());
        } catch (IOException | RuntimeException e) {
            index.close();
            throw e;
        }
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

    public OrganizationRegistry organizations() {
        return organizations;
    }

    public LetterExtractor extractor() {
        return extractor;
    }

    /** Ingests one document and commits, so it is durable and searchable when this returns. */
    public IngestResult ingest(byte[] bytes, String fileName) throws ExtractionException, IOException {
        IngestResult r = ingestWithoutCommit(bytes, fileName);
        if (r.outcome() == Outcome.created) commit();
        return r;
    }

    /**
     * Ingests one document without committing the index (for batches; call {@link #commit} after). The
     * original and sidecar are on disk when this returns; an uncommitted index heals from them.
     */
    public IngestResult ingestWithoutCommit(byte[] bytes, String fileName) throws ExtractionException, IOException {
        String id = LetterId.of(bytes);
        Optional<StoredLetter> existing = corpus.get(id);
        if (existing.isPresent()) return new IngestResult(Outcome.duplicate, existing.get());
        Letter letter = extractor.extract(bytes, fileName);
        return store(bytes, fileName, letter);
    }

    /** Stores an already-extracted letter (parsed elsewhere) and indexes it, without committing. */
    public IngestResult store(byte[] bytes, String fileName, Letter letter) throws IOException {
        synchronized (writeLock) {
            String id = LetterId.of(bytes);
            Optional<StoredLetter> existing = corpus.get(id);
            if (existing.isPresent()) return new IngestResult(Outcome.duplicate, existing.get());
            StoredLetter stored = corpus.store(bytes, fileName, letter.withId(id), ANALYSIS_VERSION);
            organizations.learn(stored.letter());
            index.upsert(stored.letter(), organizations::keyOf);
            return new IngestResult(Outcome.created, stored);
        }
    }

    /** Makes every ingest so far durable and searchable. */
    public void commit() throws IOException {
        synchronized (writeLock) {
            organizations.save();
            index.commit();
        }
    }

    public Optional<StoredLetter> get(String id) {
        return corpus.get(id);
    }

    /**
     * Brings the index in line with the corpus: indexes stored letters it lacks, drops letters the corpus
     * no longer has. Returns the number of letters added.
     */
    public int heal() throws IOException {
        synchronized (writeLock) {
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
        }
    }

    /** Rebuilds the whole index from the corpus alone. Returns the number of letters indexed. */
    public int reindex() throws IOException {
        synchronized (writeLock) {
            List<StoredLetter> all = new ArrayList<>();
            corpus.all().forEach(all::add);
            all.forEach(s -> organizations.learn(s.letter()));
            index.deleteAll();
            for (StoredLetter s : all) index.upsert(s.letter(), organizations::keyOf);
            commit();
            return all.size();
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (writeLock) {
            try {
                organizations.save();
            } finally {
                index.close();
            }
        }
    }
}
