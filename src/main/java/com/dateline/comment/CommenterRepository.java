package com.dateline.comment;

import org.springframework.data.jpa.repository.JpaRepository;

interface CommenterRepository extends JpaRepository<Commenter, Long> {

    default boolean isTrusted(long authorId) {
        return findById(authorId).map(Commenter::isTrusted).orElse(false);
    }
}
