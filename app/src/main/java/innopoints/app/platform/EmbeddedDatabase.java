package innopoints.app.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The embedded PostgreSQL of a service without a database server: data in
 * {@code <data-dir>/postgres}, listening on the loopback address only, every connection (TCP and
 * local socket) authenticated by scram-sha-256 with a password generated at the first start and
 * kept in {@code <data-dir>/db-password} (owner-only). A data directory made before passwords
 * (trust authentication) is upgraded at its next start.
 *
 * <p>The server runs as a process of its own, so it outlives a service killed with {@code kill -9}.
 * Two things keep that from breaking the next start: a watchdog process started with the server
 * stops it (fast shutdown) when the service's JVM is gone; and at start, a postmaster still holding
 * the data directory is stopped (SIGINT, then SIGQUIT), or its stale lock file removed if it is
 * dead — but only when no running service holds the directory's lock.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String PASSWORD_FILE = "db-password";
    static final String SUPERUSER = "postgres";
    private static final String HBA = """
            # Written by innopoints: every connection needs the password kept in <data-dir>/%s.
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            local   all       all                 scram-sha-256
            host    all       all   127.0.0.1/32  scram-sha-256
            host    all       all   ::1/128       scram-sha-256
            """.formatted(PASSWORD_FILE);

    private final boolean watchdog;
    private EmbeddedPostgres pg;
    private String password;
    private Process guard;

    /** {@code watchdog}: whether the server is stopped by a process of its own when this JVM dies. */
    public EmbeddedDatabase(boolean watchdog) { this.watchdog = watchdog; }

    /** Starts the server on {@code dataDir} (once), after clearing what a killed service left. */
    public synchronized EmbeddedPostgres start(Path dataDir) {
        if (pg != null) return pg;
        Path root = dataDir.toAbsolutePath().normalize();
        Path dir = root.resolve("postgres");
        try {
            Files.createDirectories(root);
            boolean fresh = !Files.exists(dir.resolve("postgresql.conf"));
            boolean secured = !fresh && secured(dir.resolve("pg_hba.conf"));
            Path passwordFile = root.resolve(PASSWORD_FILE);
            if (secured && !Files.exists(passwordFile)) {
                throw new IllegalStateException("the embedded PostgreSQL in " + dir + " requires a password, but " + passwordFile
                        + " is missing: restore that file (it holds the password of the role postgres)");
            }
            password = password(passwordFile);
            clearLeftovers(dir);
            pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", "on")
                    .setConnectConfig("password", password)
                    .start();
            if (!secured) secure(dir);
            if (watchdog) guard = watchdog(dir);
            return pg;
        } catch (IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (String.valueOf(t.getMessage()).contains("password authentication failed")) {
                    throw new IllegalStateException("the embedded PostgreSQL in " + dir + " refuses the password kept in "
                            + root.resolve(PASSWORD_FILE) + ": restore the file that was there when the database was made", e);
                }
            }
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The address to connect to: loopback, never a name that may resolve elsewhere. */
    public String jdbcUrl() { return "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres"; }

    public String username() { return SUPERUSER; }

    public String password() { return password; }

    @Override
    public synchronized void close() throws IOException {
        if (guard != null) guard.destroy();
        guard = null;
        if (pg != null) pg.close();
        pg = null;
    }

    // ---- password and authentication ---------------------------------------------------------------

    /** The password kept in {@code file}, made (owner read/write only) if there is none. */
    static String password(Path file) throws IOException {
        try {
            String kept = Files.readString(file).strip();
            if (!kept.isEmpty()) return kept;
        } catch (NoSuchFileException e) {
            // the first start: made below
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String made = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(tmp);
        if (posix(file)) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
            File f = tmp.toFile();
            f.setReadable(false, false);
            f.setWritable(false, false);
            f.setReadable(true, true);
            f.setWritable(true, true);
        }
        Files.writeString(tmp, made + "\n", StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        log.info("Embedded PostgreSQL: a password for the role postgres was generated and kept in {}", file);
        return made;
    }

    private static boolean posix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Whether no rule of the host-based authentication file lets anyone in without a password. */
    static boolean secured(Path hba) throws IOException {
        if (!Files.exists(hba)) return false;
        for (String line : Files.readAllLines(hba)) {
            String rule = line.replaceFirst("#.*", "").strip();
            if (rule.isEmpty()) continue;
            List<String> words = List.of(rule.split("\\s+"));
            if (!words.contains("scram-sha-256")) return false;
        }
        return true;
    }

    /** Sets the password of the role postgres, then requires it for every connection (a fresh or pre-password directory). */
    private void secure(Path dir) throws IOException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), SUPERUSER, password); Statement s = c.createStatement()) {
            s.execute("set password_encryption = 'scram-sha-256'");
            s.execute("alter role " + SUPERUSER + " password '" + password.replace("'", "''") + "'");
            Path hba = dir.resolve("pg_hba.conf");
            Path tmp = dir.resolve("pg_hba.conf.new");
            Files.writeString(tmp, HBA);
            Files.move(tmp, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            s.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the password of the embedded PostgreSQL in " + dir + ": " + e.getMessage(), e);
        }
        log.info("Embedded PostgreSQL: connections now require the password in {}", dir.resolveSibling(PASSWORD_FILE));
    }

    // ---- what a killed service left ----------------------------------------------------------------

    /**
     * A service killed without stopping its server leaves the postmaster running (or, if that died
     * too, its lock file). Unless a live service holds the directory, stop the one, remove the other.
     */
    static void clearLeftovers(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return;
        try (FileChannel ch = FileChannel.open(dir.resolve("epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("the data directory " + dir.getParent() + " is in use by another running service");
            }
            try {
                Optional<ProcessHandle> postmaster = postmasterOf(dir, pidFile);
                if (postmaster.isPresent()) {
                    stop(postmaster.get(), dir);
                } else {
                    log.warn("Embedded PostgreSQL: removing the stale lock file {} left by a stopped server", pidFile);
                }
                Files.deleteIfExists(pidFile);
            } finally {
                lock.release();
            }
        }
    }

    /** The live postmaster the lock file names, if it is a postgres serving this directory. */
    static Optional<ProcessHandle> postmasterOf(Path dir, Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) return Optional.empty();
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(p -> !gone(p));
        if (process.isEmpty() || pid == ProcessHandle.current().pid()) return Optional.empty();
        String command = process.get().info().command().orElse("");
        String name = Path.of(command.isEmpty() ? "postgres" : command).getFileName().toString();
        if (!name.equals("postgres") && !name.equals("postgres.exe")) return Optional.empty();
        Path real = dir.toRealPath();
        Path cwd = Path.of("/proc", Long.toString(pid), "cwd");
        try {
            if (Files.exists(cwd, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return cwd.toRealPath().equals(real) ? process : Optional.empty();
            }
        } catch (IOException e) {
            // not readable: fall back to the directory the lock file names
        }
        return lines.size() > 1 && Path.of(lines.get(1).strip()).toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize())
                ? process : Optional.empty();
    }

    /** Fast shutdown (SIGINT); if it does not end, immediate shutdown (SIGQUIT); SIGTERM where no kill command exists. */
    private static void stop(ProcessHandle postmaster, Path dir) {
        log.warn("Embedded PostgreSQL: a server (PID {}) left running by a stopped service holds {}; stopping it", postmaster.pid(), dir);
        if (!signal(postmaster, "INT")) postmaster.destroy();
        if (ended(postmaster, Duration.ofSeconds(30))) return;
        log.warn("Embedded PostgreSQL: PID {} did not stop in 30 s; immediate shutdown", postmaster.pid());
        signal(postmaster, "QUIT");
        if (ended(postmaster, Duration.ofSeconds(15))) return;
        throw new IllegalStateException("the embedded PostgreSQL left running in " + dir + " (PID " + postmaster.pid()
                + ") does not stop; stop it, then start the service again");
    }

    private static boolean signal(ProcessHandle p, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean ended(ProcessHandle p, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!gone(p) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return gone(p);
    }

    /** Ended, or a zombie that a container's init has not reaped yet (it holds nothing). */
    private static boolean gone(ProcessHandle p) {
        if (!p.isAlive()) return true;
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * A small shell process that outlives this JVM if it is killed, and then stops the server
     * (SIGINT, fast shutdown). It ends by itself when the server does; a normal close ends it first.
     */
    private static Process watchdog(Path dir) {
        if (System.getProperty("os.name", "").toLowerCase().startsWith("windows")) return null;
        try {
            List<String> pid = Files.readAllLines(dir.resolve("postmaster.pid"));
            if (pid.isEmpty()) return null;
            String postmaster = Long.toString(Long.parseLong(pid.getFirst().strip()));
            String jvm = Long.toString(ProcessHandle.current().pid());
            return new ProcessBuilder("sh", "-c",
                    "while kill -0 \"$1\" 2>/dev/null && kill -0 \"$2\" 2>/dev/null; do sleep 1; done; kill -0 \"$1\" 2>/dev/null || kill -INT \"$2\" 2>/dev/null",
                    "innopoints-db-watchdog", jvm, postmaster)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException | RuntimeException e) {
            log.warn("Embedded PostgreSQL: no watchdog ({}); after a kill -9 the next start stops the server left running", e.getMessage());
            return null;
        }
    }
}
