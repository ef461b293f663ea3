package com.dateline.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The site is written in one language and has no translation files. Without a provider bean, Vaadin searches the
 * class path for translation files on every new session and UI and, finding none, searches again the next time:
 * about a seventh of the server's work per anonymous page view in the load harness's profile. An empty provider
 * keeps the browser's locale, as before.
 */
@Component
class NoTranslations implements I18NProvider {

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of();
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return key;
    }
}
