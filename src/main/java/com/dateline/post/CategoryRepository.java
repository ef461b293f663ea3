package com.dateline.post;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CategoryRepository extends JpaRepository<Category, Long> {

    Optional<Category> findBySlug(String slug);

    /** The category whose slug the name makes, created with this name if there is none. */
    default Category findOrCreate(String name) {
        var slug = Slugs.fromTitle(name);
        return findBySlug(slug).orElseGet(() -> save(new Category(name, slug)));
    }
}
