package com.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/** Each feature package is an application module; none may reach into another's internals. */
class ModularityTest {

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
}
