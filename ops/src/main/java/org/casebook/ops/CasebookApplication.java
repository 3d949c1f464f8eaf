package org.casebook.ops;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Casebook as one service: the command side, the query side, and what operators need around them. */
@SpringBootApplication(scanBasePackages = "org.casebook")
public class CasebookApplication {

    /** Axon's update checker would call the internet at start; service centers' networks are closed. */
    static final String UPDATE_CHECKER_OFF = "axoniq.update-checker.disabled";

    public static void main(String[] args) {
        if (System.getProperty(UPDATE_CHECKER_OFF) == null) {
            System.setProperty(UPDATE_CHECKER_OFF, "true");
        }
        SpringApplication.run(CasebookApplication.class, args);
    }
}
