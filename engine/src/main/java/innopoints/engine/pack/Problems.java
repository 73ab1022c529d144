package innopoints.engine.pack;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while reading, so that one run reports all of them. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    public void add(String file, int line, String field, String message) {
        list.add(new Problem(file, line, field, message));
    }

    public void add(Problem p) { list.add(p); }

    public List<Problem> list() { return List.copyOf(list); }

    public boolean isEmpty() { return list.isEmpty(); }

    public int size() { return list.size(); }

    /** Thrown at the edge when input cannot be used; carries every problem found. */
    public static final class Invalid extends RuntimeException {
        private final List<Problem> problems;

        public Invalid(List<Problem> problems) {
            super(problems.isEmpty() ? "invalid" : problems.get(0).toString(), null, false, false);
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() { return problems; }
    }

    public void throwIfAny() {
        if (!list.isEmpty()) throw new Invalid(list);
    }
}
