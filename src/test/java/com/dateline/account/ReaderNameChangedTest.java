package com.dateline.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.support.SignIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.transaction.annotation.Transactional;

/** Rolled back: the demo reader keeps the name other tests expect. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "base")
@Transactional
class ReaderNameChangedTest {

    @RegisterExtension
    final SignIn signIn = new SignIn();

    @Autowired
    AccountService accounts;

    @Test
    void a_reader_who_changes_their_name_tells_the_other_modules(AssertablePublishedEvents events) {
        signIn.as("reader@dateline.test");
        var reader = accounts.myAccount().id();

        accounts.changeDisplayName("Layla, formerly Demo Reader");

        assertThat(events).contains(ReaderNameChanged.class).matching(ReaderNameChanged::accountId, reader);
    }
}
