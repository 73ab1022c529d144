package innopoints.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The platform service: the one list, the registry, matching and proactive screening. */
@SpringBootApplication
@EnableScheduling
public class InnopointsApplication {
    public static void main(String[] args) {
        SpringApplication.run(InnopointsApplication.class, args);
    }
}
