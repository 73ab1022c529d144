package innopoints.app.platform;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/** Any list as an Excel workbook: a header row, then one row per item; numbers stay numbers. */
public final class Xlsx {
    public static final String TYPE_VALUE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final MediaType TYPE = MediaType.parseMediaType(TYPE_VALUE);

    private Xlsx() {}

    /** A column: its Chinese header and how to read it from an item. */
    public record Column<T>(String header, Function<T, Object> value) {}

    /** One sheet: its name, columns and rows. */
    public record Sheet<T>(String name, List<Column<T>> columns, Iterable<T> items) {}

    public static <T> void write(OutputStream out, String sheet, List<Column<T>> columns, Iterable<T> items) throws IOException {
        write(out, List.of(new Sheet<>(sheet, columns, items)));
    }

    public static void write(OutputStream out, List<Sheet<?>> sheets) throws IOException {
        Workbook wb = new Workbook(out, "innopoints", "1.0");
        for (Sheet<?> sheet : sheets) fill(wb.newWorksheet(sheet.name()), sheet);
        wb.finish();
    }

    private static <T> void fill(Worksheet ws, Sheet<T> sheet) {
        List<Column<T>> columns = sheet.columns();
        for (int c = 0; c < columns.size(); c++) {
            ws.value(0, c, columns.get(c).header());
            ws.style(0, c).bold().fillColor("DDEBF7").set();
        }
        int r = 1;
        for (T item : sheet.items()) {
            for (int c = 0; c < columns.size(); c++) {
                Object v = columns.get(c).value().apply(item);
                switch (v) {
                    case null -> {}
                    case BigDecimal d -> ws.value(r, c, d);
                    case Number n -> ws.value(r, c, n);
                    case Boolean b -> ws.value(r, c, b ? "是" : "否");
                    case LocalDate d -> ws.value(r, c, d.toString());
                    case List<?> l -> ws.value(r, c, String.join("、", l.stream().map(String::valueOf).toList()));
                    default -> ws.value(r, c, v.toString());
                }
            }
            r++;
        }
        ws.freezePane(0, 1);
    }

    /** A download response named {@code fileName}.xlsx (Chinese names kept, RFC 6266). */
    public static <T> ResponseEntity<StreamingResponseBody> download(String fileName, String sheet, List<Column<T>> columns, Iterable<T> items) {
        return download(fileName, List.of(new Sheet<>(sheet, columns, items)));
    }

    /** A workbook of several sheets as a download. */
    public static ResponseEntity<StreamingResponseBody> download(String fileName, List<Sheet<?>> sheets) {
        StreamingResponseBody body = out -> write(out, sheets);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .contentType(TYPE)
                .body(body);
    }

}
