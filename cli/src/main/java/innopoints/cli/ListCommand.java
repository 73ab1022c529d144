package innopoints.cli;

import innopoints.engine.policy.Clause;
import innopoints.engine.policy.Document;
import innopoints.engine.policy.Pack;
import innopoints.engine.policy.Plain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** list: the one list of every clause, filterable. */
@Command(name = "list", description = "Print the one list: every clause of every document, filterable, as a table, JSON or CSV.")
final class ListCommand implements Callable<Integer> {
    @Mixin PackOption pack;

    @Option(names = "--document", paramLabel = "ID|WORDS", description = "document id (city-2025) or part of its title")
    String document;

    @Option(names = "--industry", paramLabel = "WORDS", description = "an industry tag, e.g. 集成电路")
    String industry;

    @Option(names = "--beneficiary", paramLabel = "KIND", description = "enterprise, fund-manager, district, ...")
    String beneficiary;

    @Option(names = "--department", paramLabel = "WORDS", description = "a responsible department, e.g. 市工信局")
    String department;

    @Option(names = "--status", paramLabel = "STATUS", description = "in-force, draft or expired")
    String status;

    @Option(names = "--computable", description = "only clauses with a computable award")
    boolean computableOnly;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Option(names = "--csv", description = "print CSV")
    boolean csv;

    @Override
    public Integer call() {
        Pack p = pack.load();
        if (status != null && !List.of("in-force", "draft", "expired").contains(status)) {
            throw new Main.UserError("--status must be in-force, draft or expired, not '" + status + "'");
        }
        if (beneficiary != null && innopoints.engine.facts.Beneficiary.fromKey(beneficiary) == null) {
            throw new Main.UserError("--beneficiary must be one of " + innopoints.engine.facts.Beneficiary.keys() + ", not '" + beneficiary + "'");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Document d : p.documents()) {
            if (document != null && !d.id().equals(document) && !d.title().contains(document)) continue;
            if (status != null && !d.status().key().equals(status)) continue;
            for (Clause c : d.clauses()) {
                if (industry != null && c.industries().stream().noneMatch(i -> i.contains(industry))) continue;
                if (department != null && c.departments().stream().noneMatch(x -> x.contains(department))) continue;
                if (beneficiary != null && c.beneficiaries().stream().noneMatch(b -> b.key().equals(beneficiary))) continue;
                if (computableOnly && !c.computable()) continue;
                rows.add(Json.clause(d, c));
            }
        }
        if (json) System.out.println(Json.write(rows));
        else if (csv) System.out.print(csv(rows));
        else {
            Table t = new Table(new String[]{"条款", "状态", "单位", "责任单位", "规则", "原文"}, 16, 0, 0, 24, 40, 50);
            for (Map<String, Object> r : rows) {
                t.add((String) r.get("clause"), statusLabel((String) r.get("status")), "yuan".equals(r.get("unit")) ? "元" : "分",
                        String.join("、", (List<String>) r.get("departments")), (String) r.get("rule"), (String) r.get("text"));
            }
            System.out.print(t.render());
            System.out.println(rows.size() + " 条");
        }
        return 0;
    }

    private static String statusLabel(String s) {
        return switch (s) { case "draft" -> "征求意见稿"; case "expired" -> "已失效"; default -> "有效"; };
    }

    @SuppressWarnings("unchecked")
    static String csv(List<Map<String, Object>> rows) {
        String[] cols = {"document", "documentId", "article", "clause", "title", "status", "unit", "computable", "departments", "beneficiaries", "industries", "matter", "rule", "text"};
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append(String.join(",", cols)).append("\r\n");
        for (Map<String, Object> r : rows) {
            for (int i = 0; i < cols.length; i++) {
                Object v = r.get(cols[i]);
                String s = v instanceof List<?> l ? String.join("、", (List<String>) l) : v == null ? "" : v.toString();
                sb.append(i == 0 ? "" : ",").append('"').append(s.replace("\"", "\"\"")).append('"');
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }
}
