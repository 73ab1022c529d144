package innopoints.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The platform service: the one list, the registry, matching and proactive screening. */
@SpringBootApplication
@EnableScheduling
public class InnopointsApplication {
    static {
        // Dates and times are Nantong's: "today" for an as-of date, and every time shown.
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(System.getProperty("innopoints.time-zone", "Asia/Shanghai")));
    }

    public static void main(String[] args) {
        SpringApplication.run(InnopointsApplication.class, args);
    }
}
