package org.letterarchive.family;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Signer;

/**
 * A letter's family as the API shows it: every member with its relation, date and language; for versions the
 * diff against the earliest letter (signers added and removed, changed paragraphs); for a campaign its count,
 * pooled signers and the share of copies that changed the text.
 */
public final class FamilyView {

    /** Members listed in full; a larger campaign lists these and counts the rest. */
    public static final int MAX_MEMBERS = 500;
    static final int MAX_POOLED = 1000;

    private final Families families;
    private final Function<String, Optional<Letter>> letters;

    public FamilyView(Families families, Function<String, Optional<Letter>> letters) {
        this.families = families;
        this.letters = letters;
    }

    public Map<String, Object> of(String id) {
        List<String> ids = families.members(id);
        String rootId = ids.get(0);
        Letter root = letters.apply(rootId).orElse(null);
        Fingerprint rootPrint = root == null ? null : Fingerprint.of(root);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("family", families.familyOf(id));
        out.put("letter", id);
        out.put("relation", families.relation(id));
        out.put("kinds", families.kinds(id));
        out.put("size", ids.size());
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Map<String, Object>> members = new ArrayList<>();
        Set<String> pooled = new LinkedHashSet<>();
        int copies = 0;
        Map<String, Integer> texts = new java.util.HashMap<>();
        for (String m : ids) {
            String rel = families.relation(m);
            counts.merge(rel, 1, Integer::sum);
            Letter l = m.equals(rootId) ? root : letters.apply(m).orElse(null);
            if (l == null) continue;
            boolean campaign = families.isCampaign(m);
            if (campaign) for (Signer s : l.signers()) if (pooled.size() < MAX_POOLED) pooled.add(s.name());
            Fingerprint fp = null;
            if (rel.equals("campaign copy")) copies++;
            if (campaign) {
                fp = m.equals(rootId) && rootPrint != null ? rootPrint : Fingerprint.of(l);
                texts.merge(String.join("\n", fp.foldedParagraphs), 1, Integer::sum);
            }
            if (members.size() >= MAX_MEMBERS) continue;
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", m);
            e.put("title", l.title());
            e.put("date", l.date() == null ? null : l.date().toString());
            e.put("language", l.language());
            e.put("relation", rel);
            e.put("signerCount", l.signerCount());
            if (rootPrint != null && !m.equals(rootId) && !rel.equals("translation")) {
                if (fp == null) fp = Fingerprint.of(l);
                e.put("diff", diff(l, root, fp, rootPrint));
            }
            members.add(e);
        }
        out.put("counts", counts);
        out.put("members", members);
        out.put("truncated", ids.size() > members.size());
        if (families.isCampaign(id)) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("count", ids.size());
            c.put("copies", copies);
            // letters whose body differs from the campaign's most common text
            int total = texts.values().stream().mapToInt(Integer::intValue).sum();
            int common = texts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            c.put("changedTextShare", total == 0 ? 0.0 : Math.round(1000.0 * (total - common) / total) / 1000.0);
            c.put("signers", new ArrayList<>(pooled));
            c.put("signersTruncated", pooled.size() >= MAX_POOLED);
            out.put("campaign", c);
        }
        return out;
    }

    /** Signers added and removed against the earliest letter, and the paragraphs that differ. */
    static Map<String, Object> diff(Letter member, Letter root, Fingerprint m, Fingerprint r) {
        Map<String, String> mine = names(member), theirs = names(root);
        List<String> added = new ArrayList<>(), removed = new ArrayList<>();
        mine.forEach((k, v) -> {
            if (!theirs.containsKey(k)) added.add(v);
        });
        theirs.forEach((k, v) -> {
            if (!mine.containsKey(k)) removed.add(v);
        });
        List<String> pAdded = new ArrayList<>(), pRemoved = new ArrayList<>();
        Set<String> rootParas = new LinkedHashSet<>(r.foldedParagraphs), memberParas = new LinkedHashSet<>(m.foldedParagraphs);
        for (int i = 0; i < m.paragraphs.size(); i++) if (!rootParas.contains(m.foldedParagraphs.get(i))) pAdded.add(m.paragraphs.get(i));
        for (int i = 0; i < r.paragraphs.size(); i++) if (!memberParas.contains(r.foldedParagraphs.get(i))) pRemoved.add(r.paragraphs.get(i));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("signersAdded", added);
        d.put("signersRemoved", removed);
        d.put("signersKept", mine.size() - added.size());
        d.put("paragraphsAdded", pAdded);
        d.put("paragraphsRemoved", pRemoved);
        d.put("textChanged", !pAdded.isEmpty() || !pRemoved.isEmpty());
        return d;
    }

    private static Map<String, String> names(Letter l) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Signer s : l.signers()) m.putIfAbsent(Fingerprint.fold(s.name()), s.name());
        return m;
    }
}
