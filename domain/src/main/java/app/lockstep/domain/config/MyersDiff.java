package app.lockstep.domain.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The shortest edit script between two sequences, by Myers' O(ND) algorithm in its
 * linear-space form: find the middle snake of the shortest path, then solve the two
 * halves either side of it. Two texts of thousands of lines that share nothing take
 * O((N+M)·D) time and O(N+M) memory, where D is the number of lines added and removed.
 */
final class MyersDiff {

	private final int[] a;

	private final int[] b;

	private final List<ChangeKind> script = new ArrayList<>();

	private MyersDiff(int[] a, int[] b) {
		this.a = a;
		this.b = b;
	}

	/**
	 * Steps turning a into b: SAME consumes one element of each, REMOVED one of a, ADDED
	 * one of b.
	 */
	static List<ChangeKind> script(int[] a, int[] b) {
		MyersDiff diff = new MyersDiff(a, b);
		diff.compare(0, a.length, 0, b.length);
		return diff.script;
	}

	private void compare(int aStart, int aEnd, int bStart, int bEnd) {
		while (aStart < aEnd && bStart < bEnd && this.a[aStart] == this.b[bStart]) {
			this.script.add(ChangeKind.SAME);
			aStart++;
			bStart++;
		}
		int commonEnd = 0;
		while (aStart < aEnd && bStart < bEnd && this.a[aEnd - 1] == this.b[bEnd - 1]) {
			aEnd--;
			bEnd--;
			commonEnd++;
		}
		if (aStart == aEnd) {
			repeat(ChangeKind.ADDED, bEnd - bStart);
		}
		else if (bStart == bEnd) {
			repeat(ChangeKind.REMOVED, aEnd - aStart);
		}
		else {
			int[] snake = middleSnake(aStart, aEnd, bStart, bEnd);
			compare(aStart, snake[0], bStart, snake[1]);
			repeat(ChangeKind.SAME, snake[2] - snake[0]);
			compare(snake[2], aEnd, snake[3], bEnd);
		}
		repeat(ChangeKind.SAME, commonEnd);
	}

	/**
	 * The middle snake {x, y, u, v} of a shortest path through the box: a diagonal run
	 * from (x, y) to (u, v), found where the paths from both corners meet. Forward paths
	 * record the furthest x per diagonal k = x - y; backward paths do the same in
	 * coordinates counted from the far corner.
	 */
	private int[] middleSnake(int aStart, int aEnd, int bStart, int bEnd) {
		int n = aEnd - aStart;
		int m = bEnd - bStart;
		int delta = n - m;
		boolean odd = (delta & 1) != 0;
		int max = (n + m + 1) / 2;
		int offset = max + 1;
		int[] forward = new int[2 * max + 3];
		int[] backward = new int[2 * max + 3];
		for (int d = 0; d <= max; d++) {
			for (int k = -d; k <= d; k += 2) {
				int x = (k == -d || (k != d && forward[offset + k - 1] < forward[offset + k + 1]))
						? forward[offset + k + 1] : forward[offset + k - 1] + 1;
				int y = x - k;
				int startX = x;
				int startY = y;
				while (x < n && y < m && this.a[aStart + x] == this.b[bStart + y]) {
					x++;
					y++;
				}
				forward[offset + k] = x;
				int reverse = delta - k;
				if (odd && reverse >= -(d - 1) && reverse <= d - 1 && x + backward[offset + reverse] >= n) {
					return new int[] { aStart + startX, bStart + startY, aStart + x, bStart + y };
				}
			}
			for (int k = -d; k <= d; k += 2) {
				int x = (k == -d || (k != d && backward[offset + k - 1] < backward[offset + k + 1]))
						? backward[offset + k + 1] : backward[offset + k - 1] + 1;
				int y = x - k;
				int startX = x;
				int startY = y;
				while (x < n && y < m && this.a[aEnd - 1 - x] == this.b[bEnd - 1 - y]) {
					x++;
					y++;
				}
				backward[offset + k] = x;
				int ahead = delta - k;
				if (!odd && ahead >= -d && ahead <= d && x + forward[offset + ahead] >= n) {
					return new int[] { aEnd - x, bEnd - y, aEnd - startX, bEnd - startY };
				}
			}
		}
		throw new IllegalStateException("Myers' paths always meet within (N + M + 1) / 2 steps");
	}

	private void repeat(ChangeKind kind, int times) {
		for (int i = 0; i < times; i++) {
			this.script.add(kind);
		}
	}

}
