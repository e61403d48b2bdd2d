package app.lockstep.web.project;

import java.util.List;

import app.lockstep.domain.project.ProjectWithEnvironments;
import org.jspecify.annotations.Nullable;

/**
 * The projects the release board shows at once: a page of them in the board's order
 * (name, then slug), starting after a project and ending at a given one or after
 * {@link #PAGE} rows. Only these rows pay for live versions, activity, windows and drift;
 * the list of projects and environments itself is one cheap query and gives the columns
 * for all pages.
 *
 * @param shown the rows on this page
 * @param from the 1-based position of the first row among all projects
 * @param total how many projects the organization has
 * @param after the slug this page starts after, when it is not the first
 * @param next the slug the next page starts after, when there are more
 * @param visibleFrom the 1-based position of the first row on screen, before this page
 * when it was appended to earlier ones
 */
public record BoardRows(List<ProjectWithEnvironments> shown, int from, int total, @Nullable String after,
		@Nullable String next, int visibleFrom) {

	/** Rows the board renders per page and per "show more". */
	static final int PAGE = 25;

	/** A poll or a link never re-renders more rows than this at once. */
	static final int MOST = 500;

	static BoardRows of(List<ProjectWithEnvironments> all, @Nullable String after, @Nullable String upto) {
		return of(all, after, upto, after);
	}

	/**
	 * The page after {@code after}, appended below the rows shown since {@code first}.
	 */
	static BoardRows of(List<ProjectWithEnvironments> all, @Nullable String after, @Nullable String upto,
			@Nullable String first) {
		// A link with no value for a parameter sends it empty: the same as not sending
		// it.
		after = blankToNull(after);
		upto = blankToNull(upto);
		first = blankToNull(first);
		int start = (after != null) ? indexOf(all, after) + 1 : 0;
		if (start >= all.size()) {
			start = 0;
		}
		int end = Math.min(all.size(), start + PAGE);
		if (upto != null) {
			int last = indexOf(all, upto);
			if (last >= start) {
				end = Math.min(last + 1, start + MOST);
			}
		}
		List<ProjectWithEnvironments> shown = all.subList(start, end);
		String next = (end < all.size() && !shown.isEmpty()) ? shown.getLast().project().slug() : null;
		int visible = (first != null) ? Math.min(indexOf(all, first) + 2, start + 1) : 1;
		return new BoardRows(shown, start + 1, all.size(), (start > 0) ? after : null, next, visible);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	/**
	 * Where a project is, or -1 (a page after a project since deleted starts at the top).
	 */
	private static int indexOf(List<ProjectWithEnvironments> all, String slug) {
		for (int i = 0; i < all.size(); i++) {
			if (all.get(i).project().slug().equals(slug)) {
				return i;
			}
		}
		return -1;
	}

	/** The slug of the last row shown, for the poll to re-render exactly these rows. */
	public @Nullable String upto() {
		return this.shown.isEmpty() ? null : this.shown.getLast().project().slug();
	}

	public int to() {
		return this.from + this.shown.size() - 1;
	}

	/** Such as "Projects 26–50 of 100". */
	public String range() {
		return "Projects " + this.visibleFrom + "–" + to() + " of " + this.total;
	}

	/** Such as "Show the next 25 projects". */
	public String more() {
		int count = Math.min(PAGE, this.total - to());
		return (count == 1) ? "Show the last project" : "Show the next " + count + " projects";
	}

}
