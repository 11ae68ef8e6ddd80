package org.letterarchive.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A local SolrCloud (src/test/solr-cluster: MiniSolrCloudCluster) in its own JVM with Solr's class path, started
 * for a test or a benchmark and talked to over its standard input: stop and start nodes, quit. Its log goes to
 * target/solr-cluster.log of the installation.
 */
public final class LocalSolrCloud implements AutoCloseable {

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final String zkHost;

    private LocalSolrCloud(Process process) throws IOException, InterruptedException {
        this.process = process;
        this.commands = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("solr-cluster: ")) lines.add(line.substring("solr-cluster: ".length()));
                }
            } catch (IOException e) {
                // the process ended
            }
            lines.add("ended");
        }, "solr-cluster-output");
        reader.setDaemon(true);
        reader.start();
        String zk = null;
        while (true) {
            String line = lines.poll(180, TimeUnit.SECONDS);
            if (line == null || line.equals("ended")) {
                process.destroyForcibly();
                throw new IOException("the test SolrCloud did not start (see target/solr-cluster.log)");
            }
            if (line.startsWith("zk ")) zk = line.substring(3).strip();
            if (line.equals("ready")) break;
        }
        this.zkHost = zk;
    }

    /** Starts a cluster of {@code nodes} Solr nodes and an embedded ZooKeeper from the working folder's sources. */
    public static LocalSolrCloud start(int nodes) throws IOException, InterruptedException {
        return start(Path.of("").toAbsolutePath(), nodes, null, null);
    }

    /**
     * Starts a cluster of {@code nodes} Solr nodes and an embedded ZooKeeper; returns once it answers.
     *
     * @param home     the installation (its src/test/solr-cluster/run starts the cluster)
     * @param dir      where the nodes keep their cores (null: a temporary folder)
     * @param javaOpts the cluster JVM's options, e.g. its heap (null: the launcher's default, -Xmx1g)
     */
    public static LocalSolrCloud start(Path home, int nodes, Path dir, String javaOpts) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(home.resolve("src/test/solr-cluster/run").toString(), "--nodes", Integer.toString(nodes)));
        if (dir != null) cmd.addAll(List.of("--dir", dir.toString()));
        java.nio.file.Files.createDirectories(home.resolve("target"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile())
                .redirectError(home.resolve("target/solr-cluster.log").toFile());
        if (javaOpts != null) pb.environment().put("SOLR_CLUSTER_JAVA_OPTS", javaOpts);
        return new LocalSolrCloud(pb.start());
    }

    /** The ZooKeeper address with its chroot, as `letters serve --solr` takes it. */
    public String zkHost() {
        return zkHost;
    }

    public void stopNode(int n) throws IOException, InterruptedException {
        command("stop " + n, "stopped " + n);
    }

    public void startNode(int n) throws IOException, InterruptedException {
        command("start " + n, "started " + n);
    }

    private synchronized void command(String cmd, String done) throws IOException, InterruptedException {
        commands.write(cmd + "\n");
        commands.flush();
        while (true) {
            String line = lines.poll(120, TimeUnit.SECONDS);
            if (line == null || line.equals("ended")) throw new IOException("the test SolrCloud did not answer '" + cmd + "'");
            if (line.equals(done)) return;
            if (line.startsWith("failed ")) throw new IOException("the test SolrCloud: " + line);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            commands.write("quit\n");
            commands.close();
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }
}
