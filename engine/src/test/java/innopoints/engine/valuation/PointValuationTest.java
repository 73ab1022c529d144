package innopoints.engine.valuation;

import innopoints.engine.money.Points;
import innopoints.engine.money.Yuan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "根据各专项资金安排测算奖补资金，原则上1分不超过1万元". */
class PointValuationTest {
    private static final Yuan CEILING = Yuan.of(10000);

    @Test
    void valuesAPointAtTheBudgetOverThePointsRoundedDownToTheFen() {
        var v = PointValuation.value("科技专项资金", Yuan.of(1_000_000), CEILING,
                List.of(new PointValuation.Holder("甲", Points.of("100")), new PointValuation.Holder("乙", Points.of("50"))));
        assertThat(v.pointValue().plain()).isEqualTo("6666.66");
        assertThat(v.payments()).extracting(p -> p.yuan().plain()).containsExactly("666666.00", "333333.00");
        assertThat(v.paid().plain()).isEqualTo("999999.00");
        assertThat(v.remainder().plain()).isEqualTo("1.00");
        assertThat(v.capped()).isFalse();
    }

    @Test
    void neverValuesAPointAboveTheDocumentsCeilingAndKeepsTheRest() {
        var v = PointValuation.value("商务专项资金", Yuan.of(5_000_000), CEILING,
                List.of(new PointValuation.Holder("甲", Points.of("120.5")), new PointValuation.Holder("乙", Points.of("0.21"))));
        assertThat(v.pointValue().plain()).isEqualTo("10000.00");
        assertThat(v.capped()).isTrue();
        assertThat(v.payments()).extracting(p -> p.yuan().plain()).containsExactly("1205000.00", "2100.00");
        assertThat(v.remainder().plain()).isEqualTo("3792900.00");
        assertThat(v.explanation("原则上1分不超过1万元")).contains("按“原则上1分不超过1万元”取 10,000.00元/分");
    }

    @Test
    void keepsTheWholeBudgetWhenNoPointsWereApproved() {
        var v = PointValuation.value("文旅专项资金", Yuan.of(300_000), CEILING, List.of());
        assertThat(v.paid().plain()).isEqualTo("0.00");
        assertThat(v.remainder().plain()).isEqualTo("300000.00");
    }
}
