package org.letterarchive.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `letters` command line: one subcommand per task. */
@Command(name = "letters", mixinStandardHelpOptions = true, version = "Letter Archive 0.1",
        description = "A searchable archive of advocacy letters.",
        subcommands = {ServeCommand.class, IngestCommand.class, ExtractCommand.class, SearchCommand.class,
                ReindexCommand.class, TrainCommand.class, BatchCommand.class, ExportAnnotationsCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        Object bench = benchCommand();
        if (bench != null) cl.addSubcommand("bench", bench);
        return cl.setCaseInsensitiveEnumValuesAllowed(true);
    }

    /**
     * The benchmarks ({@code letters bench}) live in their own source set, outside the product's jar; the launcher
     * puts them on the class path for {@code letters bench} only. Null when they are not there.
     */
    static Object benchCommand() {
        try {
            return Class.forName("org.letterarchive.bench.BenchCommand").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
