package org.letterarchive.cli;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.letterarchive.Archive;
import org.letterarchive.web.WebApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `letters serve`: the API and web UI over the archive; Ctrl-C closes the index cleanly. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the archive's API and web UI. Letters in the corpus that the index lacks are indexed first.")
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Option(names = "--port", defaultValue = "7070", description = "port to listen on (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--web", paramLabel = "DIR", description = "folder of the web UI (default: web/ of the installation)")
    Path web;

    @Override
    public Integer call() throws Exception {
        Archive archive = store.open();
        int healed = archive.heal();
        if (healed > 0) System.out.println("Indexed " + healed + " letter(s) from the corpus that the index lacked.");
        Javalin app = WebApp.create(archive, web != null ? web : StoreOptions.home().resolve("web"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                app.stop();
            } finally {
                try {
                    archive.close();
                } catch (Exception e) {
                    System.err.println("closing the index failed: " + e.getMessage());
                }
                stopped.countDown();
            }
        }, "letters-shutdown"));
        app.start(host, port);
        System.out.println("Letter Archive: " + archive.index().count() + " letters, corpus " + store.corpusDir().toAbsolutePath().normalize());
        System.out.println("Serving on http://localhost:" + app.port() + "/  (Ctrl-C to stop)");
        stopped.await();
        return 0;
    }
}
