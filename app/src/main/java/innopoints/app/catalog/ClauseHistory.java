package innopoints.app.catalog;

import innopoints.app.platform.Times;
import innopoints.app.platform.Policies;
import innopoints.engine.policy.Clause;
import innopoints.engine.policy.Plain;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The history of each clause of the one list: at every start the loaded pack is compared with
 * what was last recorded, and a clause whose words or rule changed gets a new version (added,
 * changed, removed), so a clause page can show what it said before.
 */
@Component
public class ClauseHistory {
    public record Version(String clauseRef, String text, String rule, String change, OffsetDateTime seenAt) {
        public String changeLabel() {
            return switch (change) {
                case "added" -> "收录";
                case "changed" -> "修改";
                case "removed" -> "移出清单";
                default -> change;
            };
        }
    }

    private final JdbcClient jdbc;
    private final Policies policies;

    public ClauseHistory(JdbcClient jdbc, Policies policies) {
        this.jdbc = jdbc;
        this.policies = policies;
    }

    /** Records the loaded pack's changes; returns how many clauses were added, changed or removed. */
    public int sync() {
        Map<String, String> last = new HashMap<>();
        jdbc.sql("""
                select distinct on (clause_ref) clause_ref, digest, change from clause_version order by clause_ref, seen_at desc""")
                .query((rs, n) -> last.put(rs.getString("clause_ref"), rs.getString("change").equals("removed") ? "" : rs.getString("digest"))).list();
        int changes = 0;
        Set<String> present = new HashSet<>();
        for (Clause c : policies.pack().clauses()) {
            present.add(c.ref());
            String rule = Plain.rule(c, policies.documentOf(c).unit());
            String digest = digest(c.text() + "\n" + rule + "\n" + policies.documentOf(c).status());
            String before = last.get(c.ref());
            if (digest.equals(before)) continue;
            String change = before == null || before.isEmpty() ? "added" : "changed";
            jdbc.sql("insert into clause_version (clause_ref, digest, text, rule, change) values (?, ?, ?, ?, ?)")
                    .params(c.ref(), digest, c.text(), rule, change).update();
            changes++;
        }
        for (var e : last.entrySet()) {
            if (!present.contains(e.getKey()) && !e.getValue().isEmpty()) {
                jdbc.sql("insert into clause_version (clause_ref, digest, text, rule, change) values (?, '', '', '', 'removed')")
                        .param(e.getKey()).update();
                changes++;
            }
        }
        return changes;
    }

    public List<Version> of(String clauseRef) {
        return jdbc.sql("select * from clause_version where clause_ref = ? order by seen_at desc").param(clauseRef)
                .query((rs, n) -> new Version(rs.getString("clause_ref"), rs.getString("text"), rs.getString("rule"),
                        rs.getString("change"), Times.local(rs, "seen_at"))).list();
    }

    static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
