package [=package];

/** A support ticket. {@code status} is OPEN or CLOSED. */
public record Ticket(String id, String title, String status) {

    public Ticket withId(String newId) {
        return new Ticket(newId, title, status);
    }
}
