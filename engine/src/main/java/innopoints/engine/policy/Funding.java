package innopoints.engine.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who pays a figure, in shares ({市级财政: 4, 区级财政: 6}), and the co-funding rules a district
 * document sets for projects of a park.
 */
public record Funding(Map<String, BigDecimal> shares, String quote, List<Cofunding> cofunding, String reading) {
    public Funding {
        shares = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(shares));
        cofunding = cofunding == null ? List.of() : List.copyOf(cofunding);
    }

    /**
     * Projects of {@code park} are paid by {@code split} instead of the document's shares, except
     * the listed articles; {@code cityDistrictShare} names the payer of city documents whose
     * share is split the same way.
     */
    public record Cofunding(String park, Set<String> exceptArticles, Map<String, BigDecimal> split,
                            String cityDistrictShare, String quote) {}
}
