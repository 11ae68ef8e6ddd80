package org.letterarchive.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.letterarchive.corpus.Corpus;
import org.letterarchive.corpus.OrganizationRegistry;
import org.letterarchive.corpus.StoredLetter;
import org.letterarchive.corpus.Tombstone;
import org.letterarchive.family.Families;
import org.letterarchive.family.Fingerprint;
import org.letterarchive.index.LetterIndex;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Signer;

/**
 * The one owner of what the archive keeps: the corpus (source of truth), the organization table and the
 * index built from both. It holds the lock that orders writes, the commit order (corpus, then table, then
 * index) and the re-pointing of letters when an acronym becomes an alias.
 *
 * <p>Stores take the lock shared (they run in parallel, one id at a time); commits, curation and index
 * maintenance take it exclusive through {@link #exclusive}.
 */
public final class LetterStore implements Closeable {

    /** Version of the letter analysis whose output the sidecars hold. */
    public static final int ANALYSIS_VERSION = 5;

    /** How storing one document ended. */
    public enum Outcome { created, duplicate }

    /** A stored letter and whether this call created it. */
    public record Stored(Outcome outcome, StoredLetter letter) {}

    /** Work done under the exclusive lock. */
    public interface Work<T> {
        T run() throws IOException;
    }

    private final Corpus corpus;
    private final LetterIndex index;
    private final OrganizationRegistry organizations;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Locks by letter id: one for storing a letter, one for writing it to the index (never held together the other way round). */
    private final Object[] stripes = locks(64);
    private final Object[] indexStripes = locks(64);
    /** Letter families, detected as letters are indexed; null when detection is off. */
    private final Families families;

    private LetterStore(Corpus corpus, LetterIndex index, OrganizationRegistry organizations, boolean detectFamilies) throws IOException {
        this.corpus = corpus;
        this.index = index;
        this.organizations = organizations;
        this.families = detectFamilies ? new Families(index, corpus, id -> corpus.get(id).map(StoredLetter::letter)) : null;
        if (families != null) index.families(families::fields);
    }

    private static Object[] locks(int n) {
        Object[] locks = new Object[n];
        for (int i = 0; i < n; i++) locks[i] = new Object();
        return locks;
    }

    private static Object stripe(Object[] locks, String id) {
        return locks[(id.hashCode() & 0x7fffffff) % locks.length];
    }

    /** Whether family detection runs unless told otherwise: on, unless the property letters.families is "off". */
    public static boolean familiesByDefault() {
        return !"off".equals(System.getProperty("letters.families"));
    }

    /** Opens the corpus and the index; the index's write lock keeps other processes out. */
    public static LetterStore open(Path corpusDir, Path indexDir) throws IOException {
        return open(corpusDir, indexDir, familiesByDefault());
    }

    /** Opens the corpus and the index, with family detection on or off. */
    public static LetterStore open(Path corpusDir, Path indexDir, boolean detectFamilies) throws IOException {
        Corpus corpus = Corpus.open(corpusDir);
        LetterIndex index = LetterIndex.open(indexDir);
        try {
            corpus.removeTemporaryFiles();
            return new LetterStore(corpus, index, OrganizationRegistry.load(corpus), detectFamilies);
        } catch (IOException | RuntimeException e) {
            index.close();
            throw e;
        }
    }

    // ---------- reading ----------

    public Optional<StoredLetter> get(String id) {
        return corpus.get(id);
    }

    public Optional<Tombstone> tombstone(String id) {
        return corpus.tombstone(id);
    }

    /** The original bytes of a stored letter, as they arrived. */
    public byte[] original(StoredLetter stored) throws IOException {
        return Files.readAllBytes(corpus.originalPath(stored));
    }

    public Path originalPath(StoredLetter stored) {
        return corpus.originalPath(stored);
    }

    /** The canonical organization key a signer stands for; null for a person without one. */
    public String organizationKey(Signer s) {
        return organizations.keyOf(s);
    }

    /** The display name of an organization key. */
    public String organizationLabel(String key) {
        return organizations.label(key);
    }

    /** Changes whenever an organization's display name may have changed. */
    public long organizationNamesVersion() {
        return organizations.version();
    }

    public String canonicalOrganization(String key) {
        return organizations.canonical(key);
    }

    /** Letters visible to searches. */
    public int count() throws IOException {
        return index.count();
    }

    /** The one way to find an organization's letters: the ids whose signers count under any of these keys. */
    public Set<String> lettersOf(Set<String> organizationKeys) throws IOException {
        return index.idsWithSigner(organizationKeys);
    }

    // ---------- writing ----------

    /**
     * Stores a letter and indexes it, not yet committed: the original and sidecar become durable at the
     * next {@link #commit}. A letter already stored under this id is answered as a duplicate.
     */
    public Stored stage(byte[] bytes, String id, String fileName, Letter letter) throws IOException {
        Lock shared = lock.readLock();
        shared.lock();
        try {
            synchronized (stripe(stripes, id)) {
                Optional<StoredLetter> existing = corpus.get(id);
                if (existing.isPresent()) return new Stored(Outcome.duplicate, existing.get());
                StoredLetter stored = corpus.stage(bytes, fileName, letter.withId(id), ANALYSIS_VERSION);
                organizations.learn(stored.letter());
                indexWithFamily(stored.letter());
                return new Stored(Outcome.created, stored);
            }
        } finally {
            shared.unlock();
        }
    }

    /** Indexes a new letter after finding its family; members whose family changed are indexed again. */
    private void indexWithFamily(Letter letter) throws IOException {
        if (families == null) {
            upsert(letter);
            return;
        }
        // only detection holds the families' lock: the fingerprints (the letter's, and those of the indexed letters it
        // will be compared with) are taken before it, the indexing done after it
        Fingerprint fp = Fingerprint.keyed(letter);
        Set<String> changed = families.admit(letter, fp, families.read(fp));
        try {
            upsert(letter);
        } finally {
            families.indexed(letter.id());
        }
        reindex(changed);
    }

