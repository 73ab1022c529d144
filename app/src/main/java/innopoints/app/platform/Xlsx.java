package innopoints.app.platform;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Function;

/**
 * Any list as an Excel workbook: a header row, then one row per item; numbers stay numbers. And
 * the limits of reading a workbook someone uploaded ({@link #checkBounded(byte[])}).
 */
public final class Xlsx {
    public static final String TYPE_VALUE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final MediaType TYPE = MediaType.parseMediaType(TYPE_VALUE);
    /** The most bytes one part of an uploaded workbook may inflate to. */
    public static final long MAX_PART_BYTES = 32L * 1024 * 1024;
    /** The most bytes all parts of an uploaded workbook may inflate to together. */
    public static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;
    /** The most a part may inflate by (uncompressed / compressed), past the first {@link #RATIO_GRACE_BYTES}. */
    public static final int MAX_RATIO = 100;
    public static final long RATIO_GRACE_BYTES = 1024 * 1024;
    /** The most parts (files inside the zip) a workbook may have. */
    public static final int MAX_PARTS = 1_000;

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

    /** A workbook refused before it is read, with the reason in Chinese. */
    public static final class Unbounded extends RuntimeException {
        private final boolean corrupt;

        public Unbounded(String reason) { this(reason, false); }

        Unbounded(String reason, boolean corrupt) {
            super(reason, null, false, false);
            this.corrupt = corrupt;
        }

        /** Not a zip that can be read at all, rather than one over a limit. */
        public boolean corrupt() { return corrupt; }
    }

    /**
     * Inflates every part of an uploaded workbook through a counting stream (the sizes the zip's
     * headers claim are not trusted) and throws {@link Unbounded} as soon as a part or the whole
     * passes its limit or a part inflates by more than {@link #MAX_RATIO}: a zip bomb costs at most
     * {@link #RATIO_GRACE_BYTES} times {@link #MAX_RATIO} bytes of inflating, and nothing is kept.
     * The parts are those of the zip's central directory, as the workbook reader sees them.
     */
    public static void checkBounded(byte[] content) {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            long total = 0;
            int parts = 0;
            byte[] buffer = new byte[64 * 1024];
            for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
                ZipArchiveEntry entry = e.nextElement();
                if (++parts > MAX_PARTS) throw new Unbounded("压缩包内的文件超过" + MAX_PARTS + "个");
                if (entry.isDirectory()) continue;
                long part = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        part += n;
                        total += n;
                        if (part > MAX_PART_BYTES) throw new Unbounded("其中的“" + shown(entry.getName()) + "”解压后超过" + mb(MAX_PART_BYTES) + "MB上限");
                        if (total > MAX_TOTAL_BYTES) throw new Unbounded("解压后超过" + mb(MAX_TOTAL_BYTES) + "MB上限");
                        if (part > RATIO_GRACE_BYTES && in instanceof InputStreamStatistics stats
                                && part > MAX_RATIO * Math.max(1, stats.getCompressedCount())) {
                            throw new Unbounded("其中的“" + shown(entry.getName()) + "”压缩比超过" + MAX_RATIO + "倍上限（疑似压缩炸弹）");
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Unbounded u) throw u;
            throw new Unbounded("文件已损坏，或不是.xlsx格式", true);
        }
    }

    private static long mb(long bytes) { return bytes / (1024 * 1024); }

    private static String shown(String name) { return name.length() > 60 ? name.substring(0, 60) + "…" : name; }

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
