package innopoints.app.registry.imports;

import com.jayway.jsonpath.JsonPath;
import innopoints.app.registry.Enterprise;
import innopoints.app.registry.EnterpriseRepository;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 企业名录 files: written whole or not at all, and a second import of the same file changes nothing. */
class ImportEnterprisesTest extends ImportTestSupport {
    static final String HEADER = "统一社会信用代码,企业名称,所属板块,所在园区,产业链,资质,企业规模,主体类型";

    @Autowired EnterpriseRepository registry;

    static byte[] threeEnterprises() {
        return utf8(HEADER,
                code(1) + ",南通导入测试一有限公司,崇川区,市北高新区,集成电路、集成电路设计,高新技术企业、专精特新中小企业,小型,企业",
                code(2) + ",南通导入测试二有限公司,通州区,,新能源,,中型,",
                code(3) + ",南通导入测试三研究院,海门区,海门开发区,,,,科研机构");
    }

    @Test
    void aGoodFileCreatesTheEnterprisesAndImportingItAgainChangesNothing() throws Exception {
        mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "企业名录.csv", CSV, threeEnterprises()))
                        .param("kind", "enterprises").with(user(officer())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/imports/*"));

        Enterprise first = registry.findByCreditCode(code(1)).orElseThrow();
        assertThat(first.name()).isEqualTo("南通导入测试一有限公司");
        assertThat(first.district()).isEqualTo("崇川区");
        assertThat(first.park()).isEqualTo("市北高新区");
        assertThat(first.industries()).containsExactly("集成电路", "集成电路设计");
        assertThat(first.qualifications()).containsExactly("高新技术企业", "专精特新中小企业");
        assertThat(first.size()).isEqualTo("small");
        assertThat(registry.findByCreditCode(code(2)).orElseThrow().park()).isNull();
        assertThat(registry.findByCreditCode(code(3)).orElseThrow().kind().key()).isEqualTo("research-institution");
        List<OffsetDateTime> before = updatedAt(1, 3);

        upload("enterprises", "企业名录.csv", threeEnterprises()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("unchanged"))
                .andExpect(jsonPath("$.statusLabel").value("无变化"))
                .andExpect(jsonPath("$.rowsTotal").value(3))
                .andExpect(jsonPath("$.inserted").value(0))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").value(3));
        assertThat(updatedAt(1, 3)).isEqualTo(before);
    }

    @Test
    void aChangedRowIsUpdatedAndAColumnTheFileLacksKeepsItsValue() throws Exception {
        upload("enterprises", "企业名录.csv", threeEnterprises()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("applied")).andExpect(jsonPath("$.inserted").value(3));
        List<OffsetDateTime> before = updatedAt(1, 3);

        byte[] renamed = utf8("企业名称,统一社会信用代码,所属板块",
                "南通导入测试一（更名）有限公司," + code(1) + ",崇川区",
                "南通导入测试二有限公司," + code(2) + ",通州区");
        upload("enterprises", "更名.csv", renamed).andExpect(status().isCreated())
                .andExpect(jsonPath("$.updated").value(1)).andExpect(jsonPath("$.unchanged").value(1));

        Enterprise first = registry.findByCreditCode(code(1)).orElseThrow();
        assertThat(first.name()).isEqualTo("南通导入测试一（更名）有限公司");
        assertThat(first.park()).isEqualTo("市北高新区");
        assertThat(first.qualifications()).containsExactly("高新技术企业", "专精特新中小企业");
        assertThat(first.updatedAt()).isAfter(before.get(0));
        assertThat(registry.findByCreditCode(code(2)).orElseThrow().updatedAt()).isEqualTo(before.get(1));
    }

    @Test
    void aFileWithTwoBadRowsIsRejectedWholeAndTheReportNamesRowColumnAndReason() throws Exception {
        byte[] file = utf8(HEADER,
                code(11) + ",南通好企业一有限公司,崇川区,,,,小型,",
                badCheck(12) + ",南通校验位错误有限公司,崇川区,,,,小型,",
                code(13) + ",南通好企业二有限公司,如皋市,如皋港,,,,",
                code(14) + ",南通板块错误有限公司,南京市,,,,,");
        String body = upload("enterprises", "有误.csv", file).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("数据有误，未导入"))
                .andExpect(jsonPath("$.detail").value(containsString("未写入任何数据")))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("统一社会信用代码"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("校验位")))
                .andExpect(jsonPath("$.errors[1].row").value(5))
                .andExpect(jsonPath("$.errors[1].column").value("所属板块"))
                .andExpect(jsonPath("$.errors[1].reason").value(containsString("未知的地区“南京市”；可选：海安市")))
                .andReturn().getResponse().getContentAsString();

        assertThat(enterprises(11, 14)).isZero();
        int id = JsonPath.read(body, "$.importId");
        mvc.perform(get("/api/imports/" + id).with(user(officer()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("rejected"))
                .andExpect(jsonPath("$.rowsTotal").value(4))
                .andExpect(jsonPath("$.rowsRejected").value(2))
                .andExpect(jsonPath("$.inserted").value(0))
                .andExpect(jsonPath("$.errors.length()").value(2));

        mvc.perform(get("/imports/" + id).with(user(officer()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("已拒绝（未写入任何数据）")))
                .andExpect(content().string(containsString("本次没有导入任何数据")))
                .andExpect(content().string(containsString("id=\"import-errors\"")))
                .andExpect(content().string(containsString("南京市")));
    }

    @Test
    void checksEveryCellOfARow() throws Exception {
        byte[] file = utf8(HEADER,
                code(21) + ",,崇川区,海安开发区,,,巨型,公司",
                code(21) + ",南通重复有限公司,崇川区,,,,,");
        upload("enterprises", "多处错误.csv", file).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].column", hasItem("企业名称")))
                .andExpect(jsonPath("$.errors[*].reason", hasItem(containsString("园区“海安开发区”不在崇川区；崇川区的园区有："))))
                .andExpect(jsonPath("$.errors[*].reason", hasItem(containsString("未知的企业规模“巨型”，是否指“微型”或“小型”或“中型”？可选：微型、小型、中型、大型"))))
                .andExpect(jsonPath("$.errors[*].reason", hasItem(containsString("未知的主体类型“公司”；可选：企业、科研机构"))))
                .andExpect(jsonPath("$.errors[*].reason", hasItem(containsString("与第2行重复"))));
        assertThat(enterprises(21, 21)).isZero();
    }

    @Test
    void anXlsxFileIsImportedFromItsFirstSheet() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("企业名录");
        String[] header = {"统一社会信用代码", "企业名称", "所属板块", "所在园区", "资质", "企业规模"};
        for (int c = 0; c < header.length; c++) ws.value(0, c, header[c]);
        ws.value(1, 0, code(31));
        ws.value(1, 1, "南通表格一有限公司");
        ws.value(1, 2, "启东市");
        ws.value(1, 3, "启东开发区");
        ws.value(1, 4, "高新技术企业");
        ws.value(1, 5, "中型企业");
        ws.value(3, 0, code(32));
        ws.value(3, 1, "南通表格二有限公司");
        ws.value(3, 2, "南通创新区");
        wb.newWorksheet("说明").value(0, 0, "第二张表不导入");
        wb.finish();

        upload(officer(), "enterprises", "企业名录.xlsx", XLSX, out.toByteArray()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.inserted").value(2));
        Enterprise first = registry.findByCreditCode(code(31)).orElseThrow();
        assertThat(first.park()).isEqualTo("启东开发区");
        assertThat(first.size()).isEqualTo("medium");
        assertThat(registry.findByCreditCode(code(32)).orElseThrow().district()).isEqualTo("南通创新区");
    }

    @Test
    void aGbkCsvAsExcelInChinaSavesItIsRead() throws Exception {
        byte[] file = gbk(HEADER, code(41) + ",南通国标编码有限公司,如东县,洋口港开发区,海洋装备,专精特新中小企业,小型,企业");
        upload("enterprises", "企业名录-GBK.csv", file).andExpect(status().isCreated()).andExpect(jsonPath("$.inserted").value(1));
        Enterprise e = registry.findByCreditCode(code(41)).orElseThrow();
        assertThat(e.name()).isEqualTo("南通国标编码有限公司");
        assertThat(e.park()).isEqualTo("洋口港开发区");
    }

    @Test
    void aPngRenamedCsvIsRefused() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        upload("enterprises", "企业名录.csv", png).andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.detail").value(containsString("PNG图片")))
                .andExpect(jsonPath("$.importId").isNumber());
    }

    @Test
    void anUnknownColumnIsRefusedByName() throws Exception {
        byte[] file = utf8(HEADER + ",联系电话", code(51) + ",南通多列有限公司,崇川区,,,,,,0513-12345678");
        upload("enterprises", "多一列.csv", file).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("有不认识的列：“联系电话”")))
                .andExpect(jsonPath("$.errors[0].row").value(1))
                .andExpect(jsonPath("$.errors[0].column").value("联系电话"));
        assertThat(enterprises(51, 51)).isZero();
    }

    @Test
    void headersMayCarrySpacesAndHalfWidthBracketsAndTheKindIsToldByTheHeader() throws Exception {
        byte[] file = utf8(" 统一社会信用代码 ,企业名称 ,所属板块", code(61) + ",南通表头空格有限公司,海安市");
        upload(null, "无类型.csv", file).andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("enterprises")).andExpect(jsonPath("$.inserted").value(1));
        upload("indicators", "选错类型.csv", file).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("表头是“企业名录”文件的格式")));
    }

    @Test
    void aFailureWhileWritingUndoesEveryRowAlreadyWritten() throws Exception {
        jdbc.sql("""
                create or replace function import_test_fail() returns trigger language plpgsql as $$
                begin
                  if new.name = '南通触发失败有限公司' then raise exception 'simulated failure'; end if;
                  return new;
                end $$""").update();
        jdbc.sql("create trigger import_test_fail before insert on enterprise for each row execute function import_test_fail()").update();
        try {
            byte[] file = utf8(HEADER,
                    code(71) + ",南通先写入一有限公司,崇川区,,,,,",
                    code(72) + ",南通先写入二有限公司,崇川区,,,,,",
                    code(73) + ",南通触发失败有限公司,崇川区,,,,,");
            upload("enterprises", "中途失败.csv", file).andExpect(status().isInternalServerError())
                    .andExpect(jsonPath("$.detail").value(containsString("已全部撤销")))
                    .andExpect(jsonPath("$.title").value("导入失败，已撤销"));
            assertThat(enterprises(71, 73)).isZero();
            assertThat(jdbc.sql("select status from import_run where file_name = '中途失败.csv'").query(String.class).list())
                    .containsExactly("failed");
        } finally {
            jdbc.sql("drop trigger import_test_fail on enterprise").update();
            jdbc.sql("drop function import_test_fail()").update();
        }
    }

    private List<OffsetDateTime> updatedAt(int from, int to) {
        return jdbc.sql("select updated_at from enterprise where credit_code between ? and ? order by credit_code")
                .params(code(from), code(to)).query(OffsetDateTime.class).list();
    }
}
