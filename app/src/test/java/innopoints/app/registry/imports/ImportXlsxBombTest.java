package innopoints.app.registry.imports;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A workbook that inflates far beyond its size (a zip bomb) is refused at once with bounded
 * memory, the upload recorded as rejected; so are workbooks with too many columns or too long a
 * cell. The time and the bytes allocated are measured as sanity bounds only.
 */
class ImportXlsxBombTest extends ImportTestSupport {
    private static final long MB = 1024 * 1024;

    /** A workbook whose shared strings are {@code megabytes} MB of one letter: about a thousandth of that on disk. */
    static byte[] bomb(int megabytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            part(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                    <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
            part(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            part(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="企业名录" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            part(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
            part(zip, "xl/worksheets/sheet1.xml", """
                    <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
                    <row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>""");
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            zip.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>".getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[(int) MB];
            Arrays.fill(block, (byte) 'A');
            for (int i = 0; i < megabytes; i++) zip.write(block);
            zip.write("</t></si></sst>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static void part(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    static byte[] workbook(int columns, String longCell) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("企业名录");
        ws.value(0, 0, "统一社会信用代码");
        ws.value(0, 1, "企业名称");
        ws.value(0, 2, "所属板块");
        for (int c = 3; c < columns; c++) ws.value(0, c, "列" + c);
        ws.value(1, 0, code(1));
        ws.value(1, 1, longCell);
        ws.value(1, 2, "崇川区");
        wb.finish();
        return out.toByteArray();
    }

    long rejected(String fileName) {
        return jdbc.sql("select count(*) from import_run where file_name = ? and status = 'rejected'").param(fileName).query(Long.class).single();
    }

    static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void aWorkbookThatInflatesAThousandfoldIsRefusedAtOnceWithBoundedMemory() throws Exception {
        // 48 MB keeps the test's own deflating quick; the refusal comes after the first MB inflated whatever the size.
        byte[] bomb = bomb(48);
        assertThat(bomb.length).as("a small file").isLessThan(256 * 1024);
        long allocated = allocatedByThisThread();
        long start = System.nanoTime();
        upload(officer(), "enterprises", "炸弹.xlsx", XLSX, bomb)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("Excel文件“炸弹.xlsx”其中的“xl/sharedStrings.xml”压缩比超过100倍上限")))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("压缩比超过100倍上限")));
        long elapsed = System.nanoTime() - start;
        long used = allocatedByThisThread() - allocated;
        assertThat(elapsed).as("refused in well under a second").isLessThan(1_000_000_000L);
        assertThat(used).as("bytes allocated while refusing a 48 MB bomb").isLessThan(64 * MB);
        assertThat(rejected("炸弹.xlsx")).isEqualTo(1);
        assertThat(enterprises(1, 1)).isZero();
    }

    @Test
    void aWorkbookWithTooManyColumnsOrTooLongACellIsRefusedNamingTheFile() throws Exception {
        upload(officer(), "enterprises", "宽表.xlsx", XLSX, workbook(300, "南通宽表有限公司"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("Excel文件“宽表.xlsx”第1行超过256列上限")));
        upload(officer(), "enterprises", "长单元格.xlsx", XLSX, workbook(3, "长".repeat(2_001)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("文件“长单元格.xlsx”第2行第2列的内容过长（2001个字符，最多2000个）")));
        assertThat(rejected("宽表.xlsx")).isEqualTo(1);
        assertThat(rejected("长单元格.xlsx")).isEqualTo(1);
        assertThat(enterprises(1, 1)).isZero();
    }
}
