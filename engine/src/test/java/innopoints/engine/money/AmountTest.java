package innopoints.engine.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AmountTest {
    @Test
    void roundsYuanHalfUpToTheFenAndPointsToTenThousandths() {
        assertThat(new Yuan(new BigDecimal("1.005")).plain()).isEqualTo("1.01");
        assertThat(new Points(new BigDecimal("0.00005")).plain()).isEqualTo("0.0001");
    }

    @Test
    void refusesToAddYuanToPoints() {
        assertThatThrownBy(() -> Yuan.of(1).plus(Points.of("1"))).hasMessageContaining("cannot combine yuan with points");
    }

    @Test
    void displaysWithThousandsSeparatorsAndTheUnit() {
        assertThat(Yuan.of("1500000").display()).isEqualTo("1,500,000.00元");
        assertThat(Points.of("0.21").display()).isEqualTo("0.2100分");
    }
}
