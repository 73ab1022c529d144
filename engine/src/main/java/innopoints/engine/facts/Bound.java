package innopoints.engine.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The bounds of every value a person or a file gives the platform, defined here once and applied
 * the same way by the forms, the API, the department imports, the what-if, the CLI's scenario
 * reader and the scenario JSON Schema. A value is checked before any arithmetic: first the length
 * of its text, then the digits, scale and magnitude of the parsed decimal, so that {@code 1e1000000}
 * is refused in microseconds instead of being expanded.
 *
 * <p>A {@link FieldSpec} takes its bound from its type ({@link #of(FieldSpec)}): yuan fields are
 * {@link #YUAN}, integer fields {@link #COUNT} (or {@link #YEAR} when the field is a year),
 * number fields {@link #NUMBER} (or {@link #PERCENT} when the document's words give a percentage),
 * text and enumerated fields {@link #SHORT_TEXT}, date fields {@link #DATE}.
 */
public enum Bound {
    YUAN("金额（元）", "0", "10000000000000", 2),
    POINTS("积分", "0", "1000000000", 4),
    COUNT("数量（整数）", "0", "1000000000", 0),
    NUMBER("数值", "0", "1000000000", 6),
    PERCENT("百分比（%）", "0", "100", 4),
    YEAR("年度", "1949", "2100", 0),
    DATE("日期", null, null, 0),
    SHORT_TEXT("短文字", null, null, 0),
    LONG_TEXT("长文字", null, null, 0);

    /** The longest text a number may be written in, before it is parsed at all. */
    public static final int MAX_NUMBER_CHARS = 32;
    /** The longest text a date may be written in. */
    public static final int MAX_DATE_CHARS = 32;
    public static final int SHORT_TEXT_CHARS = 200;
    public static final int LONG_TEXT_CHARS = 2_000;
    public static final LocalDate FIRST_DATE = LocalDate.of(1949, 10, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(2100, 12, 31);

    private final String label;
    private final BigDecimal min;
    private final BigDecimal max;
    private final int scale;

    Bound(String label, String min, String max, int scale) {
        this.label = label;
        this.min = min == null ? null : new BigDecimal(min);
        this.max = max == null ? null : new BigDecimal(max);
        this.scale = scale;
    }

    public String label() { return label; }

    /** The least value of a number; null for dates and text. */
    public BigDecimal min() { return min; }

    /** The greatest value of a number; null for dates and text. */
    public BigDecimal max() { return max; }

    /** The most decimals a number may have (0: a whole number). */
    public int scale() { return scale; }

    public boolean numeric() { return max != null; }

    /** The most characters a text may have; for numbers and dates, the most characters they may be written in. */
    public int maxChars() {
        return switch (this) {
            case SHORT_TEXT -> SHORT_TEXT_CHARS;
            case LONG_TEXT -> LONG_TEXT_CHARS;
            case DATE -> MAX_DATE_CHARS;
            default -> MAX_NUMBER_CHARS;
        };
    }

    /** The bound of a fact's field, from its type (and, for years and percentages, its name and words). */
    public static Bound of(FieldSpec spec) {
        return switch (spec.type()) {
            case YUAN -> YUAN;
            case INTEGER -> spec.name().equals("year") || spec.name().endsWith("_year") ? YEAR : COUNT;
            case NUMBER -> spec.term() != null && (spec.term().contains("%") || spec.term().contains("％") || spec.term().contains("百分"))
                    ? PERCENT : NUMBER;
            case DATE -> DATE;
            case TEXT, ENUM, BOOLEAN -> SHORT_TEXT;
        };
    }

    /** A value refused, with the reason in Chinese (without the field's name, which the caller adds). */
    public static final class Refused extends IllegalArgumentException {
        public Refused(String reason) { super(reason, null); }
    }

    /**
     * Reads a number within this bound from text (already cleaned of thousands separators); throws
     * {@link Refused} saying why not. The text's length is checked before it is parsed, and the
     * parsed value's digits and scale before it is compared, so no input costs more than a few
     * microseconds.
     */
    public BigDecimal number(String text) {
        if (!numeric()) throw new IllegalStateException(this + " is not a number");
        if (text.length() > MAX_NUMBER_CHARS) {
            throw new Refused("数字过长（" + text.length() + "个字符，最多" + MAX_NUMBER_CHARS + "个）");
        }
        BigDecimal d;
        try {
            d = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new Refused("应为数字，填写的是“" + text + "”");
        }
        return check(d, text);
    }

    /** Checks a decimal already parsed (e.g. by a JSON reader): digits and scale first, then the range. */
    public BigDecimal check(BigDecimal d, String shown) {
        // Whole digits and decimals read from precision and scale: no expansion of a huge exponent.
        long wholeDigits = (long) d.precision() - d.scale();
        int maxWholeDigits = max.precision() - max.scale();
        if (d.signum() != 0 && wholeDigits > maxWholeDigits) throw new Refused(range("超出范围", shown));
        if (d.scale() > scale) {
            BigDecimal stripped = d.stripTrailingZeros();
            if (stripped.scale() > scale) {
                throw new Refused(scale == 0 ? "应为整数，填写的是“" + shown(shown) + "”"
                        : "最多" + scale + "位小数，填写的是“" + shown(shown) + "”");
            }
            d = stripped;
        }
        if (d.compareTo(min) < 0) throw new Refused(min.signum() == 0 ? "不能为负数，填写的是“" + shown(shown) + "”" : range("超出范围", shown));
        if (d.compareTo(max) > 0) throw new Refused(range("超出范围", shown));
        if (d.scale() < 0) d = d.setScale(0);
        return d;
    }

    /** Reads a date within {@link #FIRST_DATE}..{@link #LAST_DATE} from ISO text (2026-05-01). */
    public static LocalDate date(String text) {
        if (text.length() > MAX_DATE_CHARS) throw new Refused("日期过长（" + text.length() + "个字符）");
        LocalDate d;
        try {
            d = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Refused("应为日期，格式如2026-05-01，填写的是“" + text + "”");
        }
        return checkDate(d, text);
    }

    /** Checks a date already read. */
    public static LocalDate checkDate(LocalDate d, String shown) {
        if (d.isBefore(FIRST_DATE) || d.isAfter(LAST_DATE)) {
            throw new Refused("应在" + FIRST_DATE + "至" + LAST_DATE + "之间，填写的是“" + shown(shown) + "”");
        }
        return d;
    }

    /** Checks a text's length against this bound. */
    public String text(String text) {
        int max = maxChars();
        if (text.length() > max) throw new Refused("过长（" + text.length() + "个字符，最多" + max + "个）");
        return text;
    }

    /** A year within {@link #YEAR}, e.g. for a 年度 column. */
    public static int year(int y) {
        if (y < YEAR.min.intValue() || y > YEAR.max.intValue()) {
            throw new Refused("应在" + YEAR.min + "至" + YEAR.max + "之间，填写的是“" + y + "”");
        }
        return y;
    }

    /** The rule as a person reads it, e.g. "0至10,000,000,000,000，最多2位小数". */
    public String rule() {
        return switch (this) {
            case DATE -> FIRST_DATE + "至" + LAST_DATE;
            case SHORT_TEXT, LONG_TEXT -> "最多" + maxChars() + "个字符";
            case YEAR -> min + "至" + max + "，整数";
            default -> min.toPlainString() + "至" + innopoints.engine.money.Numbers.group(max)
                    + (scale == 0 ? "，整数" : "，最多" + scale + "位小数");
        };
    }

    private String range(String what, String shown) {
        return what + "：应在" + rule() + "，填写的是“" + shown(shown) + "”";
    }

    private static String shown(String s) {
        if (s == null) return "";
        return s.length() > MAX_NUMBER_CHARS ? s.substring(0, MAX_NUMBER_CHARS) + "…" : s;
    }
}
