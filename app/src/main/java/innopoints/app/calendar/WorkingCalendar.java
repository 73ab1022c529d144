package innopoints.app.calendar;

import java.time.LocalDate;

/**
 * Working days on the holiday calendar the administrator maintains (the national schedule of
 * public holidays and the weekend days worked in their place, 调休). Time limits of the review
 * are counted on it.
 */
public interface WorkingCalendar {

    boolean isWorkingDay(LocalDate day);

    /** The day {@code n} working days after {@code from} ({@code from} itself not counted); n = 0 gives from. */
    LocalDate addWorkingDays(LocalDate from, int n);

    /** Working days after {@code from} up to and including {@code to}; 0 when to is not after from. */
    int workingDaysBetween(LocalDate from, LocalDate to);
}
