package com.dateline.notice;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the daily digests at {@code dateline.notice.digest-cron} in the blog's time zone (07:00 as shipped): one mail
 * per reader with every notice that waited for it. A node that was down at that hour leaves them for the next day's
 * digest, and a digest's key (the reader and its first notice) keeps two nodes from sending the same one.
 *
 * <p>Every node of several runs this schedule; the lock lets one of them do the run, so the others do not read and
 * mail the same readers' notices at the same moment only to find them taken.
 */
@Component
class DailyDigests {

    private static final Logger log = LoggerFactory.getLogger(DailyDigests.class);

    private final DigestItemRepository digest;
    private final Notices notices;
    private final TransactionTemplate transaction;

    DailyDigests(DigestItemRepository digest, Notices notices, TransactionTemplate transaction) {
        this.digest = digest;
        this.notices = notices;
        this.transaction = transaction;
    }

    /** @return how many readers' digests were handled; null if another node is sending them right now */
    @Scheduled(cron = "${dateline.notice.digest-cron:0 0 7 * * *}", zone = "${dateline.blog.time-zone}")
    @SchedulerLock(name = "DailyDigests", lockAtMostFor = "PT1H")
    public @Nullable Integer sendAll() {
        var readers = digest.accountsWaiting();
        // One transaction per reader: one reader's failure leaves the others' digests sent, and theirs for next time.
        for (var accountId : readers) {
            try {
                transaction.executeWithoutResult(status -> notices.sendDigest(accountId));
            } catch (RuntimeException e) {
                log.warn("The daily digest of account {} failed; its notices wait for the next one", accountId, e);
            }
        }
        return readers.size();
    }
}
