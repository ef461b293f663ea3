package com.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each feature package is an application module; none may reach into another's internals. The module documentation in
 * {@code docs/modules} is written from the code by every build, so it cannot fall behind it.
 */
class ModularityTest {

    static final Path DOCUMENTATION = Path.of("docs", "modules");

    private static final ApplicationModules MODULES = ApplicationModules.of(Application.class);

    @Test
    void application_modules_only_use_each_others_public_api_and_have_no_cycles() {
        MODULES.verify();
    }

    @Test
    void every_package_below_the_application_is_a_module_of_its_own() {
        var root = Application.class.getPackageName() + ".";
        var featurePackages = new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages(Application.class.getPackageName())
                        .stream()
                        .map(JavaClass::getPackageName)
                        .filter(name -> name.startsWith(root))
                        .map(name -> name.substring(root.length()).split("\\.")[0])
                        .collect(Collectors.toSet());

        var modules = MODULES.stream()
                .map(ApplicationModule::getIdentifier)
                .map(Objects::toString)
                .collect(Collectors.toSet());

        assertThat(featurePackages).hasSizeGreaterThan(5);
        assertThat(modules).isEqualTo(featurePackages);
    }

    @Test
    void the_module_documentation_in_the_repository_is_written_from_the_code() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCUMENTATION.toString()))
                .writeDocumentation()
                .writeAggregatingDocument();
        try (var files = Files.list(DOCUMENTATION)) {
            for (var file : files.toList()) {
                Files.writeString(file, inStableOrder(Files.readString(file)));
            }
        }

        var overview = Files.readString(DOCUMENTATION.resolve("components.puml"));
        MODULES.forEach(module -> assertThat(overview).contains(module.getDisplayName()));
        MODULES.forEach(module -> assertThat(DOCUMENTATION.resolve("module-" + module.getIdentifier() + ".adoc"))
                .exists());
    }

    /**
     * The Documenter lists components, relations and bullet items in hash order, which changes from run to run; sorted, the files
     * change only when the modules do.
     */
    static String inStableOrder(String text) {
        var out = new ArrayList<String>();
        var run = new ArrayList<String>();
        var cellStart = false;
        for (var line : text.split("\n", -1)) {
            var item = line.startsWith("Rel(")
                    || line.startsWith("* ")
                    || line.stripLeading().startsWith("Component(");
            if (line.startsWith("|* ") || !item) {
                flush(run, cellStart, out);
                cellStart = line.startsWith("|* ");
                if (cellStart) {
                    run.add(line.substring(1));
                } else {
                    out.add(line);
                }
            } else {
                run.add(line);
            }
        }
        flush(run, cellStart, out);
        return String.join("\n", out);
    }

    private static void flush(List<String> run, boolean cellStart, List<String> out) {
        Collections.sort(run);
        for (var i = 0; i < run.size(); i++) {
            out.add(i == 0 && cellStart ? "|" + run.get(i) : run.get(i));
        }
        run.clear();
    }
}
