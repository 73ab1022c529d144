package innopoints.cli;

import innopoints.engine.money.Points;
import innopoints.engine.money.Yuan;
import innopoints.engine.pack.Node;
import innopoints.engine.pack.Problems;
import innopoints.engine.policy.Document;
import innopoints.engine.policy.Pack;
import innopoints.engine.valuation.PointValuation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** value FUND: the yuan value of a point for a fund, and what each holder receives. */
@Command(name = "value", description = "Value the points approved against a fund: budget ÷ points, never above the document's ceiling per point; each holder's yuan and the unspent remainder.")
final class ValueCommand implements Callable<Integer> {
    @Mixin PackOption pack;

    @Parameters(paramLabel = "FUND", description = "a fund file: {fund, document, budget, holders: [{name, points}]}")
    Path file;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        Pack p = pack.load();
        Problems problems = new Problems();
        Node root = Node.read(file, file.toString(), problems);
        problems.throwIfAny();
        Node.Fields f = root.fields();
        problems.throwIfAny();
        String fund = f.text("fund", true);
        String docId = f.text("document", true);
        BigDecimal budget = f.decimal("budget", true);
        if (budget != null && budget.signum() < 0) f.opt("budget").problem("a budget cannot be negative");
        Document doc = docId == null ? null : p.document(docId);
        if (docId != null && doc == null) f.opt("document").problem("unknown document '" + docId + "'");
        else if (doc != null && doc.pointNominal() == null) f.opt("document").problem("document '" + docId + "' does not award points");
        List<PointValuation.Holder> holders = new ArrayList<>();
        for (Node h : f.items("holders")) {
            Node.Fields hf = h.fields();
            if (hf == null) continue;
            String name = hf.text("name", true);
            BigDecimal points = hf.decimal("points", true);
            if (points != null && points.signum() < 0) hf.opt("points").problem("points cannot be negative");
            hf.done();
            if (name != null && points != null && points.signum() >= 0) holders.add(new PointValuation.Holder(name, new Points(points)));
        }
        f.done();
        problems.throwIfAny();
        PointValuation.Valuation v = PointValuation.value(fund, new Yuan(budget), new Yuan(doc.pointNominal().yuan()), holders);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fund", fund);
            m.put("document", doc.title());
            m.put("budget", v.budget().plain());
            m.put("ceiling", v.ceiling().plain());
            m.put("approvedPoints", v.approved().plain());
            m.put("pointValue", v.pointValue().plain());
            m.put("capped", v.capped());
            List<Object> pays = new ArrayList<>();
            for (PointValuation.Payment pay : v.payments()) pays.add(Map.of("name", pay.name(), "points", pay.points().plain(), "yuan", pay.yuan().plain()));
            m.put("payments", pays);
            m.put("paid", v.paid().plain());
            m.put("remainder", v.remainder().plain());
            m.put("explanation", v.explanation(doc.pointNominal().quote()));
            System.out.println(Json.write(m));
        } else {
            Table t = new Table(new String[]{"持有人", "积分", "兑付（元）"});
            for (PointValuation.Payment pay : v.payments()) t.add(pay.name(), pay.points().plain(), innopoints.engine.money.Numbers.group(pay.yuan().value()));
            System.out.print(t.render());
            System.out.println(v.explanation(doc.pointNominal().quote()));
        }
        return 0;
    }
}
