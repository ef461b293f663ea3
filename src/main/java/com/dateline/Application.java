package com.dateline;

import com.dateline.backup.CopyToPostgresql;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;

@SpringBootApplication
@ConfigurationPropertiesScan
// Modules' listeners (@ApplicationModuleListener) run after the change commits, on their own threads: a request does
// not
// wait for what other modules do about it, and what they could not finish is in the event publication registry.
@EnableAsync
public class Application {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(CopyToPostgresql.COMMAND)) {
            CopyToPostgresql.main(args);
            return;
        }
        SpringApplication.run(Application.class, args);
    }
}
