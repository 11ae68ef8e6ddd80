import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A local SolrCloud for the archive's tests and for trying `letters serve --solr` on one machine: Solr's
 * MiniSolrCloudCluster (an embedded ZooKeeper and N Solr nodes on free ports) in this JVM, which runs on Solr's
 * own class path (Jetty 10), apart from the archive's (Jetty 12). Started by `run` beside this file.
 *
 * <p>Prints {@code solr-cluster: zk HOST:PORT} and then {@code solr-cluster: ready} on standard output, then reads
 * commands on standard input, one a line: {@code stop N} (stops node N, 0-based), {@code start N} (starts it
 * again), {@code quit}. It shuts down at {@code quit}, at the end of its input, or on Ctrl-C.
 *
 * <p>Arguments: {@code [--nodes N] [--dir DIR] [--stay]}; {@code --stay} keeps running when standard input ends
 * (for a terminal or a background run: stop it with Ctrl-C).
 */
public class SolrCluster {

    public static void main(String[] args) throws Exception {
        int nodes = 2;
        Path dir = null;
        boolean stay = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--nodes" -> nodes = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--stay" -> stay = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; use [--nodes N] [--dir DIR] [--stay]");
            }
        }
        if (dir == null) dir = Files.createTempDirectory("solr-cluster");
        Files.createDirectories(dir);
        System.setProperty("solr.allowPaths", "*");
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster(nodes, dir, JettyConfig.builder().build());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(cluster), "solr-cluster-shutdown"));
        System.out.println("solr-cluster: zk " + cluster.getZkServer().getZkAddress());
        for (JettySolrRunner j : cluster.getJettySolrRunners()) System.out.println("solr-cluster: node " + j.getBaseUrl());
        System.out.println("solr-cluster: ready");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] cmd = line.strip().split("\\s+");
            try {
                switch (cmd[0]) {
                    case "stop" -> {
                        JettySolrRunner j = cluster.getJettySolrRunners().get(Integer.parseInt(cmd[1]));
                        j.stop();
                        System.out.println("solr-cluster: stopped " + cmd[1]);
                    }
                    case "start" -> {
                        JettySolrRunner j = cluster.getJettySolrRunners().get(Integer.parseInt(cmd[1]));
                        j.start();
                        System.out.println("solr-cluster: started " + cmd[1]);
                    }
                    case "quit" -> {
                        System.exit(0);
                    }
                    case "" -> { }
                    default -> System.out.println("solr-cluster: unknown command " + line);
                }
            } catch (Exception e) {
                System.out.println("solr-cluster: failed " + line + ": " + e);
            }
            System.out.flush();
        }
        if (stay) Thread.currentThread().join();
        System.exit(0);
    }

    private static void shutdown(MiniSolrCloudCluster cluster) {
        try {
            cluster.shutdown();
        } catch (Exception e) {
            System.err.println("solr-cluster: shutdown: " + e);
        }
    }
}
