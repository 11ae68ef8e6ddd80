package org.letterarchive.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.letterarchive.corpus.StoredLetter;

/** Keeps the index in line with the corpus: heals what it lacks, or rebuilds it whole. */
public final class IndexMaintenance {

    private final LetterStore store;

    public IndexMaintenance(LetterStore store) {
        this.store = store;
    }

    /**
     * Indexes stored letters the index lacks and drops letters the corpus no longer has. Returns the
     * number of letters added.
     */
    public int heal() throws IOException {
        return store.exclusive(() -> {
            Set<String> indexed = store.index().ids();
            List<StoredLetter> missing = new ArrayList<>();
            for (String id : store.corpus().ids()) {
                if (!indexed.remove(id)) store.get(id).ifPresent(missing::add);
            }
            // learn first, so every letter is indexed with the whole organization table
            missing.forEach(s -> store.organizations().learn(s.letter()));
            store.indexAll(missing, false);
            for (String gone : indexed) store.index().delete(gone);
            if (!missing.isEmpty() || !indexed.isEmpty()) store.commit();
            return missing.size();
        });
    }

    /** Rebuilds the whole index from the corpus alone. Returns the number of letters indexed. */
    public int reindex() throws IOException {
        return store.exclusive(() -> {
            List<StoredLetter> all = new ArrayList<>();
            store.corpus().all().forEach(all::add);
            all.forEach(s -> store.organizations().learn(s.letter()));
            store.index().deleteAll();
            store.indexAll(all, true);
            store.commit();
            return all.size();
        });
    }
}
