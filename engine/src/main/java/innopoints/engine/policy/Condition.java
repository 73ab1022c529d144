package innopoints.engine.policy;

import innopoints.engine.facts.Fact;
import innopoints.engine.facts.FieldSpec;
import innopoints.engine.facts.Profile;
import innopoints.engine.money.Numbers;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/**
 * One eligibility condition of a clause: a field of the subject's profile or of the fact, one
 * test, and the words of the policy it came from.
 *
 * @param profileField the profile field tested, or null when a fact field is tested
 * @param factField    the fact field's index, or -1
 */
public record Condition(String profileField, int factField, FieldSpec spec, Test test, Object operand, String quote) {

    public enum Test {
        IS("is"), EQUALS("equals"), IN("in"), CONTAINS("contains"),
        AT_LEAST("atLeast"), ABOVE("above"), AT_MOST("atMost"), BELOW("below");

        private final String key;

        Test(String key) { this.key = key; }

        public String key() { return key; }

        public boolean numeric() { return this == AT_LEAST || this == ABOVE || this == AT_MOST || this == BELOW; }

        public static Test fromKey(String key) {
            for (Test t : values()) if (t.key.equals(key)) return t;
            return null;
        }
    }

    public Object actual(Profile subject, Fact fact) {
        return profileField != null ? subject.field(profileField) : fact.value(factField);
    }

    public boolean holds(Profile subject, Fact fact) {
        return holds(actual(subject, fact));
    }

    public boolean holds(Object actual) {
        if (actual == null) return false;
        return switch (test) {
            case IS -> actual.equals(operand);
            case EQUALS -> actual.toString().equals(operand.toString());
            case IN -> ((Collection<?>) operand).contains(actual.toString());
            case CONTAINS -> actual instanceof Collection<?> c && c.contains(operand);
            case AT_LEAST -> ((BigDecimal) actual).compareTo((BigDecimal) operand) >= 0;
            case ABOVE -> ((BigDecimal) actual).compareTo((BigDecimal) operand) > 0;
            case AT_MOST -> ((BigDecimal) actual).compareTo((BigDecimal) operand) <= 0;
            case BELOW -> ((BigDecimal) actual).compareTo((BigDecimal) operand) < 0;
        };
    }

    /** The field's name for a reader: the fact field's term, or the profile field in Chinese. */
    public String fieldWords() {
        if (spec != null) return spec.term();
        return switch (profileField) {
            case "kind" -> "主体类别";
            case "district" -> "所在地区";
            case "park" -> "所在园区";
            case "industries" -> "所属产业";
            case "qualifications" -> "资质";
            case "size" -> "企业规模";
            default -> profileField;
        };
    }

    /** What the condition requires, in Chinese, e.g. "≥ 100,000". */
    public String requirement() {
        return switch (test) {
            case IS -> Boolean.TRUE.equals(operand) ? "为“是”" : "为“否”";
            case EQUALS -> "为“" + operand + "”";
            case IN -> "为 " + String.join("、", ((List<?>) operand).stream().map(Object::toString).toList()) + " 之一";
            case CONTAINS -> "包含“" + operand + "”";
            case AT_LEAST -> "≥ " + number((BigDecimal) operand);
            case ABOVE -> "> " + number((BigDecimal) operand);
            case AT_MOST -> "≤ " + number((BigDecimal) operand);
            case BELOW -> "< " + number((BigDecimal) operand);
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
