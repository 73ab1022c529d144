package innopoints.app.registry.imports;

import innopoints.app.accounts.Account;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.io.ByteArrayInputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who may import, the pages, and the templates: each one downloaded and imported back as it is. */
class ImportAccessTest extends ImportTestSupport {
    static final byte[] FILE = utf8("统一社会信用代码,企业名称,所属板块", code(201) + ",南通权限测试有限公司,崇川区");

    @AfterEach
    void removeTheTemplatesExample() {
        jdbc.sql("delete from enterprise where credit_code = ?").param(ImportTemplates.EXAMPLE_CODE).update();
    }

    @Test
    void enterpriseUsersAndLeadersMayNotImport() throws Exception {
        for (String username : List.of("qiye", "lingdao")) {
            Account who = account(username);
            upload(who, "enterprises", "企业名录.csv", CSV, FILE).andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.detail").value("只有部门经办人员和系统管理员可以导入数据"));
            mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "企业名录.csv", CSV, FILE)).param("kind", "enterprises")
                    .with(user(who)).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(get("/imports").with(user(who))).andExpect(status().isForbidden());
            mvc.perform(get("/api/imports").with(user(who))).andExpect(status().isForbidden());
        }
        assertThat(enterprises(201, 201)).isZero();
    }

    @Test
    void administratorsMayImport() throws Exception {
        upload(account("admin"), "enterprises", "企业名录.csv", CSV, FILE).andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/imports/")))
                .andExpect(jsonPath("$.uploadedBy").value("admin"));
    }

    @Test
    void theImportPageHasTheFormAndTheHistory() throws Exception {
        upload("enterprises", "页面测试.csv", FILE).andExpect(status().isCreated());
        mvc.perform(get("/imports").with(user(officer()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"file\"")))
                .andExpect(content().string(containsString("id=\"kind\"")))
                .andExpect(content().string(containsString("id=\"upload\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("页面测试.csv")));
        mvc.perform(get("/api/imports").param("size", "5").with(user(officer()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].fileName").value("页面测试.csv"));
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(download(get("/imports").param("format", "xlsx"))))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows.getFirst().getCellText(0)).isEqualTo("编号");
            assertThat(rows).extracting(r -> r.getCellText(3)).contains("页面测试.csv");
        }
    }

    @Test
    void eachTemplateCanBeImportedAsItIs() throws Exception {
        for (String kind : List.of("enterprises", "indicators", "facts")) {
            byte[] xlsx = download(get("/imports/template/" + kind));
            List<Row> rows;
            try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
                rows = wb.getFirstSheet().read();
            }
            assertThat(rows).hasSize(2);
            assertThat(rows.getFirst().getCellText(0)).isEqualTo("统一社会信用代码");
            upload(officer(), kind, "模板.xlsx", XLSX, xlsx).andExpect(status().isCreated()).andExpect(jsonPath("$.inserted").value(1));
        }
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(download(get("/imports/template/facts").param("type", "eda_tool"))))) {
            assertThat(wb.getFirstSheet().read().getFirst().getCellText(3)).isEqualTo("租用或购买");
        }
        mvc.perform(get("/imports/template/nothing").with(user(officer()))).andExpect(status().isNotFound());
    }

    /** An Excel download, streamed (so asynchronous in MockMvc). */
    private byte[] download(MockHttpServletRequestBuilder req) throws Exception {
        MvcResult started = mvc.perform(req.with(user(officer()))).andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(started)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("spreadsheetml")))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
    }
}
