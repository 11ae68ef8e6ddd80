package org.letterarchive.family;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.Archive;
import org.letterarchive.corpus.StoredLetter;
import org.letterarchive.search.SearchFixture;

/**
 * Families over the shared real letters: the English/Spanish pairs published by the same coalitions are
 * translations of each other, and no two unrelated letters are joined. Also after a rebuild of the index.
 */
class FamilySharedLettersTest {

    /** The families of two or more letters expected among the shared letters, by file-name prefix. */
    static final List<List<String>> EXPECTED = List.of(List.of("025", "032"), List.of("026", "029"));

    @TempDir
    static Path dir;
    static Archive archive;

    @BeforeAll
    static void build() throws Exception {
        SearchFixture.sharedLetters();
        archive = Archive.open(dir.resolve("corpus"), dir.resolve("index"));
        SearchFixture.ingestShared(archive);
        archive.commit();
    }

    @AfterAll
    static void close() throws Exception {
        if (archive != null) archive.close();
    }

    /** Families of two or more letters, each as the sorted file-name prefixes of its members. */
    static List<List<String>> families() throws Exception {
        Families f = archive.store().families();
        Map<String, TreeSet<String>> byFamily = new TreeMap<>();
        for (String id : archive.store().corpus().ids()) {
            StoredLetter s = archive.get(id).orElseThrow();
            String name = s.originalName();
            byFamily.computeIfAbsent(f.familyOf(id), k -> new TreeSet<>()).add(name.length() > 3 ? name.substring(0, 3) : name);
        }
        List<List<String>> out = new ArrayList<>();
        for (TreeSet<String> members : byFamily.values()) if (members.size() > 1) out.add(new ArrayList<>(members));
        out.sort((a, b) -> a.get(0).compareTo(b.get(0)));
        return out;
    }

    @Test
    void theTranslationPairsAreFoundAndNothingElseIsJoined() throws Exception {
        assertEquals(EXPECTED, families());
        Families f = archive.store().families();
        // each pair: one letter is the family's earliest (same date: the lower id), the other its translation
        Map<String, TreeSet<String>> relations = new TreeMap<>();
        for (String id : archive.store().corpus().ids()) {
            String name = archive.get(id).orElseThrow().originalName();
            for (List<String> pair : EXPECTED) {
                if (pair.contains(name.substring(0, 3))) relations.computeIfAbsent(pair.get(0), k -> new TreeSet<>()).add(f.relation(id));
            }
        }
        for (TreeSet<String> r : relations.values()) assertEquals(new TreeSet<>(List.of("earliest", "translation")), r);
    }

    @Test
    void aRebuiltIndexFindsTheSameFamilies() throws Exception {
        archive.maintenance().reindex();
        assertEquals(EXPECTED, families());
    }
}
