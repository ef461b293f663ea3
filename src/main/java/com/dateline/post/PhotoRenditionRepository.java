package com.dateline.post;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PhotoRenditionRepository extends JpaRepository<PhotoRendition, Long> {

    @Query("""
            select r from PhotoRendition r
            where r.photoId = :photoId and r.variant = :variant
              and exists (select 1 from Post p where p.photo.id = r.photoId and p.publishedAt <= :now)""")
    Optional<PhotoRendition> findPublished(long photoId, PhotoVariant variant, Instant now);
}
