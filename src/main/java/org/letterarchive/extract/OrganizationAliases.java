package org.letterarchive.extract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Organization;
import org.letterarchive.letter.Signer;

/**
 * Acronym and full-name aliases learned from the signers of many letters: "WOLA" in one letter and
 * "Washington Office on Latin America (WOLA)" in another become one organization, with one canonical
 * key and one display name. Plain data underneath, so the corpus can store it (toMap / fromMap).
 * Not thread-safe: learn from one thread, or guard it.
 */
public final class OrganizationAliases {

    /** key of an acronym → canonical key of the full name it stands for */
    private final Map<String, String> acronyms = new LinkedHashMap<>();
    /** canonical key → name to show */
    private final Map<String, String> names = new LinkedHashMap<>();

    /** Learns from every organization signer of a letter. */
    public void learn(Letter letter) {
        for (Signer s : letter.signers()) learn(s);
    }

    public void learn(Signer s) {
        if (!s.isOrganization()) return;
        String key = Organization.keyOf(s.name());
        if (key.isEmpty()) return;
        names.putIfAbsent(key, s.name());
        if (s.acronym() != null && !s.acronym().isBlank()) {
            String acronymKey = Organization.keyOf(s.acronym());
            if (!acronymKey.isEmpty() && !acronymKey.equals(key)) {
                acronyms.putIfAbsent(acronymKey, key);
                // an acronym once shown alone now points at its full name
                if (names.containsKey(acronymKey) && names.get(acronymKey).equals(s.acronym())) names.remove(acronymKey);
            }
        }
    }

    /** The canonical key of a signer: its full name's key, also when it signed by acronym alone. */
    public String canonicalKey(Signer s) {
        return canonicalKey(s.name());
    }

    public String canonicalKey(String name) {
        String key = Organization.keyOf(name);
        return acronyms.getOrDefault(key, key);
    }

    /** The name to show for a canonical key; the key itself when never seen. */
    public String displayName(String key) {
        return names.getOrDefault(key, key);
    }

    /** The acronyms known for a canonical key. */
    public List<String> acronymsOf(String key) {
        return acronyms.entrySet().stream().filter(e -> e.getValue().equals(key)).map(Map.Entry::getKey).toList();
    }

    /** Plain data: {"acronyms": {acronymKey: key}, "names": {key: display name}}. */
    public Map<String, Map<String, String>> toMap() {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        m.put("acronyms", new LinkedHashMap<>(acronyms));
        m.put("names", new LinkedHashMap<>(names));
        return m;
    }

    public static OrganizationAliases fromMap(Map<String, ? extends Map<String, String>> map) {
        OrganizationAliases a = new OrganizationAliases();
        if (map == null) return a;
        if (map.get("acronyms") != null) a.acronyms.putAll(map.get("acronyms"));
        if (map.get("names") != null) a.names.putAll(map.get("names"));
        return a;
    }
}
