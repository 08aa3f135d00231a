import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.Transaction;
import org.neo4j.io.ByteUnit;

/**
 * A Neo4j Community server for development and tests: the embedded database with Bolt switched on.
 *
 * Why embedded: no Docker and no neo4j.com tarball are allowed; Maven Central has the embedded jars.
 * Env: NEO4J_HOME (data dir, default ./.neo4j), NEO4J_PORT (7687), NEO4J_PASSWORD (orgraph-test),
 * NEO4J_PAGECACHE_MB (512), NEO4J_TX_TIMEOUT_S (120: a backstop; clients set their own per-query timeouts). Prints "READY bolt://127.0.0.1:PORT" once Bolt listens.
 */
public class Launcher {
    public static void main(String[] args) throws Exception {
        Path home = Path.of(env("NEO4J_HOME", ".neo4j")).toAbsolutePath();
        int port = Integer.parseInt(env("NEO4J_PORT", "7687"));
        String password = env("NEO4J_PASSWORD", "orgraph-test");
        Path importDir = home.resolve("import");
        Files.createDirectories(importDir);

        long pageCacheMb = Long.parseLong(env("NEO4J_PAGECACHE_MB", "512"));
        long txTimeoutS = Long.parseLong(env("NEO4J_TX_TIMEOUT_S", "120"));

        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutS))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // tests try wrong passwords on purpose; a locked-out neo4j user would fail everyone else's tests
                .setConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                .setConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir)
                .setConfig(GraphDatabaseSettings.allow_file_urls, true)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("shutting down");
            service.shutdown();
            System.out.println("stopped");
        }, "neo4j-shutdown"));

        setPassword(service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password);
        service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME); // fail now if the default db is not up
        System.out.println("READY bolt://127.0.0.1:" + port + " home=" + home);
        System.out.flush();
        Thread.currentThread().join(); // serve until SIGTERM runs the shutdown hook
    }

    /** Sets the neo4j user's password (no change required at first login); idempotent across restarts. */
    private static void setPassword(GraphDatabaseService system, String password) {
        try (Transaction tx = system.beginTx()) {
            tx.execute("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
            tx.commit();
        } catch (QueryExecutionException e) {
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                throw e;
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
