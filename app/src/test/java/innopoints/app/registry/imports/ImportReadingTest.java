package innopoints.app.registry.imports;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading files and cells, without the service. */
class ImportReadingTest {

    private static Table read(byte[] b) { return TableReader.read(b); }

    @Test
    void quotedCellsKeepCommasQuotesAndLineBreaksWithoutShiftingRowNumbers() {
        Table t = read("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",z\r\n\r\nlast,row".getBytes(StandardCharsets.UTF_8));
        assertThat(t.header().written(0)).isEqualTo("a");
        assertThat(t.lines()).extracting(Table.Line::number).containsExactly(2, 3, 5);
        assertThat(t.lines().get(0).cells()).containsExactly("x, y", "say \"hi\"");
        assertThat(t.lines().get(1).cells()).containsExactly("two\nlines", "z");
    }

    @Test
    void anUnclosedQuoteRefusesTheFileNamingItsRow() {
        assertThatThrownBy(() -> read("a,b\n1,2\n\"open,3\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Refusal.class).hasMessageContaining("第3行");
    }

    @Test
    void tellsUtf8WithAndWithoutBomGbkAndUtf16() {
        String text = "企业名称,所属板块\n南通甲有限公司,崇川区\n";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        byte[] utf16 = ("\uFEFF" + text.replace(',', '\t')).getBytes(StandardCharsets.UTF_16LE);
        for (byte[] b : List.of(utf8, withBom, text.getBytes(Charset.forName("GBK")), text.getBytes(Charset.forName("GB18030")), utf16)) {
            Table t = read(b);
            assertThat(t.header().written(0)).isEqualTo("企业名称");
            assertThat(t.lines().getFirst().cells()).containsExactly("南通甲有限公司", "崇川区");
        }
    }

    @Test
    void refusesWhatIsNotATableByItsContent() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};
        assertThatThrownBy(() -> read(png)).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.status()).isEqualTo(415);
            assertThat(r.getMessage()).contains("PNG图片");
        });
        assertThatThrownBy(() -> read("%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1))).hasMessageContaining("PDF");
        assertThatThrownBy(() -> read(new byte[]{0x01, 0x02, 0x00, 0x41})).hasMessageContaining("二进制");
        assertThatThrownBy(() -> read("PK\u0003\u0004not really a zip".getBytes(StandardCharsets.ISO_8859_1))).hasMessageContaining("无法读取该Excel文件");
        assertThatThrownBy(() -> read(new byte[0])).hasMessageContaining("空的");
        assertThatThrownBy(() -> read("a,b\n".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("只有表头");
    }

    @Test
    void refusesMoreThanFiftyThousandRows() {
        StringBuilder sb = new StringBuilder("a\n");
        for (int i = 0; i <= TableReader.MAX_ROWS; i++) sb.append(i).append('\n');
        assertThatThrownBy(() -> read(sb.toString().getBytes(StandardCharsets.UTF_8))).hasMessageContaining("超过50000行");
    }

    @Test
    void headersMatchWhateverTheSpacesAndBrackets() {
        Header h = new Header(1, List.of(" 营业收入 (元) ", "*研发人员数", "First_Round_Cost"));
        assertThat(h.indexOf("营业收入（元）")).isEqualTo(0);
        assertThat(h.indexOf("研发人员数")).isEqualTo(1);
        assertThat(h.indexOf("first_round_cost")).isEqualTo(2);
    }

    @Test
    void readsCellsAsOfficersTypeThem() {
        assertThat(Cells.yuan("1,234,567.5")).isEqualByComparingTo("1234567.50");
        assertThat(Cells.yuan("１２００")).isEqualByComparingTo(new BigDecimal("1200"));
        assertThatThrownBy(() -> Cells.yuan("-5")).hasMessageContaining("不能为负数");
        assertThatThrownBy(() -> Cells.yuan("1.234")).hasMessageContaining("最多2位小数");
        assertThatThrownBy(() -> Cells.count("3.5")).hasMessageContaining("整数");
        assertThat(Cells.year("2025年")).isEqualTo(2025);
        assertThatThrownBy(() -> Cells.year("1900")).hasMessageContaining("1949至2100");
        assertThat(List.of("2026-03-15", "2026/3/15", "2026.3.15", "2026年3月15日", "20260315", "2026-03-15 00:00:00", "46096"))
                .allSatisfy(d -> assertThat(Cells.date(d)).isEqualTo(LocalDate.of(2026, 3, 15)));
        assertThatThrownBy(() -> Cells.date("2026-02-30")).hasMessageContaining("不是有效的日期");
        assertThat(Cells.list("高新技术企业、专精特新中小企业；瞪羚企业,高新技术企业")).containsExactly("高新技术企业", "专精特新中小企业", "瞪羚企业");
        assertThat(Cells.clean("\u3000=\"0123\" ")).isEqualTo("0123");
        assertThatThrownBy(() -> Cells.creditCode("9.13206E+17")).hasMessageContaining("科学计数法");
    }

    @Test
    void excelNumbersLoseTheirBinaryNoise() {
        assertThat(TableReader.number("0.30000000000000004")).isEqualTo("0.3");
        assertThat(TableReader.number("1234.56")).isEqualTo("1234.56");
        assertThat(TableReader.number("2024")).isEqualTo("2024");
    }

    @Test
    void csvRecordsAreNumberedAsASpreadsheetShowsThem() {
        List<Integer> numbers = new ArrayList<>();
        Csv.parse("h\n\"a\nb\"\nc", ',', (cells, n) -> numbers.add(n));
        assertThat(numbers).containsExactly(1, 2, 3);
    }
}
