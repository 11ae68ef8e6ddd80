package org.letterarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.letterarchive.search.SearchFixture.letter;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.Archive;
import org.letterarchive.letter.Signer;

/** An index built with an older schema is dropped on open and rebuilt from the corpus by heal(). */
class SearchIndexVersionTest {

    @TempDir
    Path dir;

    @Test
    void staleIndexIsRebuiltFromTheCorpus() throws Exception {
        try (Archive archive = Archive.open(dir.resolve("corpus"), dir.resolve("index"))) {
            SearchFixture.store(archive, letter("es", "text/plain", "Carta", LocalDate.of(2020, 2, 2), List.of(),
                    List.of(Signer.organization("WOLA")), 1, "Las personas migrantes."));
            assertEquals(1, archive.search().search(SearchRequest.of("migrants")).total());
        }
        // mark the index as written by schema version 1
        try (FSDirectory d = FSDirectory.open(dir.resolve("index"));
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            w.setLiveCommitData(Map.of("schema", "1").entrySet());
            w.commit();
        }
        try (Archive archive = Archive.open(dir.resolve("corpus"), dir.resolve("index"))) {
            assertEquals(0, archive.store().index().count(), "the stale index was dropped");
            assertEquals(1, archive.maintenance().heal());
            assertEquals(1, archive.search().search(SearchRequest.of("migrants")).total());
        }
        try (Archive archive = Archive.open(dir.resolve("corpus"), dir.resolve("index"))) {
            assertEquals(1, archive.store().index().count(), "a current index is kept");
        }
    }
}
