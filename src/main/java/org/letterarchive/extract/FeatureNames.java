package org.letterarchive.extract;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Names of the line features made once: most of a line's features are one of a few hundred names, and a name
 * made once is neither built again for every line nor hashed again when the model looks it up. The names are
 * interned, as the model's own names are ({@link LineChain}): looking one up finds the very same string.
 */
final class FeatureNames {

    private FeatureNames() {}

    /** The names of a count's buckets ("len=<8", ..., "len=>=300"): the feature's name and {@link LineFeatures#bucket}. */
    static final class Buckets {
        private final int[] bounds;
        private final String[] names;

        Buckets(String feature, int... bounds) {
            this.bounds = bounds.clone();
            this.names = new String[bounds.length + 1];
            for (int k = 0; k < bounds.length; k++) names[k] = (feature + "<" + bounds[k]).intern();
            names[bounds.length] = (feature + ">=" + bounds[bounds.length - 1]).intern();
        }

        /** The name of the bucket of v. */
        String of(int v) {
            for (int k = 0; k < bounds.length; k++) if (v < bounds[k]) return names[k];
            return names[bounds.length];
        }
    }

    /**
     * Names under a prefix ("p:len=<8"): those of a known set made once (found by their place in a {@link StringTable},
     * whose look-up of an interned name reads a few compact arrays), any other joined when asked for.
     */
    static final class Prefixed {
        private final String prefix;
        private final StringTable places;
        private final String[] known;

        Prefixed(String prefix, Collection<String> names) {
            this.prefix = prefix;
            Map<String, Integer> m = new HashMap<>();
            for (String n : names) m.putIfAbsent(n, m.size());
            this.known = new String[m.size()];
            for (Map.Entry<String, Integer> e : m.entrySet()) known[e.getValue()] = (prefix + e.getKey()).intern();
            this.places = new StringTable(m);
        }

        String of(String name) {
            int k = places.get(name, -1);
            return k >= 0 ? known[k] : prefix + name;
        }
    }

    /** Names of a small count: "pos=0" ... "pos=9". */
    static String[] numbered(String feature, int count) {
        String[] out = new String[count];
        for (int i = 0; i < count; i++) out[i] = (feature + i).intern();
        return out;
    }
}
