package com.dateline.base.ui;

import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shows a service's per-field messages beside their fields and puts the cursor on the first one; shared by every form. */
public final class FieldErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    public FieldErrors field(String name, HasValidation field) {
        fields.put(name, field);
        return this;
    }

    public void clear() {
        fields.values().forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
    }

    public void show(Map<String, String> problems) {
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
