package com.dateline.notice.ui;

import com.dateline.account.AccountPageSection;
import com.dateline.notice.NoticeService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;
import java.util.Optional;

/** Adds the choice of notices to the signed-in reader's account page. */
@SpringComponent
class NoticesPageSection implements AccountPageSection {

    private final NoticeService notices;

    NoticesPageSection(NoticeService notices) {
        this.notices = notices;
    }

    @Override
    public Optional<Component> section() {
        return Optional.of(new NoticesSection(notices));
    }
}
