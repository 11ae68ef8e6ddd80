package org.letterarchive.search;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** How alike two folded organization names are: by edit distance and by the words they share. */
final class Similarity {

    private Similarity() {}

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** 1 for equal strings, falling with the edit distance relative to the longer one. */
    static double editRatio(String a, String b) {
        int max = Math.max(a.length(), b.length());
        return max == 0 ? 1 : 1.0 - (double) distance(a, b) / max;
    }

    /** Dice coefficient of the two names' word sets. */
    static double wordDice(String a, String b) {
        Set<String> x = words(a), y = words(b);
        if (x.isEmpty() || y.isEmpty()) return 0;
        long common = x.stream().filter(y::contains).count();
        return 2.0 * common / (x.size() + y.size());
    }

    /** "2 of 3 words (human, rights)". */
    static String sharedWords(String a, String b) {
        Set<String> x = words(a), y = words(b);
        Set<String> common = new LinkedHashSet<>(x);
        common.retainAll(y);
        return common.size() + " of " + x.size() + " words (" + String.join(", ", common) + ")";
    }

    private static Set<String> words(String s) {
        return new LinkedHashSet<>(Arrays.asList(s.split(" +")));
    }
}
