package org.letterarchive.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.letterarchive.corpus.Json;
import org.letterarchive.corpus.StoredLetter;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;

/**
 * GET /api/letters/{id}/cite?format=ris|bibtex|csl-json: a letter as a reference for Zotero, Mendeley or
 * BibTeX; its URL is the letter's permalink (its page, addressed by the SHA-256 of its bytes).
 */
final class CiteController {

    /** Signers listed as authors; the rest are counted in a note. */
    static final int MAX_AUTHORS = 30;

    private final Function<String, Optional<StoredLetter>> letters;

    private final String baseUrl;

    CiteController(Function<String, Optional<StoredLetter>> letters, String baseUrl) {
        this.baseUrl = baseUrl;
        this.letters = letters;
    }

    void cite(Context ctx) throws Exception {
        String id = ctx.pathParam("id");
        Letter l = letters.apply(id).orElseThrow(() -> ApiException.notFound("letter " + id)).letter();
        String format = ctx.queryParam("format") == null ? "ris" : ctx.queryParam("format").strip().toLowerCase(java.util.Locale.ROOT);
        String url = baseUrl + "/letter.html?id=" + l.id();
        String file = "letter-" + l.id().substring(0, 12);
        switch (format) {
            case "ris" -> send(ctx, "application/x-research-info-systems; charset=utf-8", file + ".ris", ris(l, url));
            case "bibtex", "bib" -> send(ctx, "application/x-bibtex; charset=utf-8", file + ".bib", bibtex(l, url));
            case "csl-json", "csl", "json" -> send(ctx, "application/vnd.citationstyles.csl+json; charset=utf-8", file + ".json",
                    Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(List.of(csl(l, url))));
            default -> throw ApiException.badRequest("'format' must be ris, bibtex or csl-json, not '" + format + "'");
        }
    }

    private static void send(Context ctx, String type, String name, String body) {
        ctx.contentType(type);
        if (ctx.queryParam("download") != null) ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.result(body);
    }

    static String title(Letter l) {
        return l.title() == null || l.title().isBlank() ? "Untitled letter" : oneLine(l.title());
    }

    static List<String> authors(Letter l) {
        return l.signers().stream().map(Signer::name).map(CiteController::oneLine).limit(MAX_AUTHORS).toList();
    }

    private static String note(Letter l) {
        List<String> parts = new ArrayList<>();
        List<String> to = l.recipients().stream().map(CiteController::recipient).toList();
        if (!to.isEmpty()) parts.add("To: " + String.join("; ", to) + ".");
        parts.add(l.signerCount() + (l.signerCount() == 1 ? " signer" : " signers")
                + (l.signerCount() > MAX_AUTHORS ? " (the first " + MAX_AUTHORS + " are listed as authors)" : "") + ".");
        if (l.date() != null && l.dateSource() != null && !"text".equals(l.dateSource())) parts.add("Date taken from the " + l.dateSource().replace('-', ' ') + ".");
        return String.join(" ", parts);
    }

    private static String recipient(Recipient r) {
        return oneLine(r.name() != null && !r.name().isBlank() ? r.name() + (r.role() != null ? ", " + r.role() : "") : r.role());
    }

    static String ris(Letter l, String url) {
        StringBuilder sb = new StringBuilder();
        ris(sb, "TY", "PCOMM");
        ris(sb, "TI", title(l));
        for (String a : authors(l)) ris(sb, "AU", a);
        if (l.date() != null) {
            ris(sb, "PY", Integer.toString(l.date().getYear()));
            ris(sb, "DA", String.format("%04d/%02d/%02d/", l.date().getYear(), l.date().getMonthValue(), l.date().getDayOfMonth()));
        }
        if (l.language() != null) ris(sb, "LA", l.language());
        ris(sb, "UR", url);
        ris(sb, "N1", note(l));
        ris(sb, "ID", l.id());
        sb.append("ER  - \r\n");
        return sb.toString();
    }

    private static void ris(StringBuilder sb, String tag, String value) {
        sb.append(tag).append("  - ").append(oneLine(value)).append("\r\n");
    }

    static String bibtex(Letter l, String url) {
        StringBuilder sb = new StringBuilder("@misc{letter").append(l.id(), 0, 12).append(",\n");
        bib(sb, "title", "{" + tex(title(l)) + "}");
        List<String> authors = authors(l);
        if (!authors.isEmpty()) bib(sb, "author", String.join(" and ", authors.stream().map(a -> "{" + tex(a) + "}").toList()));
        if (l.date() != null) {
            bib(sb, "year", Integer.toString(l.date().getYear()));
            bib(sb, "month", MONTHS[l.date().getMonthValue() - 1]);
            bib(sb, "date", l.date().toString());
        }
        if (l.language() != null) bib(sb, "language", l.language());
        bib(sb, "howpublished", "\\url{" + url + "}");
        bib(sb, "url", url);
        bib(sb, "note", tex(note(l)));
        sb.setLength(sb.length() - 2);
        return sb.append("\n}\n").toString();
    }

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

    private static void bib(StringBuilder sb, String field, String value) {
        boolean bare = value.matches("\\d+|[a-z]{3}") && !field.equals("date");
        sb.append("  ").append(field).append(" = ").append(bare ? value : "{" + value + "}").append(",\n");
    }

    /** Text with the characters special to TeX escaped, and braces balanced. */
    static String tex(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : oneLine(s).toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\textbackslash{}");
                case '{', '}', '&', '%', '$', '#', '_' -> sb.append('\\').append(c);
                case '~' -> sb.append("\\textasciitilde{}");
                case '^' -> sb.append("\\textasciicircum{}");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    static Map<String, Object> csl(Letter l, String url) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("type", "personal_communication");
        m.put("genre", "Letter");
        m.put("title", title(l));
        m.put("author", authors(l).stream().map(a -> Map.of("literal", a)).toList());
        List<Map<String, String>> to = l.recipients().stream().map(r -> Map.of("literal", recipient(r))).toList();
        if (!to.isEmpty()) m.put("recipient", to);
        if (l.date() != null) {
            LocalDate d = l.date();
            m.put("issued", Map.of("date-parts", List.of(List.of(d.getYear(), d.getMonthValue(), d.getDayOfMonth()))));
        }
        if (l.language() != null) m.put("language", l.language());
        m.put("URL", url);
        m.put("note", note(l));
        return m;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
