package com.dateline.notice;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface NoticePreferenceRepository extends JpaRepository<NoticePreference, Long> {

    Optional<NoticePreference> findByUnsubscribeSecret(String unsubscribeSecret);

    List<NoticePreference> findByQueueAlertTrue();

    /** @return 1 if this call marked the moderator alerted, 0 if someone had already */
    @Modifying
    @Query("update NoticePreference p set p.queueAlertedAt = :now where p.accountId = :accountId"
            + " and p.queueAlertedAt is null")
    int markAlerted(long accountId, Instant now);

    @Modifying
    @Query("update NoticePreference p set p.queueAlertedAt = null where p.accountId = :accountId")
    void clearAlerted(long accountId);
}
