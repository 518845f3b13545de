package dev.tierlab.course;

import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The chapters that have content, in teaching order. */
public record Course(List<Chapter> chapters) {

    public Course {
        chapters = List.copyOf(chapters);
    }

    public Optional<Chapter> find(String id) {
        return chapters.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The chapter {@code id}; an unknown id fails with the list of valid ones. */
    public Chapter chapter(String id) {
        return find(id).orElseThrow(() -> new TierlabException(ExitCode.NOT_FOUND, "error.unknownChapter", id, ids()));
    }

    /** The valid chapter ids, comma separated, for messages. */
    public String ids() {
        return chapters.stream().map(Chapter::id).collect(Collectors.joining(", "));
    }

    public int indexOf(String id) {
        for (int i = 0; i < chapters.size(); i++) {
            if (chapters.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** A page of a chapter, counted from 1. */
    public record Location(String chapter, int page) {
    }

    /** The page after {@code from}: the next page, or the first page of the next chapter. */
    public Optional<Location> after(Location from) {
        if (chapters.isEmpty()) {
            return Optional.empty();
        }
        if (from == null) {
            return Optional.of(new Location(chapters.get(0).id(), 1));
        }
        int i = indexOf(from.chapter());
        if (i < 0) {
            return Optional.of(new Location(chapters.get(0).id(), 1));
        }
        if (from.page() < chapters.get(i).pageCount()) {
            return Optional.of(new Location(from.chapter(), from.page() + 1));
        }
        return i + 1 < chapters.size() ? Optional.of(new Location(chapters.get(i + 1).id(), 1)) : Optional.empty();
    }

    /** The page before {@code from}: the previous page, or the last page of the previous chapter. */
    public Optional<Location> before(Location from) {
        int i = from == null ? -1 : indexOf(from.chapter());
        if (i < 0) {
            return Optional.empty();
        }
        int page = Math.min(from.page(), chapters.get(i).pageCount());
        if (page > 1) {
            return Optional.of(new Location(from.chapter(), page - 1));
        }
        return i > 0 ? Optional.of(new Location(chapters.get(i - 1).id(), chapters.get(i - 1).pageCount())) : Optional.empty();
    }
}
