package org.letterarchive.bench.solr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * Solr 9.10.1 for {@code letters bench peer}, in its own JVM: Solr's Jetty and the archive's Jetty 12 cannot
 * share a class path. Starts a {@link JettySolrRunner} on a Solr home (a {@code solr.xml} and the core
 * {@code letters} made from the configset {@code src/bench/solr/configset/letters}), prints
 * {@code SOLR-PEER-PORT <port>} on standard output once it answers, and runs until standard input closes or
 * the process is ended.
 *
 * <p>Usage: {@code SolrPeerServer <solr home>} (the home must already hold solr.xml and the core).
 */
public final class SolrPeerServer {

    private SolrPeerServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: SolrPeerServer <solr home>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        if (!Files.isRegularFile(home.resolve("solr.xml"))) {
            System.err.println("no solr.xml in " + home);
            System.exit(2);
        }
        System.setProperty("solr.solr.home", home.toString());
        System.setProperty("solr.log.dir", home.resolve("logs").toString());
        JettyConfig config = JettyConfig.builder().setPort(0).setContext("/solr").stopAtShutdown(true).build();
        JettySolrRunner solr = new JettySolrRunner(home.toString(), new Properties(), config);
        solr.start();
        if (!solr.getCoreContainer().getCoreInitFailures().isEmpty()) {
            solr.getCoreContainer().getCoreInitFailures().forEach((core, failure) ->
                    System.err.println("core " + core + " failed to load: " + failure.exception));
            solr.stop();
            System.exit(1);
        }
        System.out.println("SOLR-PEER-PORT " + solr.getLocalPort());
        System.out.flush();
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                solr.stop();
            } catch (Exception e) {
                System.err.println("stopping Solr: " + e);
            }
            done.countDown();
        }));
        // the bench closes our standard input when it is done with us
        while (System.in.read() >= 0) {
            // nothing to read; wait for the end of input
        }
        System.exit(0);
    }
}
