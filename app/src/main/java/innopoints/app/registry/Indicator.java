package innopoints.app.registry;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** One year's indicators of an enterprise, as the statistics and tax departments report them. */
public record Indicator(int year, @Schema(nullable = true) BigDecimal revenue, @Schema(nullable = true) BigDecimal rdExpense, @Schema(nullable = true) Integer rdStaff, @Schema(nullable = true) Integer staff,
                        @Schema(nullable = true) Integer patents, @Schema(nullable = true) Integer inventionPatents, @Schema(nullable = true) BigDecimal techContractAmount,
                        long version) {

    /** R&D expense as a share of revenue, in percent with one decimal, or null. */
    public BigDecimal rdIntensity() {
        if (revenue == null || rdExpense == null || revenue.signum() == 0) return null;
        return rdExpense.multiply(BigDecimal.valueOf(100)).divide(revenue, 1, java.math.RoundingMode.HALF_UP);
    }
}
