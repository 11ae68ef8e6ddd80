package org.letterarchive.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.letterarchive.Archive;
import org.letterarchive.corpus.Json;
import org.letterarchive.search.BatchNames;
import org.letterarchive.search.OrganizationService;
import org.letterarchive.search.SearchException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `letters batch names.csv`: which organizations of a list the archive has, as the API's POST /api/batch. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Check a list of organization names (one a line, or a CSV with a 'name' column) against the archive.")
public final class BatchCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Parameters(paramLabel = "FILE", description = "the list: plain text (one name a line) or CSV; '-' reads standard input")
    String file;

    @Option(names = "--json", description = "print the result as JSON (default: CSV, one row per name)")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String text = file.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                : Files.readString(Path.of(file), StandardCharsets.UTF_8);
        List<String> names = BatchNames.parse(text, file.toLowerCase(java.util.Locale.ROOT).endsWith(".csv"));
        try (Archive archive = store.open()) {
            archive.maintenance().heal();
            List<OrganizationService.Resolution> results;
            try {
                results = archive.organizationService().batch(names);
            } catch (SearchException e) {
                System.err.println("letters batch: " + e.getMessage());
                return 2;
            }
            if (json) out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(BatchNames.json(results)));
            else out.print(BatchNames.csv(results));
            long found = results.stream().filter(r -> !r.matches().isEmpty()).count();
            System.err.println(found + " of " + results.size() + " name(s) found");
            return 0;
        }
    }
}
