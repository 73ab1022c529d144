package innopoints.app.messages;

/**
 * Messages in the platform (站内消息), and e-mail when an SMTP server is configured. A message
 * goes to every account a recipient names; sending never fails the caller's transaction for a
 * mail server that is down (mail is sent after commit and its failure logged).
 */
public interface Messages {

    /** Who a message is for. */
    sealed interface To permits To.User, To.Enterprise, To.Department, To.Role {
        record User(long userId) implements To {}
        /** Every account of the enterprise. */
        record Enterprise(long enterpriseId) implements To {}
        /** Every officer of the department. */
        record Department(String department) implements To {}
        /** Every account of the role (e.g. "FINANCE"). */
        record Role(String role) implements To {}
    }

    /** {@code link} is a path in the service (e.g. "/claims/42"); {@code dedupeKey}, if not null, sends a message once only (e.g. a deadline reminder). */
    void send(To to, String subject, String body, String link, String dedupeKey);
}
