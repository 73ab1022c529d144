package innopoints.engine.facts;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** One definition of the bounds of every value: refused at once, before any arithmetic. */
class BoundTest {

    @Test
    void aHugePowerOfTenIsRefusedInMicrosecondsNotExpanded() {
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            for (Bound b : new Bound[]{Bound.YUAN, Bound.POINTS, Bound.COUNT, Bound.NUMBER, Bound.PERCENT, Bound.YEAR}) {
                for (String huge : new String[]{"1e1000000", "1E+999999999", "1e-1000000", "-1e1000000", "0.1e-999999999"}) {
                    assertThatThrownBy(() -> b.number(huge)).as(b + " " + huge).isInstanceOf(Bound.Refused.class);
                }
                assertThatThrownBy(() -> b.check(new BigDecimal("1e1000000"), "1e1000000")).isInstanceOf(Bound.Refused.class);
            }
        });
    }

    @Test
    void anAmountHasAtMostTwoDecimalsAndThirteenDigits() {
        assertThat(Bound.YUAN.number("10000000000000")).isEqualByComparingTo("1e13");
        assertThat(Bound.YUAN.number("1500000.50")).isEqualByComparingTo("1500000.5");
        assertThat(Bound.YUAN.number("1.5e6")).isEqualTo(new BigDecimal("1500000"));
        assertThat(Bound.YUAN.number("12.300")).isEqualByComparingTo("12.3");
        assertThatThrownBy(() -> Bound.YUAN.number("10000000000000.01")).hasMessageContaining("超出范围");
        assertThatThrownBy(() -> Bound.YUAN.number("12.345")).hasMessageContaining("最多2位小数");
        assertThatThrownBy(() -> Bound.YUAN.number("-1")).hasMessageContaining("不能为负数");
        assertThatThrownBy(() -> Bound.YUAN.number("1".repeat(40))).hasMessageContaining("数字过长");
    }

    @Test
    void countsAreWholePercentagesAtMostAHundredYearsWithinTheRepublic() {
        assertThat(Bound.COUNT.number("1000000000")).isEqualByComparingTo("1e9");
        assertThatThrownBy(() -> Bound.COUNT.number("1000000001")).hasMessageContaining("超出范围");
        assertThatThrownBy(() -> Bound.COUNT.number("2.5")).hasMessageContaining("应为整数");
        assertThat(Bound.PERCENT.number("12.5")).isEqualByComparingTo("12.5");
        assertThatThrownBy(() -> Bound.PERCENT.number("100.01")).hasMessageContaining("0至100");
        assertThatThrownBy(() -> Bound.YEAR.number("1900")).hasMessageContaining("1949至2100");
        assertThat(Bound.YEAR.number("2025")).isEqualByComparingTo("2025");
    }

    @Test
    void datesLieBetweenTheFoundingAndTheEndOf2100() {
        assertThat(Bound.date("1949-10-01")).isEqualTo(LocalDate.of(1949, 10, 1));
        assertThatThrownBy(() -> Bound.date("1949-09-30")).hasMessageContaining("1949-10-01至2100-12-31");
        assertThatThrownBy(() -> Bound.date("+999999999-12-31")).isInstanceOf(Bound.Refused.class);
        assertThatThrownBy(() -> Bound.date("2".repeat(100))).hasMessageContaining("日期过长");
    }

    @Test
    void textIsBoundedByItsKind() {
        assertThat(Bound.SHORT_TEXT.text("x".repeat(200))).hasSize(200);
        assertThatThrownBy(() -> Bound.SHORT_TEXT.text("x".repeat(201))).hasMessageContaining("最多200个");
        assertThatThrownBy(() -> Bound.LONG_TEXT.text("x".repeat(2001))).hasMessageContaining("最多2000个");
    }

    @Test
    void aFieldTakesItsBoundFromItsTypeNameAndWords() {
        assertThat(Bound.of(new FieldSpec("cost", FieldType.YUAN, "费用", true, null))).isEqualTo(Bound.YUAN);
        assertThat(Bound.of(new FieldSpec("year", FieldType.INTEGER, "年度", true, null))).isEqualTo(Bound.YEAR);
        assertThat(Bound.of(new FieldSpec("nights", FieldType.INTEGER, "过夜晚数", true, null))).isEqualTo(Bound.COUNT);
        assertThat(Bound.of(new FieldSpec("rd_intensity", FieldType.NUMBER, "研发投入强度（%）", true, null))).isEqualTo(Bound.PERCENT);
        assertThat(Bound.of(new FieldSpec("area", FieldType.NUMBER, "租用面积（平方米）", true, null))).isEqualTo(Bound.NUMBER);
    }
}
