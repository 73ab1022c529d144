package innopoints.app.support;

import innopoints.engine.facts.CreditCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicInteger;

/** Enterprises made for one test, with valid credit codes, so tests do not lean on the demo data. */
@Component
public class TestEnterprises {
    private static final AtomicInteger next = new AtomicInteger(1);
    private final JdbcClient jdbc;

    public TestEnterprises(JdbcClient jdbc) { this.jdbc = jdbc; }

    public static String creditCode(int n) {
        String first17 = "91320612" + "MA" + String.format("%07d", n);
        return first17 + CreditCode.checkChar(first17);
    }

    /** A small enterprise in the given district with no facts; returns its id. */
    public long create(String name, String district, String... qualifications) {
        String code = creditCode(8_000_000 + next.getAndIncrement());
        return jdbc.sql("insert into enterprise (credit_code, name, district, qualifications, size) values (?, ?, ?, ?, 'small') returning id")
                .params(code, name, district, qualifications).query(Long.class).single();
    }
}
