package dev.tierlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CourseNavigationTest {
    private static Chapter chapter(String id, int pages) {
        List<Chapter.Page> list = new java.util.ArrayList<>();
        for (int i = 1; i <= pages; i++) {
            list.add(new Chapter.Page("p" + i, Localized.of("# " + i, null)));
        }
        return new Chapter(id, Localized.of(id, null), Localized.of(null, null), null, list, Quiz.EMPTY);
    }

    private static final Course COURSE = new Course(List.of(chapter("a", 2), chapter("b", 1)));

    @Test
    void nextWalksPagesThenChapters() {
        assertEquals(Optional.of(new Course.Location("a", 1)), COURSE.after(null));
        assertEquals(Optional.of(new Course.Location("a", 2)), COURSE.after(new Course.Location("a", 1)));
        assertEquals(Optional.of(new Course.Location("b", 1)), COURSE.after(new Course.Location("a", 2)));
        assertEquals(Optional.empty(), COURSE.after(new Course.Location("b", 1)));
        assertEquals(Optional.of(new Course.Location("a", 1)), COURSE.after(new Course.Location("gone", 4)));
    }

    @Test
    void backWalksPagesThenChapters() {
        assertEquals(Optional.of(new Course.Location("a", 2)), COURSE.before(new Course.Location("b", 1)));
        assertEquals(Optional.of(new Course.Location("a", 1)), COURSE.before(new Course.Location("a", 2)));
        assertEquals(Optional.empty(), COURSE.before(new Course.Location("a", 1)));
        assertEquals(Optional.empty(), COURSE.before(null));
    }
}
