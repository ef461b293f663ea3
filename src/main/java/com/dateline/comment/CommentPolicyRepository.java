package com.dateline.comment;

import org.springframework.data.jpa.repository.JpaRepository;

interface CommentPolicyRepository extends JpaRepository<CommentPolicy, Integer> {

    default CommentPolicy current() {
        return findById(1).orElseThrow(() -> new IllegalStateException("The comment policy row is missing"));
    }
}
