package com.dateline;

import static org.assertj.core.api.Assertions.assertThat;

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
    void every_feature_package_is_its_own_module() {
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("base", "post", "feed", "security");
    }
}
