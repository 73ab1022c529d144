package innopoints.engine.calc;

/** One step of an explanation: the policy's words it rests on (may be null) and what was done. */
public record Step(String quote, String text) {
    @Override public String toString() {
        return quote == null ? text : "按“" + quote + "”：" + text;
    }
}
