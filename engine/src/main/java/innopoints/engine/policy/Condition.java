package innopoints.engine.policy;

import innopoints.engine.facts.Fact;
import innopoints.engine.facts.FieldSpec;
import innopoints.engine.facts.Profile;
import innopoints.engine.money.Numbers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One eligibility condition of a clause, with the words of the policy it came from: a test of
 * one field of the subject's profile or of the fact, against a stated value or against another
 * field ({@link Other}: "实际收费低于规定收费"); or several conditions joined, {@code any} (one of
 * them holds: "现代物流2000万元及以上" beside "1000万元及以上") or {@code all} (each holds).
 *
 * @param profileField the profile field tested, or null when a fact field is tested (or the condition joins others)
 * @param factField    the fact field's index, or -1
 * @param operand      the stated value; an {@link Other} field; or, for {@code any}/{@code all}, the list of joined conditions
 */
public record Condition(String profileField, int factField, FieldSpec spec, Test test, Object operand, String quote) {

    public enum Test {
        IS("is"), EQUALS("equals"), IN("in"), CONTAINS("contains"),
        AT_LEAST("atLeast"), ABOVE("above"), AT_MOST("atMost"), BELOW("below"),
        ANY("any"), ALL("all");

        private final String key;

        Test(String key) { this.key = key; }

        public String key() { return key; }

        public boolean numeric() { return this == AT_LEAST || this == ABOVE || this == AT_MOST || this == BELOW; }

        /** Whether the test joins other conditions rather than testing a field. */
        public boolean joins() { return this == ANY || this == ALL; }

        /** Whether another field may stand for the stated value. */
        public boolean comparesFields() { return numeric() || this == EQUALS; }

        public static Test fromKey(String key) {
            for (Test t : values()) if (t.key.equals(key)) return t;
            return null;
        }
    }

    /** The other field a comparison tests against: "{field: regulated_fee}". */
    public record Other(String profileField, int factField, FieldSpec spec) {
        public Object value(Profile subject, Fact fact) {
            return profileField != null ? subject.field(profileField) : fact.value(factField);
        }

        public String words() { return spec != null ? spec.term() : profileWords(profileField); }
    }

    /** Joins conditions: {@code any} when {@code all} is false. */
    public static Condition joined(boolean all, List<Condition> parts, String quote) {
        return new Condition(null, -1, null, all ? Test.ALL : Test.ANY, List.copyOf(parts), quote);
    }

    /** Whether a condition holds, does not hold, or cannot be told because a profile value is missing. */
    public enum State { HOLDS, FAILS, UNKNOWN }

    /**
     * The outcome of a condition for one subject and fact, with what a reader is shown: for a
     * single test, the field's value and the requirement; for joined conditions, each part's.
     *
     * @param words   the value and requirement with the outcome: "投资为 1,500万，符合（要求≥ 1,000万）"
     * @param unmet   what a reader is told when the condition is not met: "投资为 900万，要求≥ 1,000万"
     * @param missing the profile fields (enterprise.x) whose absence left the outcome unknown
     */
    public record Verdict(State state, String words, String unmet, Set<String> missing) {
        public boolean holds() { return state == State.HOLDS; }

        public boolean unknown() { return state == State.UNKNOWN; }
    }

    /** The conditions this one joins, or an empty list for a single test. */
    @SuppressWarnings("unchecked")
    public List<Condition> parts() {
        return test.joins() ? (List<Condition>) operand : List.of();
    }

    /** This condition and every condition it joins, at any depth. */
    public List<Condition> leaves() {
        if (!test.joins()) return List.of(this);
        List<Condition> out = new ArrayList<>();
        for (Condition c : parts()) out.addAll(c.leaves());
        return out;
    }

    public Object actual(Profile subject, Fact fact) {
        return profileField != null ? subject.field(profileField) : fact.value(factField);
    }

    /** Tests the condition; a missing fact value fails the test, a missing profile value leaves it unknown. */
    public Verdict check(Profile subject, Fact fact) {
        if (test.joins()) return checkJoined(subject, fact);
        Object actual = actual(subject, fact);
        Object against = operand instanceof Other o ? o.value(subject, fact) : operand;
        Set<String> missing = new LinkedHashSet<>();
        if (actual == null && profileField != null) missing.add(profileField);
        if (against == null && operand instanceof Other o && o.profileField() != null) missing.add(o.profileField());
        if (!missing.isEmpty()) {
            List<String> words = new ArrayList<>();
            if (actual == null && profileField != null) words.add(fieldWords() + "（enterprise." + profileField + "）");
            if (against == null && operand instanceof Other o && o.profileField() != null) words.add(o.words() + "（enterprise." + o.profileField() + "）");
            String w = "未填写" + String.join("、", words);
            return new Verdict(State.UNKNOWN, w, w, missing);
        }
        boolean holds = against != null && holds(actual, against);
        String value = fieldWords() + "为 " + shown(actual);
        return new Verdict(holds ? State.HOLDS : State.FAILS, value + "，" + (holds ? "符合" : "不符合") + "（要求" + requirement(against) + "）",
                value + "，要求" + requirement(against), Set.of());
    }

