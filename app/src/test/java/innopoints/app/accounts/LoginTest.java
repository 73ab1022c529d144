package innopoints.app.accounts;

import innopoints.app.support.Accounts;
import innopoints.app.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

@ServiceTest
class LoginTest {
    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    @Test
    void passwordsAreStoredAsBcryptHashesNeverInClear() {
        String hash = jdbc.sql("select password_hash from app_user where username = 'kjj'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(innopoints.app.support.ServiceTest.PASSWORD);
    }

    @Test
    void theRightPasswordSignsIn() throws Exception {
        accounts.create("login-ok", Role.LEADER, null, null);
        mvc.perform(formLogin("/login").user("login-ok").password(ServiceTest.PASSWORD)).andExpect(authenticated().withUsername("login-ok")
                .withAuthentication(a -> assertThat(((Account) a.getPrincipal()).passwordHash()).as("no hash kept in the session").isEmpty()));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOneWithTheSameAnswer() throws Exception {
        accounts.create("login-guessed", Role.LEADER, null, null);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user("login-guessed").password("wrong" + i))
                    .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error=bad"));
        }
        mvc.perform(formLogin("/login").user("login-guessed").password(ServiceTest.PASSWORD))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error=bad"));
        assertThat(jdbc.sql("select locked_until > now() from app_user where username = 'login-guessed'").query(Boolean.class).single()).isTrue();
    }
}
