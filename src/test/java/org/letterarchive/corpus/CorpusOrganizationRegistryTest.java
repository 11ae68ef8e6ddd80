package org.letterarchive.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Signer;

/** Curators' merges and splits of organizations, kept in the corpus. */
class CorpusOrganizationRegistryTest {

    @TempDir
    Path dir;

    private static Letter signedBy(Signer... signers) {
        return new Letter("x", "x.txt", "text/plain", "en", "t", null, null, List.of(), List.of(signers), 0, "text", List.of());
    }

    @Test
    void acronymSeenAloneFirstBecomesAnAliasOfTheFullNameLearnedLater() throws Exception {
        OrganizationRegistry r = OrganizationRegistry.load(Corpus.open(dir));
        r.learn(signedBy(Signer.organization("WOLA")));
        assertEquals("wola", r.keyOf(Signer.organization("WOLA")));
        r.learn(signedBy(new Signer("Washington Office on Latin America", Signer.Kind.organization, "WOLA", null, null, null, null)));
        String key = r.keyOf(Signer.organization("WOLA"));
        assertEquals("washington office on latin america", key);
        assertEquals("Washington Office on Latin America", r.label(key));
        assertEquals(key, r.keyOf(Signer.organization("Washington Office on Latin America, Inc.")));
    }

    @Test
    void learnedAliasesSurviveSaveAndLoad() throws Exception {
        Corpus corpus = Corpus.open(dir);
        OrganizationRegistry r = OrganizationRegistry.load(corpus);
        r.learn(signedBy(new Signer("Kids in Need of Defense", Signer.Kind.organization, "KIND", null, null, null, null)));
        r.save();
        OrganizationRegistry reloaded = OrganizationRegistry.load(corpus);
        assertEquals("kids in need of defense", reloaded.keyOf(Signer.organization("KIND")));
        assertEquals("Kids in Need of Defense", reloaded.label("kids in need of defense"));
    }

    @Test
    void mergeAndSplitPersistAndSplitKeysStaySeparate() throws Exception {
        Corpus corpus = Corpus.open(dir);
        OrganizationRegistry r = OrganizationRegistry.load(corpus);
        r.learn(signedBy(new Signer("Washington Office on Latin America", Signer.Kind.organization, "WOLA", null, null, null, null),
                Signer.organization("Latin America Working Group")));
        assertEquals("washington office on latin america", r.keyOf(Signer.organization("WOLA")));

        var affected = r.merge(List.of("latin america working group"), "washington office on latin america", "WOLA and LAWG");
        assertTrue(affected.contains("latin america working group"));
        assertEquals("washington office on latin america", r.keyOf(Signer.organization("Latin America Working Group")));
        assertEquals("WOLA and LAWG", r.label("washington office on latin america"));
        r.save();

        OrganizationRegistry reloaded = OrganizationRegistry.load(corpus);
        assertEquals("washington office on latin america", reloaded.keyOf(Signer.organization("Latin America Working Group")));
        reloaded.split(List.of("wola", "latin america working group"));
        assertEquals("wola", reloaded.keyOf(Signer.organization("WOLA")));
        assertEquals("latin america working group", reloaded.keyOf(Signer.organization("Latin America Working Group")));

        // the analysis finding "Washington Office on Latin America (WOLA)" again does not undo the split
        reloaded.learn(signedBy(new Signer("Washington Office on Latin America", Signer.Kind.organization, "WOLA", null, null, null, null)));
        assertEquals("wola", reloaded.keyOf(Signer.organization("WOLA")));
        reloaded.save();
        assertTrue(Files.readString(corpus.file(OrganizationRegistry.FILE)).contains("\"separate\""));
        assertEquals("wola", OrganizationRegistry.load(corpus).keyOf(Signer.organization("WOLA")));
    }

    @Test
    void temporaryFilesOfAnInterruptedWriteAreRemoved() throws Exception {
        Corpus corpus = Corpus.open(dir);
        Path sub = dir.resolve("letters").resolve("ab");
        Files.createDirectories(sub);
        Files.writeString(sub.resolve("ab12.json.tmp-123-45"), "half");
        Files.writeString(dir.resolve(OrganizationRegistry.FILE + ".tmp-9-9"), "half");
        assertEquals(2, corpus.removeTemporaryFiles());
        assertTrue(corpus.ids().isEmpty());
    }
}
