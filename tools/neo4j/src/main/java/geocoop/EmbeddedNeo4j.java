package geocoop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded with only the Bolt connector, on loopback, with auth off.
 *
 * Usage: EmbeddedNeo4j <dataDir> <boltPort> [pageCacheMiB] [txTimeoutSeconds]
 *
 * Contract with the Node side (src/db/embeddedNeo4j.ts): prints exactly one line
 * "NEO4J_READY bolt://127.0.0.1:<port> <version>" on stdout once Bolt accepts connections,
 * and exits 0 after a clean shutdown on SIGTERM. Any start failure prints "NEO4J_FAILED <reason>"
 * and exits 1. It also shuts down when its stdin reaches end-of-file: the parent keeps stdin open,
 * so a parent that dies (even by SIGKILL) never leaves an orphan JVM holding the port and the store.
 */
public final class EmbeddedNeo4j {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.out.println("NEO4J_FAILED usage: EmbeddedNeo4j <dataDir> <boltPort> [pageCacheMiB] [txTimeoutSeconds]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        long pageCacheMiB = args.length > 2 ? Long.parseLong(args[2]) : 512;
        long txTimeoutSeconds = args.length > 3 ? Long.parseLong(args[3]) : 30;

        DatabaseManagementService service;
        try {
            service = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    // The default page cache is half the machine's RAM: far too much on a shared 24 GiB box.
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
                    // A server-side ceiling under the per-query timeouts the API sets itself.
                    .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutSeconds))
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .build();
        } catch (Throwable e) {
            System.out.println("NEO4J_FAILED " + rootMessage(e));
            System.out.flush();
            System.exit(1);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.shutdown();
            } finally {
                stopped.countDown();
            }
        }, "neo4j-shutdown"));

        Thread parentWatch = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // Input is ignored; only its end matters.
                }
            } catch (java.io.IOException ignored) {
                // A broken pipe means the parent is gone, same as end-of-file.
            }
            System.exit(0);
        }, "parent-watch");
        parentWatch.setDaemon(true);
        parentWatch.start();

        try {
            GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            String version;
            try (var tx = db.beginTx()) {
                var result = tx.execute("CALL dbms.components() YIELD versions RETURN versions[0] AS v");
                version = String.valueOf(result.next().get("v"));
                tx.commit();
            }
            System.out.println("NEO4J_READY bolt://127.0.0.1:" + port + " " + version);
            System.out.flush();
        } catch (Throwable e) {
            System.out.println("NEO4J_FAILED " + rootMessage(e));
            System.out.flush();
            System.exit(1);
        }
        stopped.await();
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.replace('\n', ' ');
    }
}
