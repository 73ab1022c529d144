package innopoints.app.screening;

import innopoints.app.platform.Failures.Conflict;
import innopoints.app.platform.Policies;
import innopoints.app.registry.AwardRecord;
import innopoints.app.registry.AwardRepository;
import innopoints.app.registry.Enterprise;
import innopoints.app.registry.EnterpriseRepository;
import innopoints.app.registry.EnterprisesChanged;
import innopoints.app.registry.FactRecord;
import innopoints.app.registry.ScenarioBuilder;
import innopoints.engine.calc.Calculation;
import innopoints.engine.calc.Choice;
import innopoints.engine.calc.Result;
import innopoints.engine.calc.Undetermined;
import innopoints.engine.facts.Scenario;
import innopoints.engine.screen.Screen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Proactive screening (免申即享): every enterprise of the registry through the calculator, in
 * chunks, with the figures stored per enterprise and clause. A screen runs in the background and
 * records its progress, so a user can leave its page and come back; one runs at a time. Only a
 * finished official screen is shown to enterprises; a failed one leaves no results; a simulation
 * is shown only to officials. An enterprise whose data changed is re-screened on its own at once.
 */
@Service
public class ScreeningService {
    private static final Logger log = LoggerFactory.getLogger(ScreeningService.class);
    private static final int CHUNK = 2000;

