package innopoints.engine.calc;

import innopoints.engine.money.Amount;
import innopoints.engine.policy.Clause;
import innopoints.engine.policy.Document;
import innopoints.engine.policy.Kind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one clause awards in a calculation: the total of its items, with the split and the steps. */
public record Result(Document document, Clause clause, Amount figure, Kind kind, Map<String, Amount> split, List<Item> items) {

    static Result of(Document document, Clause clause, List<Item> items) {
        Amount total = document.unit().zero();
        Kind kind = Kind.DEFINITE;
        Map<String, Amount> split = new LinkedHashMap<>();
        for (Item i : items) {
            total = total.plus(i.figure());
            kind = kind.and(i.kind());
            i.split().forEach((payer, a) -> split.merge(payer, a, Amount::plus));
        }
        return new Result(document, clause, total, kind, split, List.copyOf(items));
    }

    /** The explanation a user reads: the clause's words, then each item's steps. */
    public String explanation() {
        StringBuilder sb = new StringBuilder();
        sb.append("《").append(document.title()).append("》").append(clause.citation()).append("：“").append(clause.text()).append("”");
        for (Item item : items) {
            sb.append("\n【").append(item.factTerm()).append(item.factId() == null ? "" : "（" + item.factId() + "，" + item.date() + "）").append("】");
            int n = 1;
            for (Step s : item.steps()) sb.append("\n  ").append(n++).append(". ").append(s);
        }
        return sb.toString();
    }
}
