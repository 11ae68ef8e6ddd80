package org.letterarchive.cli;

import java.nio.charset.StandardCharsets;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.letterarchive.Archive;
import org.letterarchive.corpus.Json;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.search.SearchException;
import org.letterarchive.search.SearchRequest;
import org.letterarchive.search.SearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `letters search QUERY`: the API's search, in the terminal. */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Search the archive from the terminal.")
public final class SearchCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Parameters(arity = "0..1", paramLabel = "QUERY", description = "query (words, \"phrases\", AND/OR/NOT, field:value); empty lists all")
    String query;

    @Option(names = "--signer", paramLabel = "ORG", description = "signer organization (name or key); repeatable")
    List<String> signers;

    @Option(names = "--all-signers", description = "letters co-signed by all --signer organizations (default: any)")
    boolean allSigners;

    @Option(names = "--recipient", paramLabel = "NAME", description = "recipient; repeatable")
    List<String> recipients;

    @Option(names = "--year", paramLabel = "YYYY", description = "year; repeatable")
    List<String> years;

    @Option(names = "--language", paramLabel = "CODE", description = "language (ISO 639-1); repeatable")
    List<String> languages;

    @Option(names = "--format", paramLabel = "TYPE", description = "document format (media type, e.g. application/pdf); repeatable")
    List<String> formats;

    @Option(names = "--from", paramLabel = "DATE", description = "earliest date, inclusive (YYYY-MM-DD, YYYY-MM or YYYY)")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "latest date, inclusive (YYYY-MM-DD, YYYY-MM or YYYY)")
    String to;

    @Option(names = "--sort", description = "relevance, newest, oldest or signers")
    SearchRequest.SortOrder sort;

    @Option(names = "--page", defaultValue = "1", description = "page number, from 1")
    int page;

    @Option(names = "--size", defaultValue = "10", description = "hits per page, at most " + SearchRequest.MAX_SIZE)
    int size;

    @Option(names = "--after", paramLabel = "CURSOR", description = "continue after this cursor (printed as 'next')")
    String after;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    /** A date, or a year or month taken as its first or last day; a SearchException when malformed. */
    static java.time.LocalDate date(String option, String v, boolean endOfPeriod) {
        if (v == null || v.isBlank()) return null;
        String s = v.strip();
        try {
            if (s.matches("\\d{4}")) {
                int y = Integer.parseInt(s);
                return endOfPeriod ? java.time.LocalDate.of(y, 12, 31) : java.time.LocalDate.of(y, 1, 1);
            }
            if (s.matches("\\d{4}-\\d{2}")) {
                java.time.LocalDate first = java.time.LocalDate.parse(s + "-01");
                return endOfPeriod ? first.withDayOfMonth(first.lengthOfMonth()) : first;
            }
            return java.time.LocalDate.parse(s);
        } catch (java.time.DateTimeException e) {
            throw new SearchException(option + " must be a date as YYYY-MM-DD, YYYY-MM or YYYY, not '" + v + "'");
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Archive archive = store.open()) {
            archive.maintenance().heal();
            Map<String, List<String>> filters = new LinkedHashMap<>();
            if (signers != null) filters.put(IndexSchema.F_SIGNER, signers);
            if (recipients != null) filters.put(IndexSchema.F_RECIPIENT, recipients);
            if (years != null) filters.put(IndexSchema.F_YEAR, years);
            if (languages != null) filters.put(IndexSchema.F_LANGUAGE, languages);
            if (formats != null) filters.put(IndexSchema.F_FORMAT, formats);
            if (page < 1 || size < 1) {
                System.err.println("letters search: --page and --size must be 1 or more");
                return 2;
            }
            SearchResult r;
            try {
                SearchRequest req = new SearchRequest(query, filters,
                        allSigners ? SearchRequest.SignerMatch.all : SearchRequest.SignerMatch.any,
                        date("--from", from, false), date("--to", to, true), sort, page, size, true, after);
                // any spelling, acronym or alias names its organization
                var resolved = archive.organizationService().resolveSigners(req);
                for (var res : resolved.signers()) {
                    if (res.key() == null) {
                        System.err.println("letters search: '" + res.input() + "' matches no organization"
                                + (res.closest().isEmpty() ? "" : "; closest: " + String.join(", ",
                                        res.closest().stream().limit(3).map(c -> c.label() + " (" + c.key() + ")").toList())));
                    }
                }
                r = archive.searchBackend().search(resolved.request());
            } catch (SearchException e) {
                System.err.println("letters search: " + e.getMessage());
                return 2;
            }
            if (json) {
                out.println(Json.mapper().writeValueAsString(r));
                return 0;
            }
            out.println(r.total() + " letter(s)" + (r.undated() > 0 ? ", " + r.undated() + " undated" : ""));
            int i = (r.page() - 1) * r.size();
            for (SearchResult.Hit h : r.hits()) {
                out.printf("%3d. %s  %s%n     %d signer(s): %s%n", ++i, h.date() == null ? "----------" : h.date(),
                        h.title() == null ? "(untitled)" : h.title(), h.signerCount(), String.join("; ", h.topSigners()));
                for (String s : h.snippets()) out.println("     … " + s.replace("<mark>", "[").replace("</mark>", "]")
                        .replace("&quot;", "\"").replace("&#x27;", "'").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">") + " …");
                out.println("     id " + h.id());
            }
            if (r.next() != null) out.println("next: --after " + r.next());
            return 0;
        }
    }
}
