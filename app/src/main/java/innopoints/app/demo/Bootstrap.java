package innopoints.app.demo;

import innopoints.app.accounts.AccountRepository;
import innopoints.app.accounts.Role;
import innopoints.app.catalog.ClauseHistory;
import innopoints.app.registry.EnterpriseRepository;
import innopoints.app.registry.PlacesSync;
import innopoints.app.screening.ScreenRun;
import innopoints.app.screening.ScreeningService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What the service does when it is ready: keep the districts, parks and the one list's history in
 * step with the pack; on a first start with an empty registry, load the demo population, screen
 * it, and create one demo account per role; then print the address and the demo accounts.
 */
@Component
public class Bootstrap {
    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);
    /** username, display name, role, department. */
    static final String[][] DEMO = {
            {"qiye", "示范企业用户", "ENTERPRISE", null},
            {"kjj", "市科技局经办人", "OFFICER", "市科技局"},
            {"gxj", "市工信局经办人", "OFFICER", "市工信局"},
            {"qkjj", "通州区科技局经办人", "OFFICER", "区科技局"},
            {"caizheng", "市财政局经办人", "FINANCE", null},
            {"admin", "系统管理员", "ADMIN", null},
            {"lingdao", "分管领导", "LEADER", null}};

    private final PlacesSync places;
    private final ClauseHistory history;
    private final EnterpriseRepository registry;
    private final AccountRepository accounts;
    private final DemoData demo;
    private final ScreeningService screening;
    private final PasswordEncoder encoder;
    private final JdbcClient jdbc;
    private final int demoEnterprises;
    private final long demoSeed;
    private final String demoPassword;
    private final Path dataDir;

    public Bootstrap(PlacesSync places, ClauseHistory history, EnterpriseRepository registry, AccountRepository accounts, DemoData demo,
                     ScreeningService screening, PasswordEncoder encoder, JdbcClient jdbc,
                     @Value("${innopoints.demo.enterprises:2000}") int demoEnterprises,
                     @Value("${innopoints.demo.seed:20261123}") long demoSeed,
                     @Value("${innopoints.demo.password:}") String demoPassword,
                     @Value("${innopoints.data-dir:data}") String dataDir) {
        this.places = places;
        this.history = history;
        this.registry = registry;
        this.accounts = accounts;
        this.demo = demo;
        this.screening = screening;
        this.encoder = encoder;
        this.jdbc = jdbc;
        this.demoEnterprises = demoEnterprises;
        this.demoSeed = demoSeed;
        this.demoPassword = demoPassword;
        this.dataDir = Path.of(dataDir);
    }

    @EventListener
    public void ready(ApplicationReadyEvent event) {
        places.sync();
        int changes = history.sync();
        if (changes > 0) log.info("The one list: {} clause(s) added or changed since the last start", changes);
        String password = null;
        if (registry.count() == 0 && demoEnterprises > 0) {
            long t = System.nanoTime();
            int n = demo.load(demoEnterprises, demoSeed, LocalDate.now());
            ScreenRun run = screening.runNow("系统初始化", LocalDate.now(), false);
            log.info("Demo registry: {} enterprises generated and screened ({} entitled) in {} ms", n, run.entitled(), (System.nanoTime() - t) / 1_000_000);
        }
        if (accounts.count() == 0) password = createDemoAccounts();
        print(event, password);
    }

    private String createDemoAccounts() {
        String password = demoPassword.isBlank() ? randomPassword() : demoPassword;
        Long enterprise = jdbc.sql("""
                        select t.enterprise_id from entitlement t join screen_run r on r.id = t.run_id and r.status = 'done'
                        join enterprise e on e.id = t.enterprise_id and e.kind = 'enterprise'
                        where t.figure is not null group by t.run_id, t.enterprise_id order by t.run_id desc, count(*) desc, t.enterprise_id limit 1""")
                .query(Long.class).optional()
                .orElseGet(() -> jdbc.sql("select min(id) from enterprise").query(Long.class).optional().orElse(null));
        String hash = encoder.encode(password);
        for (String[] d : DEMO) {
            Role role = Role.valueOf(d[2]);
            if (role == Role.ENTERPRISE && enterprise == null) continue;
            accounts.create(d[0], hash, d[1], role, role == Role.ENTERPRISE ? enterprise : null, d[3]);
        }
        if (demoPassword.isBlank()) {
            Properties p = new Properties();
            p.setProperty("password", password);
            try {
                Files.createDirectories(dataDir);
                try (var w = Files.newBufferedWriter(dataDir.resolve("demo-accounts.properties"))) {
                    p.store(w, "Demo accounts' password, generated at the first start. Change it before real use.");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return password;
    }

    private void print(ApplicationReadyEvent event, String password) {
        if (password == null) password = demoPassword.isBlank() ? storedPassword() : demoPassword;
        String address = "http://localhost:" + (event.getApplicationContext() instanceof WebServerApplicationContext w ? w.getWebServer().getPort() : 8080) + "/";
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("南通企业科技创新积分平台 innopoints is ready: " + address);
        lines.add("  API description: " + address + "v3/api-docs");
        lines.add("  Demo accounts (password: " + (password == null ? "as set at the first start" : password) + "):");
        for (var a : accounts.all()) {
            for (String[] d : DEMO) {
                if (d[0].equals(a.username())) lines.add(String.format("    %-9s %s", a.username(), a.badge()));
            }
        }
        System.out.println(String.join(System.lineSeparator(), lines));
    }

    private String storedPassword() {
        Path f = dataDir.resolve("demo-accounts.properties");
        if (!Files.isRegularFile(f)) return null;
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(f)) {
            p.load(r);
            return p.getProperty("password");
        } catch (IOException e) {
            return null;
        }
    }

    private static String randomPassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        return sb.toString();
    }
}
