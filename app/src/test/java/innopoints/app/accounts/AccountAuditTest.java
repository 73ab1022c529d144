package innopoints.app.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountAuditTest {

    @Test
    void theTrailReadsInChineseWithRoleLabelsAndYesNo() {
        assertThat(AccountAudit.describe("{\"role\": \"OFFICER\", \"department\": \"市科技局\", \"enabled\": false, \"enterpriseId\": null}"))
                .isEqualTo("角色：部门经办人员；部门：市科技局；启用：否；企业编号：—");
    }
}
