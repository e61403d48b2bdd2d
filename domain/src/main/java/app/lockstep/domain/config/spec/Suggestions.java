package app.lockstep.domain.config.spec;

import java.util.Collection;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** The known word a mistyped one was most likely meant to be. */
final class Suggestions {

	private Suggestions() {
	}

	/**
	 * The candidate closest to the word by edit distance (letters added, removed, changed
	 * or two swapped), if it is close enough to be a typo: at most a third of its
	 * letters.
	 */
	static @Nullable String closest(String word, Collection<String> candidates) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		String typed = word.toLowerCase(Locale.ROOT);
		for (String candidate : candidates) {
			int distance = distance(typed, candidate.toLowerCase(Locale.ROOT));
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		if (best == null) {
			return null;
		}
		int allowed = Math.max(1, Math.max(word.length(), best.length()) / 3);
		return (bestDistance <= allowed) ? best : null;
	}

	/** Optimal string alignment distance; both words are short keys. */
	static int distance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

}
