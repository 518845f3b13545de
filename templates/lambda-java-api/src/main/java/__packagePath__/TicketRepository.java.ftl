package [=package];

import java.util.List;
import java.util.Optional;

/** Where tickets are stored: DynamoDB in the cloud, memory in tests and local runs. */
public interface TicketRepository {

    List<Ticket> findAll();

    Optional<Ticket> findById(String id);

    /** Stores {@code ticket}, which already has its id. */
    void save(Ticket ticket);
}
