package innopoints.app.ledger;

import innopoints.engine.money.Unit;

import java.util.Objects;

/**
 * A ledger account: a key whose first word is its kind, and the one unit it holds (yuan to the
 * fen, points to the pack's precision; never both). The kinds and what they mean:
 * <pre>
 * fund:{fundId}:appropriation      yuan    where a fund's budget comes from (negative: appropriated)
 * fund:{fundId}:available          yuan    what a fund can still commit (floor 0: no approval overspends it)
 * fund:{fundId}:points             points  contra of the points approved against a points fund
 * fund:{fundId}:lapsed             yuan    the unspent remainder when a points round closes
 * award:{enterpriseId}:{clauseRef}:{year}  the clause's unit: what the enterprise was awarded (floor 0)
 * awarded:{clauseRef}:{year}       the clause's unit: contra of the award accounts
 * holder:{fundId}:{enterpriseId}   points  a holder's points in a points fund until its round closes (floor 0)
 * payable:{fundId}:{enterpriseId}  yuan    owed to the enterprise by the fund (floor 0)
 * paying:{fundId}:{enterpriseId}   yuan    in a payment batch sent to the bank (floor 0)
 * paid:{fundId}:{enterpriseId}     yuan    paid, as the bank confirmed (floor 0)
 * </pre>
 */
public record AccountKey(String key, Unit unit) implements Comparable<AccountKey> {
    public AccountKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(unit, "unit");
        if (key.isBlank() || key.length() > 200) throw new IllegalArgumentException("an account key is 1 to 200 characters: " + key);
    }

    public String kind() {
        int i = key.indexOf(':');
        return i < 0 ? key : key.substring(0, i);
    }

    public static AccountKey fundAppropriation(long fund) { return new AccountKey("fund:" + fund + ":appropriation", Unit.YUAN); }
    public static AccountKey fundAvailable(long fund) { return new AccountKey("fund:" + fund + ":available", Unit.YUAN); }
    public static AccountKey fundPoints(long fund) { return new AccountKey("fund:" + fund + ":points", Unit.POINTS); }
    public static AccountKey fundLapsed(long fund) { return new AccountKey("fund:" + fund + ":lapsed", Unit.YUAN); }
    public static AccountKey award(long enterprise, String clauseRef, int year, Unit unit) { return new AccountKey("award:" + enterprise + ":" + clauseRef + ":" + year, unit); }
    public static AccountKey awarded(String clauseRef, int year, Unit unit) { return new AccountKey("awarded:" + clauseRef + ":" + year, unit); }
    public static AccountKey holder(long fund, long enterprise) { return new AccountKey("holder:" + fund + ":" + enterprise, Unit.POINTS); }
    public static AccountKey payable(long fund, long enterprise) { return new AccountKey("payable:" + fund + ":" + enterprise, Unit.YUAN); }
    public static AccountKey paying(long fund, long enterprise) { return new AccountKey("paying:" + fund + ":" + enterprise, Unit.YUAN); }
    public static AccountKey paid(long fund, long enterprise) { return new AccountKey("paid:" + fund + ":" + enterprise, Unit.YUAN); }

    /** Accounts whose balance may never go below zero; the others (appropriation, contras) carry the other side. */
    public boolean floored() {
        return switch (kind()) {
            case "award", "holder", "payable", "paying", "paid" -> true;
            case "fund" -> key.endsWith(":available");
            default -> false;
        };
    }

    /** The fixed lock order: by key, then unit. */
    @Override public int compareTo(AccountKey o) {
        int c = key.compareTo(o.key);
        return c != 0 ? c : unit.compareTo(o.unit);
    }

    @Override public String toString() { return key + "[" + unit.key() + "]"; }
}
