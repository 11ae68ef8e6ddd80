package org.letterarchive.search;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A list of organization names to check: read from a plain list (one name a line) or a CSV (the column named
 * name, organization or organisation, else the first), and the results written as JSON or as CSV with one row
 * per input name.
 */
public final class BatchNames {

    private static final List<String> NAME_COLUMNS = List.of("name", "names", "organization", "organisation",
            "organizations", "organisations", "org", "signer", "nombre", "organización", "organizacion");

    private BatchNames() {}

    /** The names of a list or CSV, in order; blank rows are skipped (see {@link #parse(String, boolean)}). */
    public static List<String> parse(String text) {
        return parse(text, false);
    }

    /**
     * The names of a list or CSV, in order; blank rows are skipped. A first row with a name column (name,
     * organization, …) makes the text a CSV read in that column; so does {@code csv} (a .csv file or a
     * text/csv body), read in its first column. Otherwise every line is one name, commas and all.
     */
    public static List<String> parse(String text, boolean csv) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> rows = rows(t);
        if (rows.isEmpty()) return List.of();
        int column = -1;
        List<String> head = rows.get(0);
        for (int i = 0; i < head.size(); i++) {
            if (NAME_COLUMNS.contains(head.get(i).strip().toLowerCase(Locale.ROOT))) {
                column = i;
                break;
            }
        }
        List<String> names = new ArrayList<>();
        if (column < 0 && !csv) {
            for (String line : t.split("\r?\n|\r")) {
                String v = line.strip();
                if (v.length() > 1 && v.startsWith("\"") && v.endsWith("\"")) v = v.substring(1, v.length() - 1).replace("\"\"", "\"").strip();
                if (!v.isEmpty()) names.add(v);
            }
            return names;
        }
        int start = column < 0 ? 0 : 1;
        int col = Math.max(0, column);
        for (int r = start; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            String v = col < row.size() ? row.get(col).strip() : "";
            if (!v.isEmpty()) names.add(v);
        }
        return names;
    }

    /** RFC 4180 rows (read by Jackson's CSV reader): comma separated, or tab or semicolon when the first line has those and no comma. */
    static List<List<String>> rows(String text) {
        String first = text.lines().findFirst().orElse("");
        char sep = first.indexOf('\t') >= 0 && first.indexOf(',') < 0 ? '\t' : first.indexOf(';') >= 0 && first.indexOf(',') < 0 ? ';' : ',';
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class)
                .with(CsvSchema.emptySchema().withColumnSeparator(sep)).readValues(text)) {
            while (it.hasNextValue()) {
                List<String> row = it.nextValue();
                if (row.stream().anyMatch(c -> c != null && !c.isBlank())) rows.add(row);
            }
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("the list is not readable as CSV: " + e.getMessage(), e);
        }
        return rows;
    }

    /** A name as one CSV line (quoted when it needs to be). */
    static String quoteLine(String name) {
        String n = name == null ? "" : name.replace("\r", " ").replace("\n", " ");
        return n.indexOf(',') >= 0 || n.indexOf('"') >= 0 || n.indexOf(';') >= 0 || n.indexOf('\t') >= 0
                ? '"' + n.replace("\"", "\"\"") + '"' : n;
    }

    /** exact (key or folded name), acronym, alias, fuzzy or none. */
    public static String status(OrganizationService.Resolution r) {
        if (r.matches().isEmpty()) return "none";
        String m = r.matches().get(0).match();
        return m.equals("key") || m.equals("name") ? "exact" : m;
    }

    public static Map<String, Object> json(List<OrganizationService.Resolution> results) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        for (String s : List.of("exact", "acronym", "alias", "fuzzy", "none")) byStatus.put(s, 0);
        List<Map<String, Object>> rows = new ArrayList<>();
        int i = 0;
        for (OrganizationService.Resolution r : results) {
            String status = status(r);
            byStatus.merge(status, 1, Integer::sum);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("row", ++i);
            m.put("input", r.input());
            m.put("status", status);
            m.put("matches", r.matches());
            m.put("closest", r.closest());
            rows.add(m);
        }
        body.put("names", results.size());
        body.put("found", results.size() - byStatus.get("none"));
        body.put("byStatus", byStatus);
        body.put("results", rows);
        return body;
    }

    public static String csv(List<OrganizationService.Resolution> results) {
        StringBuilder sb = new StringBuilder();
        line(sb, List.of("row", "input", "status", "key", "label", "letters", "match", "score", "reason", "other_matches"));
        int i = 0;
        for (OrganizationService.Resolution r : results) {
            OrganizationService.Match best = r.matches().isEmpty() ? null : r.matches().get(0);
            List<OrganizationService.Match> others = r.matches().isEmpty() ? r.closest() : r.matches().subList(1, r.matches().size());
            String other = String.join("; ", others.stream().map(o -> o.label() + " (" + o.key() + ", " + o.letters() + " letters, score " + o.score() + ")").toList());
            line(sb, List.of(Integer.toString(++i), r.input(), status(r), best == null ? "" : best.key(), best == null ? "" : best.label(),
                    best == null ? "0" : Long.toString(best.letters()), best == null ? "" : best.match(),
                    best == null ? "" : Double.toString(best.score()), best == null ? "no organization of this archive matches" : best.reason(), other));
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) sb.append(',');
            String v = cells.get(i) == null ? "" : cells.get(i);
            if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) v = '"' + v.replace("\"", "\"\"") + '"';
            sb.append(v);
        }
        sb.append("\r\n");
    }
}
