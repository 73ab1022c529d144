package innopoints.engine.facts;

import java.util.List;
import java.util.Objects;

/**
 * Who the scenario is about: an enterprise, an institution, a district... with where it is and
 * what it is (industries, qualifications such as 高新技术企业).
 */
public record Profile(String name, String creditCode, Beneficiary kind, String district, String park,
                      List<String> industries, List<String> qualifications, String size) {
    public Profile {
        Objects.requireNonNull(kind, "kind");
        industries = industries == null ? List.of() : List.copyOf(industries);
        qualifications = qualifications == null ? List.of() : List.copyOf(qualifications);
    }

    /** The fields a condition may test as enterprise.&lt;field&gt;. */
    public static final List<String> FIELDS =
            List.of("kind", "district", "park", "industries", "qualifications", "size", "name");

    public Object field(String field) {
        return switch (field) {
            case "kind" -> kind.key();
            case "district" -> district;
            case "park" -> park;
            case "industries" -> industries;
            case "qualifications" -> qualifications;
            case "size" -> size;
            case "name" -> name;
            default -> null;
        };
    }
}
