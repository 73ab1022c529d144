package innopoints.app.demo;

import innopoints.app.platform.Policies;
import innopoints.app.registry.FactValues;
import innopoints.engine.facts.Fact;
import innopoints.engine.facts.Profile;
import innopoints.engine.population.Generator;
import innopoints.engine.population.Population;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.Array;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A generated demo population (the engine's generator: Nantong's areas and parks, plausible
 * qualifications and facts around the clauses' thresholds) written into the registry, with
 * yearly indicators in proportion to each enterprise's size. The same seed gives the same
 * registry. All in one transaction: a failure leaves no half-loaded registry.
 */
@Component
public class DemoData {
    /** Typical yearly revenue by size, in thousands of yuan. */
    private static final long[] REVENUE_K = {3_000L, 30_000L, 200_000L, 1_500_000L};
    private static final int[] STAFF = {12, 60, 300, 1500};
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Policies policies;
    private final JsonMapper json = JsonMapper.builder().build();

    public DemoData(JdbcTemplate jdbc, TransactionTemplate tx, Policies policies) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.policies = policies;
    }

    /** Generates {@code count} enterprises from {@code seed}, with facts dated in the two years before {@code asOf}. */
    public int load(int count, long seed, LocalDate asOf) {
        Population pop = new Generator(policies.pack(), policies.places(), seed, asOf.minusYears(2), asOf).generate(count);
        return tx.execute(status -> write(pop, seed, asOf));
    }

    private int write(Population pop, long seed, LocalDate asOf) {
        int batch = 2000;
        for (int from = 0; from < pop.size(); from += batch) {
            int to = Math.min(from + batch, pop.size());
            List<Object[]> rows = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                Profile p = pop.namedProfile(i);
                rows.add(new Object[]{p.creditCode(), p.name(), p.kind().key(), p.district(), p.park(),
                        String.join("\u001f", p.industries()), String.join("\u001f", p.qualifications()), p.size()});
            }
            jdbc.batchUpdate("""
                    insert into enterprise (credit_code, name, kind, district, park, industries, qualifications, size)
                    values (?, ?, ?, ?, ?, coalesce(string_to_array(nullif(?, ''), chr(31)), '{}'), coalesce(string_to_array(nullif(?, ''), chr(31)), '{}'), ?)
                    on conflict (credit_code) do nothing""", rows);
            Map<String, Long> ids = new HashMap<>();
            List<String> codes = new ArrayList<>();
            for (int i = from; i < to; i++) codes.add(pop.creditCode(i));
            jdbc.query(con -> {
                var ps = con.prepareStatement("select id, credit_code from enterprise where credit_code = any(?)");
                Array arr = con.createArrayOf("text", codes.toArray());
                ps.setArray(1, arr);
                return ps;
            }, rs -> { ids.put(rs.getString(2), rs.getLong(1)); });
            List<Object[]> facts = new ArrayList<>();
            List<Object[]> indicators = new ArrayList<>();
            for (int i = from; i < to; i++) {
                long id = ids.get(pop.creditCode(i));
                for (Fact f : pop.facts(i)) {
                    Map<String, Object> values = FactValues.encode(f.type(), f.values());
                    facts.add(new Object[]{id, f.type().key(), f.date(), json.writeValueAsString(values),
                            FactValues.digest(f.type().key(), f.date(), values), "demo"});
                }
                indicators.addAll(indicators(id, pop.profile(i).size(), new SplittableRandom(seed * 7919 + i), asOf.getYear()));
            }
            jdbc.batchUpdate("""
                    insert into enterprise_fact (enterprise_id, type, occurred_on, fields, digest, source)
                    values (?, ?, ?, ?::jsonb, ?, ?) on conflict (enterprise_id, digest) do nothing""", facts);
            jdbc.batchUpdate("""
                    insert into enterprise_indicator (enterprise_id, year, revenue, rd_expense, rd_staff, staff, patents, invention_patents, tech_contract_amount)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", indicators);
        }
        return pop.size();
    }

    /** Three years of indicators in whole thousands of yuan, drawn around the size's typical revenue and staff. */
    private static List<Object[]> indicators(long id, String size, SplittableRandom rnd, int year) {
        int s = switch (size == null ? "small" : size) {
            case "micro" -> 0;
            case "medium" -> 2;
            case "large" -> 3;
            default -> 1;
        };
        List<Object[]> out = new ArrayList<>();
        long revenueK = REVENUE_K[s] / 2 + rnd.nextLong(REVENUE_K[s]);
        int staff = STAFF[s] * (60 + rnd.nextInt(81)) / 100;
        for (int y = year - 3; y < year; y++) {
            long rdK = revenueK * (20 + rnd.nextInt(61)) / 1000;
            out.add(new Object[]{id, y, thousands(revenueK), thousands(rdK), Math.max(1, staff * (8 + rnd.nextInt(21)) / 100), staff,
                    staff * rnd.nextInt(31) / 100, staff * rnd.nextInt(9) / 100, thousands(rdK * rnd.nextInt(31) / 100)});
            revenueK = revenueK * (95 + rnd.nextInt(31)) / 100;
            staff = staff * (95 + rnd.nextInt(21)) / 100;
        }
        return out;
    }

    private static BigDecimal thousands(long k) { return BigDecimal.valueOf(k * 1000, 0).setScale(2); }

}
