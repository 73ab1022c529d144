package innopoints.app.registry.imports;

import innopoints.app.platform.Xlsx;
import innopoints.engine.facts.Bound;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads an upload into a table, telling the format from the content, never from the file name:
 * XLSX (a zip, first sheet) or CSV in UTF-8 (with or without BOM), UTF-16 with BOM, or else
 * GB18030 (a superset of the GBK that Excel in China saves). Anything else is refused whole.
 */
final class TableReader {
    static final int MAX_ROWS = 50_000;
    /** The most cells a workbook's first sheet may hold, and the most columns of a row. */
    static final int MAX_CELLS = 1_000_000;
    static final int MAX_COLUMNS = 256;
    private static final String UNREADABLE = "无法读取该Excel文件（%s）：文件已损坏，或不是.xlsx格式（如.docx、.zip等其他压缩文件）。未导入任何数据";
    private static final Charset GB18030 = Charset.forName("GB18030");
    /** The largest serial number Excel has for a date (9999-12-31). */
    private static final double MAX_EXCEL_DATE = 2_958_465;

    private TableReader() {}

    static Table read(byte[] content) { return read("上传的文件", content); }

    /** Reads {@code content}; a refusal of the whole file names it as {@code fileName}. */
    static Table read(String fileName, byte[] content) {
        if (content.length == 0) throw new Refusal("文件是空的（0字节）。未导入任何数据");
        if (startsWith(content, 'P', 'K', 3, 4)) return xlsx(fileName, content);
        String foreign = foreignFormat(content);
        if (foreign != null) {
            throw new Refusal(415, "文件不是CSV或Excel（.xlsx）表格，而是" + foreign + "。请上传CSV或.xlsx文件，未导入任何数据",
                    List.of(RowError.file("文件不是CSV或Excel（.xlsx）表格，而是" + foreign)));
        }
        return csv(fileName, decode(content));
    }

    // ---- XLSX -------------------------------------------------------------------------------------

