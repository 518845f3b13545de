package [=package];

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps tickets in memory: for unit tests and for running the handler without a table. */
public final class InMemoryTicketRepository implements TicketRepository {
    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();

    /** A repository holding two sample tickets. */
    public static InMemoryTicketRepository withSamples() {
        InMemoryTicketRepository repo = new InMemoryTicketRepository();
        repo.save(new Ticket("T-1", "Printer on floor 3 is jammed", "OPEN"));
        repo.save(new Ticket("T-2", "VPN drops every hour", "CLOSED"));
        return repo;
    }

    @Override
    public List<Ticket> findAll() {
        List<Ticket> all = new ArrayList<>(tickets.values());
        all.sort((a, b) -> a.id().compareTo(b.id()));
        return all;
    }

    @Override
    public Optional<Ticket> findById(String id) {
        return Optional.ofNullable(tickets.get(id));
    }

    @Override
    public void save(Ticket ticket) {
        tickets.put(ticket.id(), ticket);
    }
}
