package innopoints.app.registry.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads one data row by column name, collecting every problem as a row error under the column as
 * the file heads it, so that one pass over a row reports all that is wrong with it.
 */
final class RowReader {
    private final Table.Line line;
    private final Header header;
    private final List<RowError> errors = new ArrayList<>();

    RowReader(Table.Line line, Header header) {
        this.line = line;
        this.header = header;
        int extra = 0;
        for (int i = header.size(); i < line.cells().size(); i++) if (!line.cells().get(i).isEmpty()) extra++;
        if (extra > 0) {
            errors.add(new RowError(line.number(), null, "这一行比表头多出" + extra + "个有内容的单元格，可能是某个单元格里有未加引号的逗号；该行的各列可能已错位"));
        }
    }

    int number() { return line.number(); }

    boolean ok() { return errors.isEmpty(); }

    List<RowError> errors() { return errors; }

    /** The column is in the file. */
    boolean has(String column) { return header.has(column); }

    /** The cell: "" when blank, null when the file has no such column. */
    String text(String column) { return line.cell(header.indexOf(column)); }

    boolean blank(String column) {
        String t = text(column);
        return t == null || t.isEmpty();
    }

    void reject(String column, String reason) {
        int i = column == null ? -1 : header.indexOf(column);
        errors.add(new RowError(line.number(), i >= 0 ? header.written(i) : column, reason));
    }

    /** The cell's text, or null with an error when it is blank. */
    String required(String column) {
        String t = text(column);
        if (t == null || t.isEmpty()) {
            reject(column, "必须填写");
            return null;
        }
        return t;
    }

    String creditCode(String column) {
        String t = required(column);
        return t == null ? null : read(column, t, Cells::creditCode);
    }

    /** An optional amount in yuan; null when blank. */
    BigDecimal yuan(String column) { return blank(column) ? null : read(column, text(column), Cells::yuan); }

    /** An optional count; null when blank. */
    Integer count(String column) { return blank(column) ? null : read(column, text(column), Cells::count); }

    Integer year(String column) {
        String t = required(column);
        return t == null ? null : read(column, t, Cells::year);
    }

    LocalDate date(String column) {
        String t = required(column);
        return t == null ? null : read(column, t, Cells::date);
    }

    /** An optional list of items; empty when blank. */
    List<String> list(String column) {
        if (blank(column)) return List.of();
        List<String> items = Cells.list(text(column));
        for (String item : items) {
            if (item.length() > innopoints.engine.facts.Bound.SHORT_TEXT_CHARS) {
                reject(column, "其中一项过长（" + item.length() + "个字符，每项最多" + innopoints.engine.facts.Bound.SHORT_TEXT_CHARS + "个）");
                return List.of();
            }
        }
        return items;
    }

    private <T> T read(String column, String text, Function<String, T> reader) {
        try {
            return reader.apply(text);
        } catch (IllegalArgumentException e) {
            reject(column, e.getMessage());
            return null;
        }
    }
}
