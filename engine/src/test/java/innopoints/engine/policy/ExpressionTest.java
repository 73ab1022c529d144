package innopoints.engine.policy;

import innopoints.engine.facts.Fact;
import innopoints.engine.facts.FactType;
import innopoints.engine.facts.FieldSpec;
import innopoints.engine.facts.FieldType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpressionTest {
    private final FactType guarantee = new FactType("guarantee", "融资担保业务", null, List.of(
            new FieldSpec("amount", FieldType.YUAN, "担保金额", true, null),
            new FieldSpec("fee_rate", FieldType.NUMBER, "实际收费费率", true, null),
            new FieldSpec("client", FieldType.TEXT, "客户", false, null)), 0);

    @Test
    void computesTheShortfallOfAFeeBelowOnePercent() {
        Expression e = Expression.parse("amount * max(0.01 - fee_rate, 0)", guarantee);
        Fact f = new Fact("f1", guarantee, LocalDate.of(2026, 1, 1), new Object[]{new BigDecimal("8000000"), new BigDecimal("0.006"), null});
        assertThat(e.eval(f)).isEqualByComparingTo("32000");
        assertThat(e.words()).isEqualTo("(担保金额 × max((0.01 − 实际收费费率), 0))");
        assertThat(e.withValues(f)).isEqualTo("(8,000,000 × max((0.01 − 0.006), 0))");
    }

    @Test
    void namesTheFieldsItKnowsWhenAFieldIsUnknown() {
        assertThatThrownBy(() -> Expression.parse("amount * rate", guarantee))
                .hasMessage("'rate' is not a field of fact type guarantee (fields: amount, fee_rate, client)");
        assertThatThrownBy(() -> Expression.parse("client * 2", guarantee)).hasMessage("field 'client' of guarantee is text, not a number");
        assertThatThrownBy(() -> Expression.parse("amount *", guarantee)).hasMessage("'amount *' ends where a value was expected");
    }
}
