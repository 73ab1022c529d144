package innopoints.app.registry.imports;

import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 企业名录 rows are checked by the engine's own check of a profile (the one scenario files get): a
 * district, park, industry or qualification the pack does not know is refused naming the column
 * and the nearest valid values, instead of being stored to match nothing.
 */
class ImportProfileValuesTest extends ImportTestSupport {
    @Test
    void aDistrictWithoutItsSuffixIsRefusedNamingTheDistrictMeant() throws Exception {
        byte[] file = utf8(ImportEnterprisesTest.HEADER, code(51) + ",南通简称板块有限公司,通州,,,,小型,");
        upload("enterprises", "简称.csv", file).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].column").value("所属板块"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("未知的地区“通州”，是否指“通州区”")));
    }

    @Test
    void anUnknownParkIndustryAndQualificationAreEachRefusedWithTheNearestValues() throws Exception {
        byte[] file = utf8(ImportEnterprisesTest.HEADER, code(52) + ",南通未知词语有限公司,通州区,高新区,人工只能,高新技术,小型,");
        upload("enterprises", "未知词语.csv", file).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].reason", hasItem(containsString("未知的园区“高新区”，是否指“南通高新区”"))))
                .andExpect(jsonPath("$.errors[*].reason", hasItem(containsString("未知的产业“人工只能”，是否指“人工智能”"))))
                .andExpect(jsonPath("$.errors[*].reason", hasItem(containsString("未知的资质“高新技术”，是否指“高新技术企业”"))));
    }
}
