package innopoints.app.registry.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjIntConsumer;

/**
 * CSV as spreadsheets write it (RFC 4180): a quoted cell may hold the delimiter, doubled quotes
 * and line breaks. Records are numbered from 1 as a spreadsheet shows them, so a cell with a line
 * break does not shift the row numbers of a report.
 */
final class Csv {
    private Csv() {}

    /** Comma, or tab for the "Unicode text" Excel saves, whichever the first line has more of. */
    static char delimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        long tabs = first.chars().filter(c -> c == '\t').count();
        long commas = first.chars().filter(c -> c == ',').count();
        return tabs > commas ? '\t' : ',';
    }

    /** Hands each record and its number to {@code record}; refuses a quote left open at the end. */
    static void parse(String text, char delimiter, ObjIntConsumer<List<String>> record) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int number = 1;
        int quoteOpenedIn = 0;
        boolean quoted = false;
        boolean any = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i++);
            any = true;
            if (quoted) {
                if (c == '"') {
                    if (i < n && text.charAt(i) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
                quoteOpenedIn = number;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i < n && text.charAt(i) == '\n') i++;
                cells.add(cell.toString());
                cell.setLength(0);
                record.accept(cells, number++);
                cells = new ArrayList<>();
                any = false;
            } else {
                cell.append(c);
            }
        }
        if (quoted) throw new Refusal("CSV文件格式有误：第" + quoteOpenedIn + "行有一个引号（\"）没有闭合，文件可能不完整。未导入任何数据");
        if (any) {
            cells.add(cell.toString());
            record.accept(cells, number);
        }
    }
}
