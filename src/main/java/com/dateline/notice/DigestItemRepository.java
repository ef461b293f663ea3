package com.dateline.notice;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DigestItemRepository extends JpaRepository<DigestItem, Long> {

    boolean existsByDedupeKey(String dedupeKey);

    @Query("select distinct d.accountId from DigestItem d")
    List<Long> accountsWaiting();

    List<DigestItem> findByAccountIdOrderById(long accountId);
}