    private static Table xlsx(String fileName, byte[] content) {
        try {
            Xlsx.checkBounded(content);
        } catch (Xlsx.Unbounded e) {
            if (e.corrupt()) throw new Refusal(UNREADABLE.formatted(fileName));
            throw new Refusal("Excel文件“" + fileName + "”" + e.getMessage() + "，已拒绝读取。未导入任何数据");
        }
        int cellCount = 0;
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(content), new ReadingOptions(true, false));
             Stream<Row> rows = wb.getFirstSheet().openStream()) {
            Builder table = new Builder(fileName);
            for (Iterator<Row> it = rows.iterator(); it.hasNext(); ) {
                Row row = it.next();
                if (row.getCellCount() > MAX_COLUMNS) {
                    throw new Refusal("Excel文件“" + fileName + "”第" + row.getRowNum() + "行超过" + MAX_COLUMNS + "列上限。未导入任何数据");
                }
                cellCount += row.getCellCount();
                if (cellCount > MAX_CELLS) throw new Refusal("Excel文件“" + fileName + "”的单元格超过" + MAX_CELLS + "个上限。未导入任何数据");
                List<String> cells = new ArrayList<>(row.getCellCount());
                for (int i = 0; i < row.getCellCount(); i++) cells.add(Cells.clean(text(row.getCell(i))));
                table.add(cells, row.getRowNum());
            }
            return table.build();
        } catch (Refusal r) {
            throw r;
        } catch (Exception e) {
            throw new Refusal(UNREADABLE.formatted(fileName));
        }
    }

    /** A cell as text: numbers as written (without binary noise), dates as 2026-03-15, booleans as 是/否. */
    static String text(Cell c) {
        if (c == null) return "";
        return switch (c.getType()) {
            case NUMBER -> dateFormatted(c) ? excelDate(c.getRawValue()) : number(c.getRawValue());
            case BOOLEAN -> "1".equals(c.getRawValue()) || "true".equalsIgnoreCase(c.getRawValue()) ? "是" : "否";
            case FORMULA, ERROR -> c.getRawValue() == null ? "" : c.getRawValue();
            case STRING -> c.getText();
            case EMPTY -> "";
        };
    }

    /** Excel keeps numbers as binary doubles and shows at most 15 significant digits: so do we. */
    static String number(String raw) {
        if (raw == null) return "";
        try {
            if (raw.length() > Bound.MAX_NUMBER_CHARS) return raw;
            BigDecimal d = new BigDecimal(raw).round(new MathContext(15)).stripTrailingZeros();
            // A crafted cell such as 1E+1000000 is kept as written, for the bounds to refuse; never expanded.
            if ((long) d.precision() - d.scale() > 20 || d.scale() > 20) return raw;
            return d.toPlainString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    private static boolean dateFormatted(Cell c) {
        Integer id = c.getDataFormatId();
        if (id != null && (id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58)) return true;
        String f = c.getDataFormatString();
        if (f == null) return false;
        String bare = f.replaceAll("\"[^\"]*\"|\\[[^]]*]|\\\\.", "").toLowerCase();
        return bare.contains("y") || bare.contains("d");
    }

    private static String excelDate(String raw) {
        try {
            double serial = Double.parseDouble(raw);
            if (serial < 1 || serial > MAX_EXCEL_DATE) return number(raw);
            return LocalDate.of(1899, 12, 30).plusDays((long) Math.floor(serial)).toString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    // ---- CSV --------------------------------------------------------------------------------------

    private static Table csv(String fileName, String text) {
        Builder table = new Builder(fileName);
        Csv.parse(text, Csv.delimiter(text), (cells, number) -> table.add(cells.stream().map(Cells::clean).toList(), number));
        return table.build();
    }

    /** UTF-8 if the bytes are valid UTF-8 (or carry its BOM), UTF-16 by its BOM, else GB18030. */
    static String decode(byte[] b) {
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        if (startsWith(b, 0xFF, 0xFE)) return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        if (startsWith(b, 0xFE, 0xFF)) return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        if (binary(b)) {
            throw new Refusal(415, "文件不是CSV或Excel（.xlsx）表格（含有二进制内容）。请上传CSV或.xlsx文件，未导入任何数据",
                    List.of(RowError.file("文件不是CSV或Excel（.xlsx）表格（含有二进制内容）")));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return new String(b, GB18030);
        }
    }

    /** What a file that is not a table looks like it is, from its first bytes; null if it may be text. */
    static String foreignFormat(byte[] b) {
        if (startsWith(b, '%', 'P', 'D', 'F')) return "PDF文件";
        if (startsWith(b, 0x89, 'P', 'N', 'G')) return "PNG图片";
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) return "JPEG图片";
        if (startsWith(b, 'G', 'I', 'F', '8')) return "GIF图片";
        if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) return "旧版Office文件（如.xls、.doc；请在Excel中另存为.xlsx或CSV）";
        if (startsWith(b, 'R', 'a', 'r', '!')) return "RAR压缩文件";
        if (startsWith(b, '7', 'z', 0xBC, 0xAF)) return "7z压缩文件";
        return null;
    }

    /** Control characters other than tab, line breaks and form feed do not occur in a CSV. */
    private static boolean binary(byte[] b) {
        int n = Math.min(b.length, 8192);
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') return true;
        }
        return false;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((b[i] & 0xFF) != prefix[i]) return false;
        return true;
    }

    /** Collects rows: the first non-blank one is the header; blank rows are skipped but keep their numbers. */
    private static final class Builder {
        private final String fileName;
        private Header header;
        private final List<Table.Line> lines = new ArrayList<>();

        Builder(String fileName) { this.fileName = fileName; }

        void add(List<String> cells, int number) {
            if (cells.size() > MAX_COLUMNS) {
                throw new Refusal("文件“" + fileName + "”第" + number + "行超过" + MAX_COLUMNS + "列上限。未导入任何数据");
            }
            for (int i = 0; i < cells.size(); i++) {
                int length = cells.get(i).length();
                if (length > Bound.LONG_TEXT_CHARS) {
                    String reason = "第" + (i + 1) + "列的内容过长（" + length + "个字符，最多" + Bound.LONG_TEXT_CHARS + "个）";
                    throw new Refusal(400, "文件“" + fileName + "”第" + number + "行" + reason + "。未导入任何数据",
                            List.of(new RowError(number, "第" + (i + 1) + "列", reason)));
                }
            }
            if (cells.stream().allMatch(String::isEmpty)) return;
            if (header == null) {
                header = new Header(number, trimTrailingEmpty(cells));
                return;
            }
            if (lines.size() == MAX_ROWS) {
                throw new Refusal("文件的数据超过" + MAX_ROWS + "行（上限" + MAX_ROWS + "行），请拆分为多个文件分别导入。未导入任何数据");
            }
            lines.add(new Table.Line(number, cells));
        }

        Table build() {
            if (header == null) throw new Refusal("文件中没有任何内容（没有表头，也没有数据）。未导入任何数据");
            if (lines.isEmpty()) throw new Refusal("文件只有表头，没有数据行。未导入任何数据");
            for (int i = 0; i < header.size(); i++) {
                if (!header.key(i).isEmpty()) continue;
                int column = i;
                lines.stream().filter(l -> !l.cell(column).isEmpty()).findFirst().ifPresent(l -> {
                    String reason = "第" + (column + 1) + "列有数据，但没有表头";
                    throw new Refusal(400, reason + "（见第" + l.number() + "行）。请补上列名或删除这一列，未导入任何数据",
                            List.of(new RowError(header.row(), "第" + (column + 1) + "列", reason)));
                });
            }
            return new Table(header, List.copyOf(lines));
        }

        private static List<String> trimTrailingEmpty(List<String> cells) {
            int end = cells.size();
            while (end > 0 && cells.get(end - 1).isEmpty()) end--;
            return cells.subList(0, end);
        }
    }
}