    /**
     * Indexes a letter with its family fields as they are now. Writes of one letter are taken one at a time, so
     * that the last written holds the latest fields: whoever changes a family indexes its members after.
     */
    private void upsert(Letter letter) throws IOException {
        synchronized (stripe(indexStripes, letter.id())) {
            index.upsert(letter, organizations::keyOf);
        }
    }

    /**
     * Indexes stored letters (healing or rebuilding the index), oldest first so each family's earliest letter
     * comes first, with family detection and the curators' family joins; not committed.
     */
    void indexAll(List<StoredLetter> letters, boolean rebuild) throws IOException {
        List<StoredLetter> ordered = new ArrayList<>(letters);
        ordered.sort(Comparator.comparing((StoredLetter s) -> s.letter().date() == null ? LocalDate.MAX : s.letter().date())
                .thenComparing(StoredLetter::id));
        if (families != null && rebuild) {
            index.refreshLatest();
            families.clear();
        }
        for (StoredLetter s : ordered) indexWithFamily(s.letter());
        if (families != null && !ordered.isEmpty()) reindex(families.applyJoins(new HashSet<>(corpus.ids())));
    }

    /** Letter families; null when detection is off. */
    public Families families() {
        return families;
    }

    /** Splits a letter out of its family (kept as a correction); committed. Returns the letters indexed again. */
    public int splitFamily(String id) throws IOException {
        return exclusive(() -> {
            if (families == null) return 0;
            commit();
            int n = reindex(families.split(id));
            commit();
            return n;
        });
    }

    /** Joins the families of two letters (kept as a correction); committed. Returns the letters indexed again. */
    public int joinFamilies(String a, String b) throws IOException {
        return exclusive(() -> {
            if (families == null) return 0;
            commit();
            int n = reindex(families.join(a, b));
            commit();
            return n;
        });
    }

    /** True when the letter was staged by a store not yet committed. */
    public boolean isStaged(String id) {
        return corpus.isStaged(id);
    }

    /**
     * Makes every store so far durable and searchable: the corpus first (so the index never names a letter
     * the corpus could lose), then the organization table, then the index; letters indexed under an acronym
     * that became an alias in this batch move to the organization it stands for.
     */
    public void commit() throws IOException {
        exclusive(() -> {
            corpus.flush();
            organizations.save();
            index.commit();
            Set<String> moved = organizations.takeRepointed();
            if (!moved.isEmpty() && reindex(lettersOf(moved)) > 0) index.commit();
            return null;
        });
    }

    /** Runs work under the exclusive lock (nothing is stored meanwhile). */
    public <T> T exclusive(Work<T> work) throws IOException {
        Lock exclusive = lock.writeLock();
        exclusive.lock();
        try {
            return work.run();
        } finally {
            exclusive.unlock();
        }
    }

    /**
     * Replaces a stored letter's record (a correction, a new analysis) and indexes it; committed. Family detection
     * then compares the letter as corrected: it is no longer looked up by the keys it was admitted with, and its
     * new keys are in detection's reader.
     */
    public void replace(StoredLetter updated) throws IOException {
        exclusive(() -> {
            corpus.update(updated);
            organizations.learn(updated.letter());
            if (families != null) families.refresh();
            upsert(updated.letter());
            commit();
            if (families != null) families.refresh();
            return null;
        });
    }

    /** Replaces the sidecar alone, without indexing (a re-analysis reindexes everything after). */
    public void rewrite(StoredLetter updated) throws IOException {
        exclusive(() -> {
            corpus.update(updated);
            return null;
        });
    }

    /** Deletes a letter from the index and the corpus, leaving a tombstone; false when there is none. */
    public boolean delete(String id, String reason) throws IOException {
        return exclusive(() -> {
            if (!corpus.contains(id)) return false;
            corpus.delete(id, reason);
            index.delete(id);
            if (families != null) reindex(families.remove(id));
            commit();
            return true;
        });
    }

    /** Merges organizations in the table (see {@link OrganizationRegistry#merge}); returns letters reindexed. */
    public int mergeOrganizations(Collection<String> keys, String into, String displayName) throws IOException {
        return exclusive(() -> reindexOrganizations(organizations.merge(keys, into, displayName)));
    }

    /** Splits organizations in the table (see {@link OrganizationRegistry#split}); returns letters reindexed. */
    public int splitOrganizations(Collection<String> keys) throws IOException {
        return exclusive(() -> reindexOrganizations(organizations.split(keys)));
    }

    private int reindexOrganizations(Set<String> keys) throws IOException {
        commit(); // staged letters become visible, so lettersOf finds them too
        int n = keys.isEmpty() ? 0 : reindex(lettersOf(keys));
        commit();
        return n;
    }

    /** Indexes these stored letters again with the current organization table (not committed). */
    int reindex(Set<String> ids) throws IOException {
        int n = 0;
        for (String id : ids) {
            Optional<StoredLetter> s = corpus.get(id);
            if (s.isEmpty()) continue;
            upsert(s.get().letter());
            n++;
        }
        return n;
    }

    // ---------- for index maintenance, benchmarks and tests ----------

    public Corpus corpus() {
        return corpus;
    }

    public LetterIndex index() {
        return index;
    }

    public OrganizationRegistry organizations() {
        return organizations;
    }

    @Override
    public void close() throws IOException {
        exclusive(() -> {
            try {
                // staged letters become durable before the index (which commits on close) can name them
                corpus.flush();
                organizations.save();
            } finally {
                index.close();
            }
            return null;
        });
    }
}
