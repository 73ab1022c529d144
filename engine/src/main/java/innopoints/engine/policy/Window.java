package innopoints.engine.policy;

import java.time.LocalDate;

/** A document's effective window, both ends included; either end may be open. */
public record Window(LocalDate from, LocalDate to, String quote) {
    public boolean contains(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }

    public String words() {
        return (from == null ? "不限" : from.toString()) + " 至 " + (to == null ? "不限" : to.toString());
    }
}
