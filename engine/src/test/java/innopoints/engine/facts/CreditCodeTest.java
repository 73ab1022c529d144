package innopoints.engine.facts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CreditCodeTest {
    @Test
    void acceptsACodeWhoseCheckCharacterIsRight() {
        assertThat(CreditCode.isValid("91350100M000100Y43")).isTrue();
        assertThat(CreditCode.checkChar("91350100M000100Y4")).isEqualTo('3');
    }

    @Test
    void explainsWhatIsWrongWithABadCode() {
        assertThat(CreditCode.problem("91350100M000100Y4")).isEqualTo("统一社会信用代码应为18位，实际为17位");
        assertThat(CreditCode.problem("91350100M000100I43")).contains("第16位“I”不是允许的字符");
        assertThat(CreditCode.problem("91350100M000100Y40")).isEqualTo("统一社会信用代码校验位应为“3”，实际为“0”");
    }
}
