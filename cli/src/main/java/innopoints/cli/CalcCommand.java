package innopoints.cli;

import innopoints.engine.calc.Calculation;
import innopoints.engine.calc.Choice;
import innopoints.engine.calc.Calculator;
import innopoints.engine.calc.Exclusion;
import innopoints.engine.calc.Result;
import innopoints.engine.calc.Undetermined;
import innopoints.engine.facts.Scenario;
import innopoints.engine.pack.ScenarioReader;
import innopoints.engine.policy.Pack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.Callable;

/** calc SCENARIO: what a subject could claim, clause by clause, with the explanation. */
@Command(name = "calc", description = "Calculate what a scenario could claim under the pack: figure, unit, ceiling or definite, split, and why.")
final class CalcCommand implements Callable<Integer> {
    @Mixin PackOption pack;

    @Parameters(paramLabel = "SCENARIO", description = "a scenario file (JSON or YAML); see docs/facts.md")
    Path scenario;

    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    @Option(names = "--drafts", description = "what-if: switch draft documents on (as whatIf.drafts: true)")
    boolean drafts;

    @Option(names = "--draft-effective", paramLabel = "DATE", description = "what-if: the date the drafts are assumed to take effect (default: the as-of date; as whatIf.draftEffective)")
    LocalDate draftEffective;

    @Option(names = "--brief", description = "table only, without explanations and exclusions")
    boolean brief;

    @Override
    public Integer call() {
        Pack p = pack.load();
        Scenario s = new ScenarioReader(p).read(scenario);
        if (draftEffective != null && !drafts && s.drafts().isEmpty()) {
            throw new Main.UserError("--draft-effective: 只有开启征求意见稿（--drafts）时才有假定生效日期");
        }
        if (drafts) s = s.withDrafts(Set.of("*"), draftEffective != null ? draftEffective : s.draftEffective());
        else if (draftEffective != null) s = s.withDrafts(s.drafts(), draftEffective);
        Calculation calc = new Calculator(p).calculate(s);
        if (json) {
            System.out.println(Json.write(Json.calculation(calc)));
            return 0;
        }
        System.out.print(render(calc, brief));
        return 0;
    }

    static String render(Calculation calc, boolean brief) {
        StringBuilder out = new StringBuilder();
        out.append("计算日 ").append(calc.scenario().asOf()).append("，主体：")
                .append(calc.scenario().subject().name() == null ? calc.scenario().subject().kind().label() : calc.scenario().subject().name())
                .append("（").append(calc.scenario().subject().district() == null ? "未填地区" : calc.scenario().subject().district()).append("）\n");
        if (!calc.scenario().drafts().isEmpty()) {
            out.append("假设分析：开启征求意见稿，假定生效日期 ").append(calc.scenario().draftEffectiveDate())
                    .append(calc.scenario().draftEffective() == null ? "（未指定，取计算日）" : "").append("\n");
        }
        out.append("\n");
        if (calc.results().isEmpty()) out.append("没有可享受的条款。\n");
        else {
            Table t = new Table(new String[]{"条款", "事项", "金额", "单位", "性质", "资金分担"}, 0, 28);
            for (Result r : calc.results()) {
                StringBuilder split = new StringBuilder();
                r.split().forEach((k, v) -> split.append(split.isEmpty() ? "" : "，").append(k).append(" ").append(innopoints.engine.money.Numbers.group(v.value())));
                t.add(r.clause().ref(), r.clause().title() == null ? r.clause().citation() : r.clause().title(),
                        innopoints.engine.money.Numbers.group(r.figure().value()), r.figure().unit().label(),
                        r.kind() == innopoints.engine.policy.Kind.CEILING ? "上限" : "确定", split.toString());
            }
            out.append(t.render());
        }
        for (Choice ch : calc.choices()) {
            out.append("\n不可同时享受，请择一（").append(ch.matter()).append("）").append(ch.quote() == null ? "" : "：“" + ch.quote() + "”").append("\n");
            for (Choice.Option o : ch.options()) {
                out.append("  或 ").append(o.ref()).append(" ").append(o.clause().title() == null ? o.clause().citation() : o.clause().title()).append("：")
                        .append(innopoints.engine.money.Numbers.group(o.item().figure().value())).append(o.item().figure().unit().label())
                        .append(o.item().kind() == innopoints.engine.policy.Kind.CEILING ? "（上限）" : "").append("\n");
            }
        }
        if (!calc.undetermined().isEmpty()) {
            out.append("\n适用但金额未定：\n");
            for (Undetermined u : calc.undetermined()) {
                out.append("  ").append(u.clause().ref()).append(" ").append(u.clause().title() == null ? "" : u.clause().title())
                        .append("：“").append(u.clause().text()).append("”\n");
            }
        }
        if (brief) return out.toString();
        if (!calc.results().isEmpty()) {
            out.append("\n说明：\n");
            for (Result r : calc.results()) out.append("\n").append(r.explanation()).append("\n");
        }
        if (!calc.choices().isEmpty()) {
            out.append("\n择一事项说明：\n");
            for (Choice ch : calc.choices()) for (Choice.Option o : ch.options()) out.append("\n").append(o.asResult().explanation()).append("\n");
        }
        if (!calc.excluded().isEmpty()) {
            out.append("\n未予计算的条款：\n");
            for (Exclusion e : calc.excluded()) {
                out.append("  ").append(e.clause().ref()).append(e.factId() == null ? "" : "（" + e.factId() + "）").append("：").append(e.reason()).append("\n");
            }
        }
        return out.toString();
    }
}
