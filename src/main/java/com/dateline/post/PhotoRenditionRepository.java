package com.dateline.post;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PhotoRenditionRepository extends JpaRepository<PhotoRendition, Long> {

    Optional<PhotoRendition> findByPhotoIdAndVariant(long photoId, PhotoVariant variant);
}
