package innopoints.app.registry.imports;

import java.util.List;

/** A file read as text: its header row and its data rows, blank rows left out. */
record Table(Header header, List<Line> lines) {

    /** A data row: its number as the officer sees it in the file (header = 1) and its cells, trimmed. */
    record Line(int number, List<String> cells) {
        /** The cell in column {@code i}: "" when blank, null when the file has no such column. */
        String cell(int i) {
            if (i < 0) return null;
            return i < cells.size() ? cells.get(i) : "";
        }

        boolean blank() { return cells.stream().allMatch(String::isEmpty); }
    }
}
