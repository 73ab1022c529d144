package innopoints.app.web;

import innopoints.app.platform.Xlsx;
import innopoints.app.screening.ScreeningRepository;
import innopoints.app.support.Accounts;
import innopoints.app.support.ServiceTest;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.io.ByteArrayInputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every list, on its page ({@code ?format=xlsx}) and in the API (its own {@code …/export.xlsx} operation), downloads as a workbook whose header row is the list's. */
@ServiceTest
class ExportTest {
    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired ScreeningRepository runs;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/enterprises?district=通州区                     | 统一社会信用代码 | kjj  | 2",
            "/api/enterprises/export.xlsx                     | 统一社会信用代码 | kjj  | 2",
            "/enterprises/{own}                               | 统一社会信用代码 | qiye | 2",
            "/api/enterprises/{own}/export.xlsx               | 统一社会信用代码 | qiye | 2",
            "/screening                                       | 次              | kjj  | 2",
            "/api/screening/runs/export.xlsx                  | 次              | kjj  | 2",
            "/screening/runs/{run}                            | 条款            | kjj  | 2",
            "/api/screening/runs/{run}/clauses/export.xlsx    | 条款            | kjj  | 2",
            "/screening/runs/{run}/clauses/city-2025/21.5     | 统一社会信用代码 | kjj  | 2",
            "/api/screening/runs/{run}/clauses/city-2025/21.5/export.xlsx | 统一社会信用代码 | kjj  | 2",
            "/policies?q=流片                                  | 文件            | kjj  | 2",
            "/imports                                         | 编号            | kjj  | 1"})
    void aListDownloadsAsAWorkbook(String path, String firstHeader, String who, int minRows) throws Exception {
        String url = path.replace("{own}", String.valueOf(accounts.get("qiye").enterpriseId()))
                .replace("{run}", String.valueOf(runs.latestDone().orElseThrow().id()));
        if (!url.endsWith(".xlsx")) url += (url.contains("?") ? "&" : "?") + "format=xlsx"; // pages keep their export links
        MvcResult started = mvc.perform(get(url).with(user(accounts.get(who)))).andExpect(request().asyncStarted()).andReturn();
        byte[] body = mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andExpect(content().contentType(Xlsx.TYPE))
                .andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(body))) {
            Sheet first = wb.getFirstSheet();
            List<Row> rows = first.read();
            assertThat(rows.getFirst().getCellText(0)).isEqualTo(firstHeader);
            assertThat(rows.size()).isGreaterThanOrEqualTo(minRows);
        }
    }
}
