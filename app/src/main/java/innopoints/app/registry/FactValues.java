package innopoints.app.registry;

import innopoints.app.platform.Failures.FieldError;
import innopoints.engine.facts.Bound;
import innopoints.engine.facts.FactType;
import innopoints.engine.facts.FieldSpec;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fact's values between the forms people type (text in a form or a cell), the stored JSON
 * (numbers as decimal strings, so nothing is lost) and the engine's values by field index.
 * Every refusal names the field in the document's words, in Chinese.
 */
public final class FactValues {
    private FactValues() {}

    /** Values read from text, normalized for storage, or the errors that stopped them. */
    public record Parsed(Map<String, Object> values, List<FieldError> errors) {
        public boolean ok() { return errors.isEmpty(); }
    }

    /** Reads typed text by field name; blank means not given. Unknown names are refused. */
    public static Parsed parse(FactType type, Map<String, String> text) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (String name : text.keySet()) {
            if (type.indexOf(name) < 0) errors.add(new FieldError(shown(name), "“" + type.term() + "”没有字段“" + shown(name) + "”"));
        }
        for (FieldSpec spec : type.fields()) {
            String raw = text.get(spec.name());
            String label = label(spec);
            if (raw == null || raw.isBlank()) {
                if (spec.required()) errors.add(new FieldError(spec.name(), label + "必须填写"));
                continue;
            }
            String v = raw.strip();
            Bound bound = Bound.of(spec);
            try {
                out.put(spec.name(), switch (spec.type()) {
                    case YUAN, NUMBER, INTEGER -> {
                        String number = v.replace(",", "").replace("，", "");
                        yield bound.number(number).toPlainString();
                    }
                    case BOOLEAN -> switch (v) {
                        case "是", "true", "TRUE", "True", "1", "Y", "y" -> true;
                        case "否", "false", "FALSE", "False", "0", "N", "n" -> false;
                        default -> throw new Bound.Refused("应填写“是”或“否”，填写的是“" + shown(v) + "”");
                    };
                    case DATE -> Bound.date(v.replace('/', '-')).toString();
                    case ENUM -> {
                        if (!spec.values().contains(v)) throw new Bound.Refused("：" + innopoints.engine.facts.Nearest.unknown("取值", shown(v), spec.values()));
                        yield v;
                    }
                    case TEXT -> bound.text(v);
                });
            } catch (Bound.Refused e) {
                errors.add(new FieldError(spec.name(), label + e.getMessage()));
            }
        }
        return new Parsed(out, errors);
    }

    /**
     * A fact's project (项目标识) from typed text: blank is none; longer than short text is refused
     * naming the field. Returns the stripped text, or null with the error added.
     */
    public static String project(String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) return null;
        try {
            return Bound.SHORT_TEXT.text(raw.strip());
        } catch (Bound.Refused e) {
            errors.add(new FieldError("project", "“项目标识”（project）" + e.getMessage()));
            return null;
        }
    }

    /** Text echoed in a message, cut short: a refused value may be long. */
    static String shown(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** "「流片费用」(cost)": the document's words for the field, with its key. */
    public static String label(FieldSpec spec) {
        return "“" + (spec.term() == null || spec.term().isBlank() ? spec.name() : spec.term()) + "”（" + spec.name() + "）";
    }

    /** Stored values to the engine's, by field index. */
    public static Object[] decode(FactType type, Map<String, Object> stored) {
        Object[] v = new Object[type.fields().size()];
        for (int i = 0; i < v.length; i++) {
            FieldSpec spec = type.field(i);
            Object raw = stored.get(spec.name());
            if (raw == null) continue;
            v[i] = switch (spec.type()) {
                case YUAN, NUMBER, INTEGER -> stored(raw);
                case BOOLEAN -> raw instanceof Boolean b ? b : Boolean.valueOf(raw.toString());
                case DATE -> raw instanceof LocalDate d ? d : LocalDate.parse(raw.toString());
                case ENUM, TEXT -> raw.toString();
            };
        }
        return v;
    }

    /**
     * A stored number, read without trusting it: a value stored before the bounds existed (say
     * 1e1000000 written out) is read as not given rather than expanded, so no page pays for it.
     */
    static BigDecimal stored(Object raw) {
        BigDecimal d;
        if (raw instanceof BigDecimal b) d = b;
        else {
            String t = raw.toString();
            if (t.length() > Bound.MAX_NUMBER_CHARS) return null;
            try {
                d = new BigDecimal(t);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        long wholeDigits = (long) d.precision() - d.scale();
        return wholeDigits > 20 || d.scale() > 20 ? null : d;
    }

    /** Engine values to stored ones (decimals as plain strings). */
    public static Map<String, Object> encode(FactType type, Object[] values) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) continue;
            out.put(type.field(i).name(), switch (v) {
                case BigDecimal d -> d.stripTrailingZeros().toPlainString();
                case LocalDate d -> d.toString();
                default -> v;
            });
        }
        return out;
    }

    /** The identity of a fact's content: the same happening entered twice is one fact. */
    public static String digest(String type, LocalDate date, Map<String, Object> values) {
        return digest(type, date, values, null);
    }

    /** The same, for a fact about a named project: one without a project keeps the digest it always had. */
    public static String digest(String type, LocalDate date, Map<String, Object> values, String project) {
        StringBuilder sb = new StringBuilder(type).append('|').append(date);
        new TreeMap<>(values).forEach((k, v) -> sb.append('|').append(k).append('=').append(canonical(v)));
        if (project != null) sb.append("|@project=").append(project);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String canonical(Object v) {
        if (v instanceof BigDecimal d) return d.stripTrailingZeros().toPlainString();
        if (v instanceof String s) {
            try {
                return new BigDecimal(s).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return s;
            }
        }
        return String.valueOf(v);
    }

    /** The value a person reads, e.g. "1,200,000.00元" for a yuan field. */
    public static String display(FieldSpec spec, Object v) {
        if (v == null) return "";
        return switch (spec.type()) {
            case YUAN -> {
                BigDecimal d = stored(v);
                yield d == null ? shown(v.toString()) : innopoints.engine.money.Numbers.group(d.setScale(2, java.math.RoundingMode.HALF_UP)) + "元";
            }
            case BOOLEAN -> Boolean.parseBoolean(v.toString()) ? "是" : "否";
            default -> v.toString();
        };
    }
}
