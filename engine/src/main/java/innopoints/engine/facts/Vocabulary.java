package innopoints.engine.facts;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every fact type a pack knows, by key. */
public final class Vocabulary {
    private final Map<String, FactType> types;

    public Vocabulary(Map<String, FactType> types) {
        this.types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
    }

    public FactType type(String key) { return types.get(key); }

    public Collection<FactType> types() { return types.values(); }

    public int size() { return types.size(); }
}
