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

    @Option(names = "--sort", description = "relevance, newest, oldest or signers")
    SearchRequest.SortOrder sort;

    @Option(names = "--page", defaultValue = "1")
    int page;

    @Option(names = "--size", defaultValue = "10")
    int size;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Archive archive = store.open()) {
            archive.heal();
            Map<String, List<String>> filters = new LinkedHashMap<>();
            if (signers != null) {
                filters.put(IndexSchema.F_SIGNER, signers.stream()
                        .map(s -> archive.organizations().keyOf(org.letterarchive.letter.Signer.organization(s))).toList());
            }
            if (recipients != null) filters.put(IndexSchema.F_RECIPIENT, recipients);
            if (years != null) filters.put(IndexSchema.F_YEAR, years);
            if (languages != null) filters.put(IndexSchema.F_LANGUAGE, languages);
            SearchRequest req = new SearchRequest(query, filters,
                    allSigners ? SearchRequest.SignerMatch.all : SearchRequest.SignerMatch.any,
                    null, null, sort, page, size, true);
            SearchResult r;
            try {
                r = archive.search().search(req);
            } catch (SearchException e) {
                System.err.println("letters search: " + e.getMessage());
                return 2;
            }
            if (json) {
                out.println(Json.mapper().writeValueAsString(r));
                return 0;
            }
            out.println(r.total() + " letter(s)");
            int i = (r.page() - 1) * r.size();
            for (SearchResult.Hit h : r.hits()) {
                out.printf("%3d. %s  %s%n     %d signer(s): %s%n", ++i, h.date() == null ? "----------" : h.date(),
                        h.title() == null ? "(untitled)" : h.title(), h.signerCount(), String.join("; ", h.topSigners()));
                for (String s : h.snippets()) out.println("     … " + s.replace("<mark>", "[").replace("</mark>", "]")
                        .replace("&quot;", "\"").replace("&#x27;", "'").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">") + " …");
                out.println("     id " + h.id());
            }
            return 0;
        }
    }
}
