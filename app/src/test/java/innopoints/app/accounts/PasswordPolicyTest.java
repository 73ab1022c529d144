package innopoints.app.accounts;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    @Test
    void refusesAPasswordShorterThanTenCharactersSayingHowLongItIs() {
        assertThat(PasswordPolicy.problem("Ab3$xyz", "zhangsan")).isEqualTo("新密码至少需要10个字符，当前只有7个");
    }

    @Test
    void refusesAPasswordLongerThanSixtyFourCharacters() {
        assertThat(PasswordPolicy.problem("Ab3$".repeat(17), "zhangsan")).contains("不能超过64个字符");
    }

    @Test
    void refusesAPasswordThatBcryptCouldNotReadToTheEnd() {
        String chinese = "南通企业科技创新积分平台的密码很长很长很长很长很长很长很长"; // 30 characters, 90 bytes
        assertThat(PasswordPolicy.problem(chinese, "zhangsan")).contains("72字节");
    }

    @Test
    void refusesAPasswordContainingTheUserNameWhateverItsCase() {
        assertThat(PasswordPolicy.problem("my-ZhangSan-2026!", "zhangsan")).isEqualTo("新密码不能包含用户名“zhangsan”");
    }

    @Test
    void refusesCommonPasswordsIncludingChineseUsersFavourites() {
        for (String common : new String[]{"woaini1314", "1qaz2wsx3edc", "qq123456789", "5201314520", "Password123", "a123456789", "qwertyuiop"}) {
            assertThat(PasswordPolicy.problem(common, "zhangsan")).as(common).contains("过于常见");
        }
    }

    @Test
    void refusesAPasswordOfOneRepeatedCharacter() {
        assertThat(PasswordPolicy.problem("zzzzzzzzzzzz", "lisi")).isNotNull();
    }

    @Test
    void acceptsALongPhraseOfItsOwn() {
        assertThat(PasswordPolicy.problem("濠河边的三棵银杏树今年真黄", "zhangsan")).isNull();
        assertThat(PasswordPolicy.problem("Haohe-3-ginkgo-trees", "zhangsan")).isNull();
    }

    @Test
    void generatedPasswordsPassThePolicyAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String p = PasswordPolicy.generate();
            assertThat(PasswordPolicy.problem(p, "admin")).isNull();
            assertThat(seen.add(p)).isTrue();
        }
    }
}
