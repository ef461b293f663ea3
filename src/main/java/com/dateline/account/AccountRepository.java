package com.dateline.account;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByEmailKey(String emailKey);

    boolean existsByEmailKey(String emailKey);

    boolean existsByRoleAndEnabledTrue(String role);
}
