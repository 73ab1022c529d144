package innopoints.app.registry;

import innopoints.app.platform.Policies;
import innopoints.engine.population.Places;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The districts (板块) and specialty parks of seed 004, kept in step with the pack's places.yaml. */
@Component
public class PlacesSync {
    private final JdbcClient jdbc;
    private final Policies policies;

    public PlacesSync(JdbcClient jdbc, Policies policies) {
        this.jdbc = jdbc;
        this.policies = policies;
    }

    public void sync() {
        int ord = 0;
        for (Places.Area a : policies.places().areas()) {
            jdbc.sql("""
                    insert into area (code, name, kind, ord) values (?, ?, ?, ?)
                    on conflict (code) do update set name = excluded.name, kind = excluded.kind, ord = excluded.ord""")
                    .params(a.code(), a.name(), a.kind().name().toLowerCase(), ord++).update();
            for (Places.Park p : a.parks()) {
                jdbc.sql("""
                        insert into park (area_code, name, directions) values (?, ?, ?)
                        on conflict (area_code, name) do update set directions = excluded.directions""")
                        .params(a.code(), p.name(), p.directions()).update();
            }
        }
    }

    public record Area(String code, String name, List<String> parks) {}

    public List<Area> areas() {
        return jdbc.sql("select a.code, a.name, coalesce(array_agg(p.name order by p.id) filter (where p.id is not null), '{}') parks from area a left join park p on p.area_code = a.code group by a.code, a.name, a.ord order by a.ord")
                .query((rs, n) -> new Area(rs.getString("code"), rs.getString("name"), EnterpriseRepository.texts(rs.getArray("parks")))).list();
    }

    /** True when the park belongs to the district. */
    public boolean parkIn(String district, String park) {
        return jdbc.sql("select count(*) from park p join area a on a.code = p.area_code where a.name = ? and p.name = ?")
                .params(district, park).query(Long.class).single() > 0;
    }

    public boolean district(String name) {
        return jdbc.sql("select count(*) from area where name = ?").param(name).query(Long.class).single() > 0;
    }
}
