package com.dateline.post;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PhotoRenditionRepository extends JpaRepository<PhotoRendition, Long> {

    @Query("""
            select r from PhotoRendition r
            where r.photoId = :photoId and r.variant = :variant
              and exists (select 1 from Post p where p.photo.id = r.photoId and p.publishedAt <= :now and p.draft = false and p.deletedAt is null)""")
    Optional<PhotoRendition> findPublished(long photoId, PhotoVariant variant, Instant now);

    Optional<PhotoRendition> findByPhotoIdAndVariant(long photoId, PhotoVariant variant);

    @Modifying
    @Query("delete from PhotoRendition r where r.photoId = :photoId")
    void deleteByPhotoId(long photoId);
}
