package innopoints.app.registry.imports;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The sample department files in examples/imports do what their names say. */
class ImportExamplesTest extends ImportTestSupport {
    static final Path EXAMPLES = Path.of("..", "examples", "imports");

    @AfterEach
    void removeTheExamplesEnterprises() throws Exception {
        for (String file : new String[]{"企业名录-正确.csv", "企业名录-示例.csv"}) {
            for (String line : Files.readAllLines(EXAMPLES.resolve(file))) {
                jdbc.sql("delete from enterprise where credit_code = ?").param(line.replace("\uFEFF", "").split(",")[0]).update();
            }
        }
    }

    @Test
    void theCleanFileImportsWhole() throws Exception {
        upload("enterprises", "企业名录-正确.csv", Files.readAllBytes(EXAMPLES.resolve("企业名录-正确.csv")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.inserted").value(7));
    }

    @Test
    void theSampleWithBadRowsIsRejectedNamingEachOne() throws Exception {
        upload("enterprises", "企业名录-示例.csv", Files.readAllBytes(EXAMPLES.resolve("企业名录-示例.csv")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(5))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("第3行“统一社会信用代码”：统一社会信用代码校验位应为")))
                .andExpect(jsonPath("$.errors[1].message").value(containsString("第5行“所属板块”：未知的地区“南通市区”")))
                .andExpect(jsonPath("$.errors[2].message").value(containsString("第6行“所在园区”：园区“如皋港”不在海门区；海门区的园区有：海门开发区、海门临江")))
                .andExpect(jsonPath("$.errors[3].message").value(containsString("第8行“企业规模”：未知的企业规模“特大型”")))
                .andExpect(jsonPath("$.errors[4].message").value(containsString("第9行“统一社会信用代码”：与第2行重复")));
    }
}
