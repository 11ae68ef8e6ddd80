package org.letterarchive.corpus;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Organization;
import org.letterarchive.letter.Signer;

/**
 * The archive's table of organizations: canonical key → display name, and alias key → canonical key
 * (an acronym written beside a full name makes the acronym an alias of it). Kept in the corpus as
 * {@code organizations.json}, so it survives reindexing.
 */
public final class OrganizationRegistry {

    public static final String FILE = "organizations.json";

    /** The stored form of the table. */
    public record Table(Map<String, String> names, Map<String, String> aliases) {}

    private final Path file;
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();
    private boolean dirty;

    private OrganizationRegistry(Path file) {
        this.file = file;
    }

    public static OrganizationRegistry load(Corpus corpus) throws IOException {
        OrganizationRegistry r = new OrganizationRegistry(corpus.file(FILE));
        if (Files.exists(r.file)) {
            Table t = Json.mapper().readValue(r.file.toFile(), new TypeReference<Table>() {});
            if (t.names() != null) r.names.putAll(t.names());
            if (t.aliases() != null) r.aliases.putAll(t.aliases());
        }
        return r;
    }

    /** Learns the organizations a letter names; true when the table changed. */
    public synchronized boolean learn(Letter letter) {
        boolean changed = false;
        for (Signer s : letter.signers()) {
            String name = s.organizationName();
            if (name == null || name.isBlank()) continue;
            String key = Organization.keyOf(name);
            if (key.isEmpty()) continue;
            String canonical = aliases.getOrDefault(key, key);
            if (!names.containsKey(canonical)) {
                names.put(canonical, s.isOrganization() ? s.name() : name);
                changed = true;
            }
            if (s.isOrganization() && s.acronym() != null) {
                String ak = Organization.keyOf(s.acronym());
                if (!ak.isEmpty() && !ak.equals(canonical) && !canonical.equals(aliases.get(ak))) {
                    aliases.put(ak, canonical);
                    names.remove(ak);
                    changed = true;
                }
            }
        }
        dirty |= changed;
        return changed;
    }

    /** The canonical key of the organization a signer stands for; null for a person without one. */
    public synchronized String keyOf(Signer s) {
        String name = s.organizationName();
        if (name == null || name.isBlank()) return null;
        String key = Organization.keyOf(name);
        return aliases.getOrDefault(key, key);
    }

    /** The display name of a canonical key; the key itself when unknown. */
    public synchronized String label(String key) {
        return names.getOrDefault(key, key);
    }

    /** Writes the table to the corpus when it changed. */
    public synchronized void save() throws IOException {
        if (!dirty) return;
        Table t = new Table(new TreeMap<>(names), new TreeMap<>(aliases));
        Corpus.writeDurably(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(t));
        dirty = false;
    }
}
