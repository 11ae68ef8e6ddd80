package org.letterarchive.bench;

import io.javalin.Javalin;
import java.nio.file.Path;
import org.letterarchive.Archive;
import org.letterarchive.web.WebApp;

/**
 * The archive's server for {@code bench peer}, in its own JVM: the real web app over the bench's index, as the
 * search bench's HTTP run serves it. Not {@code letters serve}: the bench's index is built without a corpus, and
 * serve's start-up heal would take its letters out of the index. Prints {@code ARCHIVE-PEER-PORT <port>} once it
 * listens; runs until standard input closes.
 *
 * <p>Usage: {@code ArchivePeerServer <corpus> <index> <port>}
 */
public final class ArchivePeerServer {

    private ArchivePeerServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: ArchivePeerServer <corpus> <index> <port>");
            System.exit(2);
        }
        Archive archive = Archive.open(Path.of(args[0]), Path.of(args[1]));
        Javalin app = WebApp.create(archive, null).start("127.0.0.1", Integer.parseInt(args[2]));
        System.out.println("ARCHIVE-PEER-PORT " + app.port() + " letters " + archive.store().count());
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the end of input
        }
        app.stop();
        archive.close();
        System.exit(0);
    }
}
