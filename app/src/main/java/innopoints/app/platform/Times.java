package innopoints.app.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Timestamps as read from PostgreSQL (the driver gives UTC), in the service's time zone (Nantong's). */
public final class Times {
    private Times() {}

    public static OffsetDateTime local(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(ZoneId.systemDefault()).toOffsetDateTime();
    }
}
