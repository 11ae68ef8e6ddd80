package org.letterarchive.corpus;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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

    /**
     * The stored form of the table.
     *
     * @param separate keys a curator split off: never made an alias again by what the analysis finds
     */
    public record Table(Map<String, String> names, Map<String, String> aliases, Set<String> separate) {}

    private final Path file;
    private CompactNames names = new CompactNames();
    private final Map<String, String> aliases = new HashMap<>();
    private final Set<String> repointed = new LinkedHashSet<>();
    private final Set<String> separate = new HashSet<>();
    private boolean dirty;
    /** counts the changes to the table, so that what shows its names can tell when they may have changed */
    private long version;

    private OrganizationRegistry(Path file) {
        this.file = file;
    }

    public static OrganizationRegistry load(Corpus corpus) throws IOException {
        OrganizationRegistry r = new OrganizationRegistry(corpus.file(FILE));
        if (Files.exists(r.file)) {
            Table t = Json.mapper().readValue(r.file.toFile(), new TypeReference<Table>() {});
            if (t.names() != null) r.names = CompactNames.of(t.names());
            if (t.aliases() != null) r.aliases.putAll(t.aliases());
            if (t.separate() != null) r.separate.addAll(t.separate());
            r.refold();
        }
        return r;
    }

    /**
     * Keys written by an earlier folding (before ø, ß, æ, ł were folded as the index folds them) are folded
     * again, so curators' merges and splits keep applying to the letters' keys as they are made today. Two
     * keys that fold alike become one: the first display name and alias kept.
     */
    private void refold() {
        Map<String, String> oldNames = names.toMap();
        Map<String, String> oldAliases = new TreeMap<>(aliases);
        Set<String> oldSeparate = new TreeSet<>(separate);
        names = new CompactNames();
        aliases.clear();
        separate.clear();
        oldNames.forEach((k, v) -> names.putIfAbsent(Organization.refold(k), v));
        oldAliases.forEach((k, v) -> {
            String key = Organization.refold(k), target = Organization.refold(v);
            if (!key.equals(target)) aliases.putIfAbsent(key, target);
        });
        for (String k : oldSeparate) separate.add(Organization.refold(k));
        aliases.keySet().forEach(names::remove);
        names = names.compacted();
        dirty |= !names.toMap().equals(oldNames) || !aliases.equals(oldAliases) || !separate.equals(oldSeparate);
        version++;
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
                if (!ak.isEmpty() && !ak.equals(canonical) && !canonical.equals(aliases.get(ak))
                        && !separate.contains(ak) && !separate.contains(key)) {
                    aliases.put(ak, canonical);
                    repointed.add(ak); // letters indexed under the acronym alone now belong to the full name
                    names.remove(ak);
                    changed = true;
                }
            }
        }
        dirty |= changed;
        if (changed) version++;
        return changed;
    }

    /**
     * The keys that became aliases since the last call: letters indexed under one of them must be indexed
     * again to count under the organization it now stands for.
     */
    public synchronized Set<String> takeRepointed() {
        Set<String> out = new LinkedHashSet<>(repointed);
        repointed.clear();
        return out;
    }

    /** The canonical key of the organization a signer stands for; null for a person without one. */
    public synchronized String keyOf(Signer s) {
        String name = s.organizationName();
        if (name == null || name.isBlank()) return null;
        String key = Organization.keyOf(name);
        return aliases.getOrDefault(key, key);
    }

    /** A number that changes whenever the table does (a name learnt, a merge, a split, the table read again). */
    public synchronized long version() {
        return version;
    }

    /** The display name of a canonical key; the key itself when unknown. */
    public synchronized String label(String key) {
        return names.getOrDefault(key, key);
    }

    /** The canonical key a key stands for (itself when it is no alias). */
    public synchronized String canonical(String key) {
        return aliases.getOrDefault(key, key);
    }

    /**
     * A curator's merge: every key becomes an alias of {@code into}, shown as {@code displayName} (when
     * given). Aliases of a merged key follow it. Returns every key whose letters must be reindexed.
     */
    public synchronized Set<String> merge(Collection<String> keys, String into, String displayName) {
        String target = aliases.getOrDefault(into, into);
        Set<String> affected = new LinkedHashSet<>();
        affected.add(target);
        for (String k : keys) {
            if (k == null || k.isBlank()) continue;
            String from = aliases.getOrDefault(k, k);
            if (from.equals(target)) continue;
            affected.add(k);
            affected.add(from);
            for (Map.Entry<String, String> e : aliases.entrySet()) {
                if (e.getValue().equals(from)) {
                    e.setValue(target);
                    affected.add(e.getKey());
                }
            }
            aliases.put(from, target);
            aliases.put(k, target);
            separate.remove(k);
            separate.remove(from);
        }
        aliases.remove(target);
        if (displayName != null && !displayName.isBlank()) names.put(target, displayName.strip());
        else names.putIfAbsent(target, target);
        dirty = true;
        version++;
        return affected;
    }

    /**
     * A curator's split: each key stops being an alias and stands for itself again; a key others are
     * merged into loses them all. Split keys are never made aliases again by the analysis. Returns every
     * key whose letters must be reindexed.
     */
    public synchronized Set<String> split(Collection<String> keys) {
        Set<String> affected = new LinkedHashSet<>();
        for (String k : keys) {
            if (k == null || k.isBlank()) continue;
            String former = aliases.remove(k);
            if (former != null) {
                affected.add(k);
                affected.add(former);
                separate.add(k);
            }
            var it = aliases.entrySet().iterator();
            while (it.hasNext()) {
                var e = it.next();
                if (e.getValue().equals(k)) {
                    affected.add(e.getKey());
                    affected.add(k);
                    separate.add(e.getKey());
                    it.remove();
                }
            }
        }
        if (!affected.isEmpty()) {
            dirty = true;
            version++;
        }
        return affected;
    }

    /** A copy of the alias table: alias key → the canonical key it stands for. */
    public synchronized Map<String, String> aliasTable() {
        return Map.copyOf(aliases);
    }

    /** True when the key is known, as a canonical name or as an alias. */
    public synchronized boolean knows(String key) {
        return names.containsKey(key) || aliases.containsKey(key);
    }

    /** Writes the table to the corpus when it changed. */
    public synchronized void save() throws IOException {
        if (!dirty) return;
        Table t = new Table(names.toMap(), new TreeMap<>(aliases), new TreeSet<>(separate));
        Corpus.writeDurably(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(t));
        dirty = false;
    }
}