    private final EnterpriseRepository registry;
    private final AwardRepository awards;
    private final ScreeningRepository runs;
    private final ScenarioBuilder scenarios;
    private final Policies policies;
    private final int threads;
    private final TransactionTemplate tx;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "screening");
        t.setDaemon(true);
        return t;
    });

    public ScreeningService(EnterpriseRepository registry, AwardRepository awards, ScreeningRepository runs, ScenarioBuilder scenarios, Policies policies,
                            TransactionTemplate tx, @Value("${innopoints.screening.threads:0}") int threads) {
        this.awards = awards;
        this.tx = tx;
        this.registry = registry;
        this.runs = runs;
        this.scenarios = scenarios;
        this.policies = policies;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        int abandoned = runs.failAbandoned();
        if (abandoned > 0) log.warn("{} screen(s) left running by a stopped process were marked failed", abandoned);
    }

    /**
     * Starts a screen in the background; refused while another runs. It is official (its results
     * become what enterprises are told) only when it screens today's documents in force, drafts
     * off; any other is a simulation, recorded and labelled as such and never pushed.
     */
    public synchronized ScreenRun start(String by, LocalDate asOf, boolean drafts) {
        runs.running().ifPresent(r -> {
            throw new Conflict("已有一次筛查正在进行（第" + r.id() + "次，" + r.percent() + "%），请等待其完成");
        });
        long id = runs.start(asOf, drafts, ScreenRun.purposeOf(asOf, drafts, LocalDate.now()), by, (int) registry.count());
        background.submit(() -> execute(id, asOf, drafts));
        return runs.find(id).orElseThrow();
    }

    /** Runs a screen in the calling thread and returns it when finished (start-up, tests, benchmarks). */
    public ScreenRun runNow(String by, LocalDate asOf, boolean drafts) {
        long id;
        synchronized (this) {
            runs.running().ifPresent(r -> {
                throw new Conflict("已有一次筛查正在进行（第" + r.id() + "次）");
            });
            id = runs.start(asOf, drafts, ScreenRun.purposeOf(asOf, drafts, LocalDate.now()), by, (int) registry.count());
        }
        execute(id, asOf, drafts);
        return runs.find(id).orElseThrow();
    }

    /** Nightly screen, so that entitlements follow the data without anyone asking. */
    @Scheduled(cron = "${innopoints.screening.cron:0 30 2 * * *}")
    public void nightly() {
        if (runs.running().isPresent()) return;
        try {
            start("系统定时任务", LocalDate.now(), false);
        } catch (Conflict e) {
            log.info("nightly screen skipped: {}", e.getMessage());
        }
    }

    private void execute(long id, LocalDate asOf, boolean drafts) {
        long started = System.nanoTime();
        try {
            Set<String> draftSet = drafts ? Set.of("*") : Set.of();
            long last = 0;
            int done = 0;
            ExecutorService writer = Executors.newSingleThreadExecutor();
            Future<?> pending = null;
            try {
                while (true) {
                    List<Enterprise> chunk = registry.chunkAfter(last, CHUNK);
                    if (chunk.isEmpty()) break;
                    long from = chunk.getFirst().id(), to = chunk.getLast().id();
                    Map<Long, List<FactRecord>> facts = registry.factsBetween(from, to);
                    Map<Long, List<AwardRecord>> earlier = awards.standingBetween(from, to);
                    Scenario[] batch = new Scenario[chunk.size()];
                    long factCount = 0;
                    for (int i = 0; i < batch.length; i++) {
                        List<FactRecord> fs = facts.getOrDefault(chunk.get(i).id(), List.of());
                        factCount += fs.size();
                        batch[i] = scenarios.scenario(chunk.get(i), fs, earlier.getOrDefault(chunk.get(i).id(), List.of()), asOf, draftSet);
                    }
                    List<Object[]> rows = java.util.Collections.synchronizedList(new ArrayList<>());
                    Screen.run(policies.calculator(), batch.length, factCount, i -> batch[i], threads,
                            (Calculation c, int i) -> rows.addAll(rows(id, chunk.get(i).id(), c)));
                    if (pending != null) pending.get();
                    int doneNow = done + chunk.size();
                    pending = writer.submit(() -> {
                        runs.insert(rows);
                        runs.progress(id, doneNow);
                    });
                    done = doneNow;
                    last = to;
                }
                if (pending != null) pending.get();
            } finally {
                writer.shutdown();
            }
            runs.finish(id, done);
            runs.find(id).filter(ScreenRun::official).ifPresent(r -> runs.dropRescreensBefore(r.startedAt()));
            log.info("screen {}: {} enterprises in {} ms", id, done, (System.nanoTime() - started) / 1_000_000);
        } catch (Exception e) {
            log.error("screen {} failed", id, e);
            runs.fail(id, "筛查失败：" + e.getMessage());
        }
    }

    /**
     * The rows a calculation stores: its results (choice 0), the clauses left to a decision, and
     * the options of each choice (choice n for the n-th, with the other options' clauses), which
     * the push and claimant lists show as 择一 and totals never add.
     */
    static List<Object[]> rows(long runId, long enterpriseId, Calculation c) {
        List<Object[]> out = new ArrayList<>(c.results().size() + c.undetermined().size());
        Set<String> seen = new LinkedHashSet<>();
        for (Result r : c.results()) {
            seen.add(r.clause().ref());
            StringBuilder facts = new StringBuilder();
            r.items().forEach(i -> { if (i.factId() != null) facts.append(facts.isEmpty() ? "" : ",").append(i.factId()); });
            out.add(new Object[]{runId, enterpriseId, r.clause().ref(), r.figure().value(), r.figure().unit().key(), r.kind().key(), facts.toString(), 0, ""});
        }
        for (Undetermined u : c.undetermined()) {
            if (!seen.add(u.clause().ref())) continue;
            out.add(new Object[]{runId, enterpriseId, u.clause().ref(), null, policiesUnit(u), "undetermined", u.factId() == null ? "" : u.factId(), 0, ""});
        }
        int n = 0;
        for (Choice choice : c.choices()) {
            n++;
            Set<String> inThis = new LinkedHashSet<>();
            for (Choice.Option o : choice.options()) {
                if (!inThis.add(o.ref())) continue;
                List<String> others = new ArrayList<>();
                for (Choice.Option x : choice.options()) if (!x.ref().equals(o.ref()) && !others.contains(x.ref())) others.add(x.ref());
                var item = o.item();
                out.add(new Object[]{runId, enterpriseId, o.ref(), item.figure().value(), item.figure().unit().key(), item.kind().key(),
                        item.factId() == null ? "" : item.factId(), n, String.join(",", others)});
            }
        }
        return out;
    }

    private static String policiesUnit(Undetermined u) { return u.document().unit().key(); }

    public java.util.Optional<ScreenRun> latestDone() { return runs.latestDone(); }

    /**
     * Re-screens these enterprises on their own, as of today with the documents in force, once a
     * change to their facts, indicators or profile is committed: their push then agrees with
     * their calculator at once instead of the next night. Each enterprise's row is locked while
     * it is read and written, so two re-screens of one enterprise cannot store the older facts last.
     */
    @EventListener
    public void rescreen(EnterprisesChanged changed) {
        try {
            rescreen(changed.enterpriseIds());
        } catch (RuntimeException e) {
            // The change itself is committed; the next official screen brings the push up to date.
            log.error("re-screen of {} enterprise(s) after a change failed", changed.enterpriseIds().size(), e);
        }
    }

    void rescreen(java.util.Collection<Long> changed) {
        List<Long> ids = new ArrayList<>(new java.util.TreeSet<>(changed));
        LocalDate today = LocalDate.now();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            tx.executeWithoutResult(status -> {
                runs.lockEnterprises(chunk);
                List<Object[]> rows = new ArrayList<>();
                List<Long> found = new ArrayList<>();
                for (long id : chunk) {
                    Enterprise e = registry.find(id).orElse(null);
                    if (e == null) continue;
                    found.add(id);
                    Calculation c = policies.calculator().calculate(scenarios.scenario(e, registry.facts(id), awards.standing(id), today, Set.of()));
                    for (Object[] r : rows(0, id, c)) rows.add(java.util.Arrays.copyOfRange(r, 1, r.length));
                }
                runs.replaceRescreens(found, today, rows);
            });
        }
    }
}