    private Verdict checkJoined(Profile subject, Fact fact) {
        boolean all = test == Test.ALL;
        boolean anyHolds = false, anyFails = false;
        Set<String> missing = new LinkedHashSet<>();
        List<String> words = new ArrayList<>();
        for (Condition c : parts()) {
            Verdict v = c.check(subject, fact);
            words.add(v.words());
            switch (v.state()) {
                case HOLDS -> anyHolds = true;
                case FAILS -> anyFails = true;
                case UNKNOWN -> missing.addAll(v.missing());
            }
        }
        State state;
        if (all) state = anyFails ? State.FAILS : missing.isEmpty() ? State.HOLDS : State.UNKNOWN;
        else state = anyHolds ? State.HOLDS : missing.isEmpty() ? State.FAILS : State.UNKNOWN;
        String verdict = switch (state) {
            case HOLDS -> "，符合";
            case FAILS -> "，不符合";
            case UNKNOWN -> "，无法判断";
        };
        String w = (all ? "须同时满足〔" : "须满足其一〔") + String.join("；", words) + "〕";
        return new Verdict(state, w + verdict, w, state == State.UNKNOWN ? missing : Set.of());
    }

    /** Tests a field's value against the stated value or the other field's value. */
    private boolean holds(Object actual, Object against) {
        if (actual == null) return false;
        return switch (test) {
            case IS -> actual.equals(against);
            case EQUALS -> actual.toString().equals(against.toString());
            case IN -> ((Collection<?>) against).contains(actual.toString());
            case CONTAINS -> actual instanceof Collection<?> c && c.contains(against);
            case AT_LEAST -> ((BigDecimal) actual).compareTo((BigDecimal) against) >= 0;
            case ABOVE -> ((BigDecimal) actual).compareTo((BigDecimal) against) > 0;
            case AT_MOST -> ((BigDecimal) actual).compareTo((BigDecimal) against) <= 0;
            case BELOW -> ((BigDecimal) actual).compareTo((BigDecimal) against) < 0;
            case ANY, ALL -> throw new IllegalStateException("joined conditions are checked part by part");
        };
    }

    /** The field's name for a reader: the fact field's term, or the profile field in Chinese. */
    public String fieldWords() {
        if (test.joins()) return "";
        if (spec != null) return spec.term();
        return profileWords(profileField);
    }

    /** A profile field's name in Chinese: district → 所在地区. */
    public static String profileWords(String profileField) {
        return switch (profileField) {
            case "kind" -> "主体类别";
            case "district" -> "所在地区";
            case "park" -> "所在园区";
            case "industries" -> "所属产业";
            case "qualifications" -> "资质";
            case "size" -> "企业规模";
            case "name" -> "名称";
            default -> profileField;
        };
    }

    /** What the condition requires, in Chinese, e.g. "≥ 100,000"; a comparison names the other field and shows its value. */
    private String requirement(Object against) {
        if (operand instanceof Other o) {
            String other = o.words() + " " + (against == null ? "未填写" : shown(against));
            return test == Test.EQUALS ? "与" + other + " 相同" : symbol() + " " + other;
        }
        return switch (test) {
            case IS -> Boolean.TRUE.equals(against) ? "为“是”" : "为“否”";
            case EQUALS -> "为“" + against + "”";
            case IN -> "为 " + String.join("、", ((List<?>) against).stream().map(Object::toString).toList()) + " 之一";
            case CONTAINS -> "包含“" + against + "”";
            case AT_LEAST, ABOVE, AT_MOST, BELOW -> symbol() + " " + number((BigDecimal) against);
            case ANY -> "满足其一";
            case ALL -> "同时满足";
        };
    }

    private String symbol() {
        return switch (test) {
            case AT_LEAST -> "≥";
            case ABOVE -> ">";
            case AT_MOST -> "≤";
            case BELOW -> "<";
            default -> "=";
        };
    }

    /** The actual value of this condition's field for a reader; a year as plain digits. */
    public String shown(Object actual) {
        return actual instanceof BigDecimal d ? number(d) : show(actual);
    }

    private String number(BigDecimal d) {
        return spec != null && spec.isYear() ? Numbers.plain(d) : Numbers.show(d);
    }

    /** The actual value for a reader. */
    public static String show(Object actual) {
        if (actual == null) return "未填写";
        if (actual instanceof BigDecimal d) return Numbers.show(d);
        if (actual instanceof Boolean b) return b ? "是" : "否";
        if (actual instanceof Collection<?> c) return c.isEmpty() ? "无" : String.join("、", c.stream().map(Object::toString).toList());
        return actual.toString();
    }
}
