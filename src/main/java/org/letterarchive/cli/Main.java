package org.letterarchive.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `letters` command line: one subcommand per task. */
@Command(name = "letters", mixinStandardHelpOptions = true, version = "Letter Archive 0.1",
        description = "A searchable archive of advocacy letters.",
        subcommands = {ServeCommand.class, IngestCommand.class, ExtractCommand.class, SearchCommand.class,
                ReindexCommand.class, BenchCommand.class, TrainCommand.class, BatchCommand.class, ExportAnnotationsCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
