package innopoints.app.registry.imports;

import innopoints.engine.facts.Bound;
import innopoints.engine.facts.CreditCode;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of cells as officers type them: full-width digits, thousands separators, dates as
 * 2026-03-15, 2026/3/15 or 2026年3月15日, lists separated by 、；，. Each reader returns the value
 * or throws {@link IllegalArgumentException} whose message is the reason in Chinese.
 */
final class Cells {
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    /** A date Excel shows as a number when the cell's format was changed to "常规": days since 1899-12-30. */
    private static final Pattern EXCEL_SERIAL = Pattern.compile("\\d{5}(?:\\.0+)?");
    private static final Pattern SCIENTIFIC = Pattern.compile("\\d(?:\\.\\d+)?[eE]\\+?\\d+");
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[、;；,，\\n]");

    private Cells() {}

    /** Trimmed of every kind of space, and of the ="…" Excel users type to keep leading zeros. */
    static String clean(String s) {
        if (s == null) return "";
        String t = strip(s);
        if (t.length() >= 3 && t.startsWith("=\"") && t.endsWith("\"")) t = strip(t.substring(2, t.length() - 1));
        return t;
    }

    private static String strip(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && space(s.charAt(b))) b++;
        while (e > b && space(s.charAt(e - 1))) e--;
        return s.substring(b, e);
    }

    private static boolean space(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
    }

    /** Full-width letters and digits (１２３, ＡＢＣ) as ASCII. */
    static String halfWidth(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) sb.append(c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c);
        return sb.toString();
    }

    static String creditCode(String text) {
        String code = halfWidth(text).toUpperCase();
        if (SCIENTIFIC.matcher(code).matches()) {
            throw new IllegalArgumentException("“" + text + "”是被Excel改成科学计数法的代码，原值已丢失；请把这一列设为“文本”格式后重新填写");
        }
        String problem = CreditCode.problem(code);
        if (problem != null) throw new IllegalArgumentException(problem);
        return code;
    }

    /** An amount in yuan within {@link Bound#YUAN}. */
    static BigDecimal yuan(String text) {
        return number(Bound.YUAN, text).setScale(2);
    }

    /** A count of people or patents within {@link Bound#COUNT}. */
    static int count(String text) {
        return number(Bound.COUNT, text).intValueExact();
    }

    static int year(String text) {
        String t = halfWidth(text);
        if (t.endsWith("年度")) t = t.substring(0, t.length() - 2);
        else if (t.endsWith("年")) t = t.substring(0, t.length() - 1);
        try {
            return number(Bound.YEAR, t).intValueExact();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("年度应为" + Bound.YEAR.min() + "至" + Bound.YEAR.max() + "之间的四位数年份，如2025，填写的是“" + shown(text) + "”");
        }
    }

    private static BigDecimal number(Bound bound, String text) {
        String t = halfWidth(text).replace(",", "").replace(" ", "");
        try {
            return bound.number(t);
        } catch (Bound.Refused e) {
            throw new IllegalArgumentException(bound.label() + e.getMessage());
        }
    }

    private static String shown(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    static LocalDate date(String text) {
        if (text.length() > Bound.MAX_DATE_CHARS) throw new IllegalArgumentException("日期过长（" + text.length() + "个字符），填写的是“" + shown(text) + "”");
        String t = halfWidth(text);
        try {
            Matcher m = DATE.matcher(t);
            if (m.matches()) return checked(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            m = COMPACT_DATE.matcher(t);
            if (m.matches()) return checked(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            if (EXCEL_SERIAL.matcher(t).matches()) return checked(LocalDate.of(1899, 12, 30).plusDays((long) Double.parseDouble(t)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("不是有效的日期，填写的是“" + text + "”");
        }
        throw new IllegalArgumentException("应为日期，格式如2026-03-15，填写的是“" + text + "”");
    }

    private static LocalDate checked(LocalDate d) {
        try {
            return Bound.checkDate(d, d.toString());
        } catch (Bound.Refused e) {
            throw new IllegalArgumentException("日期" + e.getMessage());
        }
    }

    /** Items separated by 、；，; (or line breaks), blanks and repeats dropped, order kept. */
    static List<String> list(String text) {
        LinkedHashSet<String> items = new LinkedHashSet<>();
        for (String part : LIST_SEPARATORS.split(text)) {
            String item = clean(part);
            if (!item.isEmpty()) items.add(item);
        }
        return new ArrayList<>(items);
    }
}
