package org.letterarchive;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.letterarchive.corpus.StoredLetter;
import org.letterarchive.extract.ExtractionException;
import org.letterarchive.extract.IngestLimits;
import org.letterarchive.extract.ParserBackend;
import org.letterarchive.extract.TrustedParser;
import org.letterarchive.ingest.Analysis;
import org.letterarchive.ingest.IngestPipeline;
import org.letterarchive.search.EmbeddedSearch;
import org.letterarchive.search.OrganizationService;
import org.letterarchive.search.SearchBackend;
import org.letterarchive.search.ReviewQueue;
import org.letterarchive.search.SearchService;
import org.letterarchive.store.Curation;
import org.letterarchive.store.IndexMaintenance;
import org.letterarchive.store.LetterStore;

/**
 * The archive's services wired together over one store: {@link IngestPipeline} (documents in),
 * {@link LetterStore} (corpus, organization table and index), {@link Curation} (curators' changes),
 * {@link IndexMaintenance} (heal and rebuild) and {@link SearchService} (reading). It owns them and closes
 * them in order.
 */
public final class Archive implements Closeable {

    /** Version of the letter analysis whose output the sidecars hold. */
    public static final int ANALYSIS_VERSION = LetterStore.ANALYSIS_VERSION;

    private final LetterStore store;
    private final IngestPipeline ingest;
    private final Analysis.Lazy analysis;
    private final Curation curation;
    private final IndexMaintenance maintenance;
    private final SearchService search;
    private final SearchBackend backend;
    private final OrganizationService organizationService;
    private final ReviewQueue reviewQueue;

    /** How many answers each searcher keeps for searches asked again: {@code -Dletters.answers=N} (0: none). */
    private static int answersKept() {
        return Integer.getInteger("letters.answers", SearchService.DEFAULT_ANSWERS);
    }

    private Archive(LetterStore store, IngestLimits limits, ParserBackend parser, SearchBackend remote) {
        this.store = store;
        this.analysis = Analysis.standard();
        this.ingest = new IngestPipeline(store, limits, parser, analysis);
        this.curation = new Curation(store);
        this.maintenance = new IndexMaintenance(store);
        EmbeddedSearch embedded = new EmbeddedSearch(store.index(), store::organizationLabel, store::organizationNamesVersion, answersKept());
        this.search = embedded.service();
        this.backend = remote != null ? remote : embedded;
        if (remote != null) {
            remote.signerLabels(store::organizationLabel);
            store.index().mirror(remote);
        }
        this.organizationService = new OrganizationService(store.index(), store.organizations());
        this.reviewQueue = new ReviewQueue(store.index());
    }

    /** Opens the archive with default limits, parsing in this process (for trusted files and tests). */
    public static Archive open(Path corpusDir, Path indexDir) throws IOException {
        IngestLimits limits = IngestLimits.defaults();
        return open(corpusDir, indexDir, limits, new TrustedParser(limits));
    }

    /** Opens the archive with the given limits and parser; the archive owns the parser and closes it. */
    public static Archive open(Path corpusDir, Path indexDir, IngestLimits limits, ParserBackend parser) throws IOException {
        return open(corpusDir, indexDir, limits, parser, null);
    }

    /**
     * Opens the archive searching {@code remote} (a SolrCloud collection) instead of the embedded index; every
     * write to the embedded index is copied to it. The archive owns {@code remote} and closes it. Null searches
     * the embedded index.
     */
    public static Archive open(Path corpusDir, Path indexDir, IngestLimits limits, ParserBackend parser,
                               SearchBackend remote) throws IOException {
        try {
            return new Archive(LetterStore.open(corpusDir, indexDir), limits, parser, remote);
        } catch (IOException | RuntimeException e) {
            parser.close();
            if (remote != null) remote.close();
            throw e;
        }
    }

    public IngestPipeline ingest() {
        return ingest;
    }

    public LetterStore store() {
        return store;
    }

    public Curation curation() {
        return curation;
    }

    public IndexMaintenance maintenance() {
        return maintenance;
    }

    /** The embedded index's search service (match explanations and what only the embedded index answers). */
    public SearchService search() {
        return search;
    }

    /** The index searches are answered from: the embedded one, or a SolrCloud collection. */
    public SearchBackend searchBackend() {
        return backend;
    }

    /** Organizations as records: lists, profiles, networks, name resolution (computed from the index). */
    public OrganizationService organizationService() {
        return organizationService;
    }

    /** The letters whose analysis a curator should look at. */
    public ReviewQueue reviewQueue() {
        return reviewQueue;
    }

    public IngestLimits limits() {
        return ingest.limits();
    }

    /** Builds the letter analysis on a background thread, so a server answers before it is ready. */
    public void warmUpInBackground() {
        analysis.warmUp();
    }

    // ---------- shorthands for one document, for the command line and tests ----------

    /** Ingests one document and commits, so it is durable and searchable when this returns. */
    public IngestPipeline.Result ingest(byte[] bytes, String fileName) throws ExtractionException, IOException {
        return ingest.ingest(bytes, fileName, false, true);
    }

    /** Ingests one document without committing (a batch); {@link #commit} makes the batch durable. */
    public IngestPipeline.Result ingestWithoutCommit(byte[] bytes, String fileName) throws ExtractionException, IOException {
        return ingest.ingest(bytes, fileName, false, false);
    }

    public void commit() throws IOException {
        store.commit();
    }

    public Optional<StoredLetter> get(String id) {
        return store.get(id);
    }

    @Override
    public void close() throws IOException {
        // OCR jobs stop first, before the store they write to: a job cut short stays pending and resumes
        var jobs = ingest.jobs();
        if (jobs != null) jobs.close();
        try {
            store.close();
        } finally {
            try {
                ingest.close();
            } finally {
                if (backend != null) backend.close();
            }
        }
    }
}
