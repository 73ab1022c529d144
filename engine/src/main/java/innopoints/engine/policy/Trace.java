package innopoints.engine.policy;

/**
 * Collects the steps of an explanation. The batch screen passes {@link #OFF} so that no words
 * are built when nobody reads them; callers test {@link #on()} before formatting.
 */
public interface Trace {
    boolean on();

    /** One step: the words of the policy it rests on (may be null) and what was done. */
    void step(String quote, String text);

    Trace OFF = new Trace() {
        public boolean on() { return false; }
        public void step(String quote, String text) {}
    };
}
