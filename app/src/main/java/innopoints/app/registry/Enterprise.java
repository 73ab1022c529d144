package innopoints.app.registry;

import innopoints.engine.facts.Beneficiary;
import innopoints.engine.facts.Profile;

import java.time.OffsetDateTime;
import java.util.List;

/** An enterprise of the registry; its version grows with each change of its profile. */
public record Enterprise(long id, String creditCode, String name, Beneficiary kind, String district, String park,
                         List<String> industries, List<String> qualifications, String size, OffsetDateTime updatedAt, long version) {

    public Profile profile() {
        return new Profile(name, creditCode, kind, district, park, industries, qualifications, size);
    }

    public String sizeLabel() { return Sizes.label(size); }
}
