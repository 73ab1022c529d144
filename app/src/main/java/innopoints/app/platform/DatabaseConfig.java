package innopoints.app.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * The database of record. With {@code spring.datasource.url} set, that PostgreSQL server; with
 * none, an embedded PostgreSQL ({@link EmbeddedDatabase}) whose data stays in
 * {@code innopoints.data-dir}/postgres between runs, so a newcomer needs nothing installed.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfig {
    private static final Logger log = LoggerFactory.getLogger(DatabaseConfig.class);

    @Bean
    DataSource dataSource(Environment env, EmbeddedDatabase embedded) {
        String url = env.getProperty("spring.datasource.url");
        if (url != null && !url.isBlank()) {
            log.info("Database: {}", url);
            return pooled(DataSourceBuilder.create().url(url)
                    .username(env.getProperty("spring.datasource.username", "postgres"))
                    .password(env.getProperty("spring.datasource.password", "")), env);
        }
        EmbeddedPostgres pg = embedded.start(Path.of(env.getProperty("innopoints.data-dir", "data")));
        log.info("Database: embedded PostgreSQL on 127.0.0.1:{}", pg.getPort());
        return pooled(DataSourceBuilder.create().url(embedded.jdbcUrl()).username(embedded.username()).password(embedded.password()), env);
    }

    private static DataSource pooled(DataSourceBuilder<?> b, Environment env) {
        var ds = b.type(com.zaxxer.hikari.HikariDataSource.class).build();
        ds.setMaximumPoolSize(env.getProperty("innopoints.db.pool-size", Integer.class, 16));
        ds.setPoolName("innopoints");
        ds.addDataSourceProperty("reWriteBatchedInserts", "true");
        return ds;
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(Environment env) {
        return new EmbeddedDatabase(env.getProperty("innopoints.db.stop-with-service", Boolean.class, true));
    }
}
