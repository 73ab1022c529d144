package innopoints.engine.pack;

import innopoints.engine.calc.Calculation;
import innopoints.engine.calc.Calculator;
import innopoints.engine.calc.Choice;
import innopoints.engine.calc.Exclusion;
import innopoints.engine.calc.Result;
import innopoints.engine.calc.Undetermined;
import innopoints.engine.money.Amount;
import innopoints.engine.money.Numbers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs worked cases against the calculator and says, with file and line, where they differ. */
public final class CaseRunner {
    private final Calculator calculator;

    public CaseRunner(Calculator calculator) { this.calculator = calculator; }

    /** The differences between what the case expects and what the calculator gives; empty if it passes. */
    public List<String> differences(WorkedCase c) {
        Calculation calc = calculator.calculate(c.scenario());
        List<String> out = new ArrayList<>();
        Map<String, Result> actual = new LinkedHashMap<>();
        for (Result r : calc.results()) actual.put(r.clause().ref(), r);
        Set<String> expected = new LinkedHashSet<>();
        for (WorkedCase.Expected e : c.expect()) {
            expected.add(e.clause());
            Result r = actual.get(e.clause());
            if (r == null) {
                out.add("expected " + e.clause() + " to award " + Numbers.plain(e.figure()) + ", but it does not: " + why(calc, e.clause()));
                continue;
            }
            compare(e, r, e.clause(), out);
        }
        List<Choice> choices = new ArrayList<>(calc.choices());
        for (List<WorkedCase.Expected> group : c.alternatives()) {
            Set<String> want = new LinkedHashSet<>();
            group.forEach(e -> want.add(e.clause()));
            Choice match = null;
            for (Choice ch : choices) {
                Set<String> refs = new LinkedHashSet<>();
                ch.options().forEach(o -> refs.add(o.ref()));
                if (refs.equals(want)) match = ch;
            }
            if (match == null) {
                out.add("expected a choice between " + String.join(" and ", want) + ", but the choices are " + show(calc.choices()));
                continue;
            }
            choices.remove(match);
            for (WorkedCase.Expected e : group) {
                for (Choice.Option o : match.options()) if (o.ref().equals(e.clause())) compare(e, o.asResult(), e.clause() + " (alternative)", out);
            }
        }
        if (!choices.isEmpty()) out.add("did not expect the choice " + show(choices));
        for (String ref : actual.keySet()) {
            if (!expected.contains(ref)) out.add("did not expect " + ref + " to award, but it gives " + actual.get(ref).figure().plain() + "\n" + actual.get(ref).explanation());
        }
        for (String ref : c.undetermined()) {
            boolean found = false;
            for (Undetermined u : calc.undetermined()) found |= u.clause().ref().equals(ref);
            if (!found) out.add("expected " + ref + " to apply with an undetermined amount, but it does not: " + why(calc, ref));
        }
        for (WorkedCase.ExpectedExclusion x : c.excluded()) {
            boolean found = false;
            for (Exclusion e : calc.excluded()) {
                if (e.clause().ref().equals(x.clause()) && (x.reason() == null || e.reason().contains(x.reason()))) found = true;
            }
            if (!found) out.add("expected " + x.clause() + " to be excluded" + (x.reason() == null ? "" : " with a reason containing '" + x.reason() + "'")
                    + "; reasons given: " + why(calc, x.clause()));
        }
        return out;
    }

    /** The differences between an expected figure, kind and split and a clause's result (or an alternative as one). */
    private static void compare(WorkedCase.Expected e, Result r, String label, List<String> out) {
        if (r.figure().value().compareTo(e.figure()) != 0) {
            out.add(label + ": expected figure " + Numbers.plain(e.figure()) + ", got " + r.figure().plain() + "\n" + r.explanation());
        }
        if (r.kind() != e.kind()) out.add(label + ": expected kind " + e.kind().key() + ", got " + r.kind().key());
        if (e.split() != null) {
            Map<String, BigDecimal> got = new LinkedHashMap<>();
            for (Map.Entry<String, Amount> s : r.split().entrySet()) got.put(s.getKey(), s.getValue().value());
            if (!sameSplit(e.split(), got)) out.add(label + ": expected split " + show(e.split()) + ", got " + show(got));
        }
    }

    private static String why(Calculation calc, String ref) {
        List<String> reasons = new ArrayList<>();
        for (Exclusion e : calc.excluded()) if (e.clause().ref().equals(ref)) reasons.add(e.reason());
        for (Choice ch : calc.choices()) {
            for (Choice.Option o : ch.options()) if (o.ref().equals(ref)) reasons.add("it is an alternative in the choice " + show(List.of(ch)));
        }
        return reasons.isEmpty() ? "the clause was not considered (no fact of its type)" : String.join(" | ", reasons);
    }

    private static String show(List<Choice> choices) {
        if (choices.isEmpty()) return "none";
        List<String> out = new ArrayList<>();
        for (Choice ch : choices) out.add(String.join(" | ", ch.options().stream().map(o -> o.ref() + " " + o.item().figure().plain()).toList()));
        return "[" + String.join("], [", out) + "]";
    }

    private static boolean sameSplit(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
        if (!a.keySet().equals(b.keySet())) return false;
        for (String k : a.keySet()) if (a.get(k) == null || a.get(k).compareTo(b.get(k)) != 0) return false;
        return true;
    }

    private static String show(Map<String, BigDecimal> m) {
        StringBuilder sb = new StringBuilder("{");
        m.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(k).append(": ").append(v == null ? "?" : Numbers.plain(v)));
        return sb.append("}").toString();
    }
}
