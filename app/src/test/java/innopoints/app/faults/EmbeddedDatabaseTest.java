package innopoints.app.faults;

import innopoints.app.platform.EmbeddedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded PostgreSQL listens on loopback only and lets nobody in without its generated password. */
class EmbeddedDatabaseTest {
    @TempDir Path data;

    @Test
    void theEmbeddedDatabaseRefusesAConnectionWithoutItsPassword() throws Exception {
        try (EmbeddedDatabase db = new EmbeddedDatabase(false)) {
            db.start(data);
            Path file = data.resolve(EmbeddedDatabase.PASSWORD_FILE);
            assertThat(Files.readString(file).strip()).isEqualTo(db.password()).hasSizeGreaterThanOrEqualTo(24);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", "")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", "wrong")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            String sockets;
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", db.password());
                 ResultSet rs = c.createStatement().executeQuery("select current_setting('listen_addresses'), current_setting('unix_socket_directories')")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("127.0.0.1");
                sockets = rs.getString(2);
            }
            // The local socket asks for the password too (checked with psql where it is installed).
            Optional<Path> psql = Stream.of("/usr/bin/psql", "/usr/local/bin/psql").map(Path::of).filter(Files::isExecutable).findFirst();
            String socket = sockets.split(",")[0].strip();
            if (psql.isPresent()) {
                assertThat(socket).as("the server has a local socket").isNotEmpty();
                int port = Integer.parseInt(db.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1"));
                assertThat(psql(psql.get(), socket, port, null)).as("no password").isNotZero();
                assertThat(psql(psql.get(), socket, port, db.password())).as("the password").isZero();
            }
        }
    }

    private static int psql(Path psql, String socket, int port, String password) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(psql.toString(), "-w", "-h", socket, "-p", Integer.toString(port), "-U", "postgres",
                "-d", "postgres", "-c", "select 1").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
        if (password != null) pb.environment().put("PGPASSWORD", password);
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("psql did not finish");
        }
        return p.exitValue();
    }

    @Test
    void aDataDirectoryMadeBeforePasswordsIsUpgradedAtItsNextStart() throws Exception {
        Path dir = data.resolve("postgres");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start();
             Connection c = old.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("create table kept (v int)");
            c.createStatement().execute("insert into kept values (42)");
        }
        try (EmbeddedDatabase db = new EmbeddedDatabase(false)) {
            db.start(data);
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", "")).isInstanceOf(SQLException.class);
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", db.password());
                 ResultSet rs = c.createStatement().executeQuery("select v from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
        assertThat(Files.readString(dir.resolve("pg_hba.conf"))).doesNotContain("trust").contains("scram-sha-256");
    }

    @Test
    void aStaleLockFileOfADeadServerIsRemovedAndTheStartSucceedsWithTheKeptPassword() throws Exception {
        String first;
        try (EmbeddedDatabase db = new EmbeddedDatabase(false)) {
            db.start(data);
            first = db.password();
        }
        Path dir = data.resolve("postgres");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(dir.resolve("postmaster.pid"), gone.pid() + "\n" + dir + "\n1700000000\n5432\n/tmp\n127.0.0.1\n  0  0\nready\n");
        try (EmbeddedDatabase db = new EmbeddedDatabase(false)) {
            db.start(data);
            assertThat(db.password()).isEqualTo(first);
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", first)) {
                assertThat(c.isValid(2)).isTrue();
            }
        }
    }

    @Test
    void aDataDirectoryInUseByARunningServiceIsLeftAlone() throws Exception {
        try (EmbeddedDatabase running = new EmbeddedDatabase(false)) {
            running.start(data);
            try (EmbeddedDatabase second = new EmbeddedDatabase(false)) {
                assertThatThrownBy(() -> second.start(data)).hasMessageContaining("in use by another running service");
            }
            try (Connection c = DriverManager.getConnection(running.jdbcUrl(), "postgres", running.password())) {
                assertThat(c.isValid(2)).as("the running server was not touched").isTrue();
            }
        }
    }
}
