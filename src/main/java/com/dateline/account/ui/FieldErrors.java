package com.dateline.account.ui;

import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shows the service's per-field messages beside their fields and puts the cursor on the first one. */
final class FieldErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    FieldErrors field(String name, HasValidation field) {
        fields.put(name, field);
        return this;
    }

    void clear() {
        fields.values().forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
    }

    void show(Map<String, String> problems) {
        clear();
        HasValidation first = null;
        for (var entry : fields.entrySet()) {
            var problem = problems.get(entry.getKey());
            if (problem != null) {
                entry.getValue().setErrorMessage(problem);
                entry.getValue().setInvalid(true);
                if (first == null) {
                    first = entry.getValue();
                }
            }
        }
        if (first instanceof Focusable<?> focusable) {
            focusable.focus();
        }
    }
}
