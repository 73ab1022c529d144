package innopoints.engine.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * An award the subject already received (or was approved), so that caps already used count:
 * the clause ("city-2025:4.1"), its date, its figure in the clause's unit, and the keys a cap
 * may be per (e.g. product).
 */
public record PriorAward(String clause, LocalDate date, BigDecimal figure, Map<String, String> keys) {
    public PriorAward {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }
}
