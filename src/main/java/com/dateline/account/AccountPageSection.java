package com.dateline.account;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A section that another feature adds to the signed-in reader's own page ({@code /account}), without this feature
 * knowing that feature: the choice of notices, for one. Implementations are Spring beans, shown in their {@code @Order}.
 */
public interface AccountPageSection {

    /** The section for the signed-in reader; empty if it has nothing for them. */
    Optional<Component> section();
}
