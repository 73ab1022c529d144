package innopoints.app.registry.imports;

import innopoints.app.accounts.Account;
import innopoints.app.accounts.AccountRepository;
import innopoints.app.support.ServiceTest;
import innopoints.engine.facts.CreditCode;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * What the import tests share: the service with its demo registry, accounts, uploads through the
 * API, and enterprises of their own (credit codes 91320602XQ…, which the demo generator never
 * makes), removed after each test so other test classes find the registry as the demo left it.
 */
@ServiceTest
abstract class ImportTestSupport {
    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired AccountRepository accounts;

    /** A valid credit code of a test enterprise, the n-th. */
    static String code(int n) {
        String first = "91320602XQ" + String.format("%07d", n);
        return first + CreditCode.checkChar(first);
    }

    /** The n-th code with a wrong check character. */
    static String badCheck(int n) {
        String good = code(n);
        char wrong = good.charAt(17) == '0' ? '1' : '0';
        return good.substring(0, 17) + wrong;
    }

    static byte[] utf8(String... lines) { return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8); }

    static byte[] gbk(String... lines) { return (String.join("\r\n", lines) + "\r\n").getBytes(Charset.forName("GBK")); }

    Account account(String username) { return accounts.find(username).orElseThrow().withoutSecret(); }

    Account officer() { return account("kjj"); }

    ResultActions upload(Account who, String kind, String fileName, String type, byte[] content) throws Exception {
        MockMultipartHttpServletRequestBuilder req = multipart("/api/imports").file(new MockMultipartFile("file", fileName, type, content));
        if (kind != null) req.param("kind", kind);
        return mvc.perform(req.with(user(who)).with(csrf()));
    }

    ResultActions upload(String kind, String fileName, byte[] content) throws Exception {
        return upload(officer(), kind, fileName, CSV, content);
    }

    long enterprises(int from, int to) {
        return jdbc.sql("select count(*) from enterprise where credit_code between ? and ?").params(code(from), code(to)).query(Long.class).single();
    }

    @AfterEach
    void removeTestEnterprises() {
        jdbc.sql("delete from enterprise where credit_code like '91320602XQ%'").update();
    }
}
