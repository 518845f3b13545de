package dev.tierlab.cli;

import dev.tierlab.course.Chapter;
import dev.tierlab.course.ContentSource;
import dev.tierlab.course.CourseLoader;
import java.util.Iterator;

/** The chapter ids, for tab completion in the shell and in the generated bash/zsh script. */
final class ChapterCandidates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return new CourseLoader(ContentSource.bundled()).load().chapters().stream().map(Chapter::id).iterator();
    }
}
