package innopoints.app.demo;

import innopoints.app.accounts.AccountAudit;
import innopoints.app.accounts.AccountRepository;
import innopoints.app.accounts.PasswordPolicy;
import innopoints.app.accounts.SecretFile;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the service does when it is ready: keep the districts, parks and the one list's history in
 * step with the pack; on a first start with an empty registry, load the demo population, screen
 * it, and create one demo account per role, each with its own generated password written to a
 * file only the owner can read ({@value #DEMO_FILE}). With {@code innopoints.demo.enterprises=0}
 * (no demo) only an administrator is created, its password in {@value #ADMIN_FILE}, to be changed
 * at the first sign-in. The log names the file, never a password. {@code innopoints.demo.password}
 * gives every first account that one password instead: it is for the test suite only.
 */
@Component
public class Bootstrap {
    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);
    /** username, display name, role, department. */
    /** Where the passwords generated at the first start are written, under the data directory. */
    public static final String DEMO_FILE = "demo-accounts.properties", ADMIN_FILE = "admin-account.properties";
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
    private final AccountAudit audit;
    private final DemoData demo;
    private final ScreeningService screening;
    private final PasswordEncoder encoder;
    private final JdbcClient jdbc;
    private final int demoEnterprises;
    private final long demoSeed;
    private final String demoPassword;
    private final Path dataDir;

    public Bootstrap(PlacesSync places, ClauseHistory history, EnterpriseRepository registry, AccountRepository accounts, AccountAudit audit, DemoData demo,
                     ScreeningService screening, PasswordEncoder encoder, JdbcClient jdbc,
                     @Value("${innopoints.demo.enterprises:2000}") int demoEnterprises,
                     @Value("${innopoints.demo.seed:20261123}") long demoSeed,
                     @Value("${innopoints.demo.password:}") String demoPassword,
                     @Value("${innopoints.data-dir:data}") String dataDir) {
        this.places = places;
        this.history = history;
        this.registry = registry;
        this.accounts = accounts;
        this.audit = audit;
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
        if (registry.count() == 0 && demoEnterprises > 0) {
            long t = System.nanoTime();
            int n = demo.load(demoEnterprises, demoSeed, LocalDate.now());
            ScreenRun run = screening.runNow("系统初始化", LocalDate.now(), false);
            log.info("Demo registry: {} enterprises generated and screened ({} entitled) in {} ms", n, run.entitled(), (System.nanoTime() - t) / 1_000_000);
        }
        Path file = null;
        if (accounts.count() == 0) file = demoEnterprises > 0 ? createDemoAccounts() : createAdministrator();
        print(event, file);
    }

    /** One account per role of {@link #DEMO}, each with its own generated password (or the test suite's, if set). */
    private Path createDemoAccounts() {
        Long enterprise = jdbc.sql("""
                        select t.enterprise_id from entitlement t join screen_run r on r.id = t.run_id and r.status = 'done'
                        join enterprise e on e.id = t.enterprise_id and e.kind = 'enterprise'
                        where t.figure is not null group by t.run_id, t.enterprise_id order by t.run_id desc, count(*) desc, t.enterprise_id limit 1""")
                .query(Long.class).optional()
                .orElseGet(() -> jdbc.sql("select min(id) from enterprise").query(Long.class).optional().orElse(null));
        String shared = demoPassword.isBlank() ? null : encoder.encode(demoPassword);
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String[] d : DEMO) {
            Role role = Role.valueOf(d[2]);
            if (role == Role.ENTERPRISE && enterprise == null) continue;
            String password = PasswordPolicy.generate();
            accounts.create(d[0], shared != null ? shared : encoder.encode(password), d[1], role, role == Role.ENTERPRISE ? enterprise : null, d[3]);
            audit.record("system", d[0], "created", null, Map.of("role", role.name(), "demo", true));
            passwords.put(d[0], password);
        }
        if (shared != null) return null;
        return SecretFile.write(dataDir.resolve(DEMO_FILE),
                "Demo accounts (user name = password), each generated at the first start. Readable by its owner only.", passwords);
    }

    /** Without the demo: one administrator, whose generated password must be changed at the first sign-in. */
    private Path createAdministrator() {
        String password = demoPassword.isBlank() ? PasswordPolicy.generate() : demoPassword;
        accounts.create("admin", encoder.encode(password), "系统管理员", Role.ADMIN, null, null, true);
        audit.record("system", "admin", "created", null, Map.of("role", Role.ADMIN.name(), "mustChangePassword", true));
        if (!demoPassword.isBlank()) return null;
        return SecretFile.write(dataDir.resolve(ADMIN_FILE),
                "The administrator's first password, generated at the first start; it must be changed at the first sign-in.",
                Map.of("admin", password));
    }

    private void print(ApplicationReadyEvent event, Path created) {
        String address = "http://localhost:" + (event.getApplicationContext() instanceof WebServerApplicationContext w ? w.getWebServer().getPort() : 8080) + "/";
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("南通企业科技创新积分平台 innopoints is ready: " + address);
        lines.add("  API description: " + address + "v3/api-docs");
        Path demoFile = dataDir.resolve(DEMO_FILE), adminFile = dataDir.resolve(ADMIN_FILE);
        Path file = created != null ? created : Files.isRegularFile(demoFile) ? demoFile : Files.isRegularFile(adminFile) ? adminFile : null;
        if (!demoPassword.isBlank()) lines.add("  Accounts' password: as set by innopoints.demo.password (for tests only)");
        else if (file != null) lines.add("  Passwords of the accounts created at the first start (readable by this user only): " + file.toAbsolutePath());
        List<String> demoNames = java.util.Arrays.stream(DEMO).map(d -> d[0]).toList();
        var demoAccounts = accounts.all().stream().filter(a -> demoNames.contains(a.username())).toList();
        if (!demoAccounts.isEmpty()) lines.add("  Accounts:");
        for (var a : demoAccounts) lines.add(String.format("    %-9s %s", a.username(), a.badge()));
        System.out.println(String.join(System.lineSeparator(), lines));
    }
}
