package app.lockstep.domain.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditChainTest {

	static final OrgId ORG = new OrgId(UUID.fromString("3f1c2a6e-8d4b-4f7a-9c1e-2b5d6a7e8f90"));

	/**
	 * The vector in the README, computed independently with Python's
	 * {@code json.dumps(event, sort_keys=True, separators=(",", ":"), ensure_ascii=False)}
	 * and {@code hashlib.sha256}.
	 */
	@Test
	void theCanonicalFormAndHashAgreeWithPython() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("name", "Shop");
		details.put("b", 2);
		details.put("a", Arrays.asList(true, null, "x\ny\u0001"));
		details.put("\uD83D\uDE00", "smile");
		details.put("\uFFFD", "replacement");
		Map<String, Object> fields = AuditChain.fields(ORG, 1, Instant.parse("2026-11-22T10:15:30.120999Z"),
				new Actor(Actor.Type.USER, "u-1", "Zoë \"Z\"", "127.0.0.1"), "project.created", "project", "p-1",
				"shop", null, AuditChain.normalize(details));
		String canonical = AuditChain.canonicalJson(fields);
		assertThat(canonical)
			.isEqualTo("{\"action\":\"project.created\",\"actor\":{\"id\":\"u-1\",\"name\":\"Zoë \\\"Z\\\"\","
					+ "\"type\":\"USER\"},\"at\":\"2026-11-22T10:15:30.120Z\",\"details\":{\"a\":[true,null,\"x\\ny\\u0001\"],"
					+ "\"b\":2,\"name\":\"Shop\",\"\uFFFD\":\"replacement\",\"\uD83D\uDE00\":\"smile\"},\"environment\":null,"
					+ "\"ip\":\"127.0.0.1\",\"org\":\"3f1c2a6e-8d4b-4f7a-9c1e-2b5d6a7e8f90\",\"project\":\"shop\",\"seq\":1,"
					+ "\"target\":{\"id\":\"p-1\",\"type\":\"project\"}}");
		assertThat(AuditChain.hash(AuditChain.GENESIS, canonical))
			.isEqualTo("fed72fc19a4dd9f724ed8be8b6cb37b7fff7cbf49572a4693d22e6dbf6b351b0");
	}

	@Test
	void instantsAreWrittenWithExactlyThreeFractionDigitsInUtc() {
		assertThat(AuditChain.formatAt(Instant.parse("2026-03-29T01:00:00Z"))).isEqualTo("2026-03-29T01:00:00.000Z");
		assertThat(AuditChain.formatAt(Instant.parse("2026-03-29T01:00:00.123456789Z")))
			.isEqualTo("2026-03-29T01:00:00.123Z");
		assertThat(AuditChain.truncate(Instant.parse("2026-03-29T01:00:00.999999Z")))
			.isEqualTo(Instant.parse("2026-03-29T01:00:00.999Z"));
	}

	@Test
	void detailsHoldNoFractionsEnumsOrObjects() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("ratio", 0.5);
		details.put("tier", Thread.State.NEW);
		details.put("zone", java.time.ZoneId.of("Europe/Paris"));
		details.put("count", 3);
		assertThat(AuditChain.canonicalJson(AuditChain.normalize(details)))
			.isEqualTo("{\"count\":3,\"ratio\":\"0.5\",\"tier\":\"NEW\",\"zone\":\"Europe/Paris\"}");
		assertThatThrownBy(() -> AuditChain.canonicalJson(Map.of("ratio", 0.5)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Double");
	}

	@Property(tries = 200)
	void theOrderInWhichKeysWereAddedDoesNotMatter(@ForAll("jsonObjects") Map<String, Object> object,
			@ForAll java.util.Random random) {
		List<Map.Entry<String, Object>> entries = new ArrayList<>(object.entrySet());
		Collections.shuffle(entries, random);
		Map<String, Object> shuffled = new LinkedHashMap<>();
		entries.forEach((entry) -> shuffled.put(entry.getKey(), entry.getValue()));
		assertThat(AuditChain.canonicalJson(shuffled)).isEqualTo(AuditChain.canonicalJson(object));
	}

	@Property(tries = 200)
	void differentStringsNeverWriteTheSame(@ForAll("texts") String left, @ForAll("texts") String right) {
		assertThat(AuditChain.canonicalJson(left).equals(AuditChain.canonicalJson(right)))
			.isEqualTo(left.equals(right));
	}

	@Property(tries = 200)
	void noWhitespaceOrControlCharacterIsWrittenOutsideStrings(@ForAll("jsonObjects") Map<String, Object> object) {
		String canonical = AuditChain.canonicalJson(object);
		assertThat(canonical.chars().filter((c) -> c < 0x20)).isEmpty();
		assertThat(stripStrings(canonical)).doesNotContain(" ");
	}

	@Property(tries = 500)
	void theEventWriterWritesWhatTheGenericCanonicalFormWrites(@ForAll("events") AuditEvent event,
			@ForAll("texts") String prevHash, @ForAll("texts") String hash) {
		assertThat(AuditChain.canonicalJson(ORG, event))
			.isEqualTo(AuditChain.canonicalJson(AuditChain.fields(ORG, event)));
		AuditEvent hashed = new AuditEvent(event.seq(), event.at(), event.actor(), event.action(), event.targetType(),
				event.targetId(), event.projectSlug(), event.environmentName(), event.details(), prevHash, hash);
		Map<String, Object> withHashes = new HashMap<>(AuditChain.fields(ORG, hashed));
		withHashes.put("prevHash", prevHash);
		withHashes.put("hash", hash);
		assertThat(AuditChain.canonicalJsonWithHashes(ORG, hashed)).isEqualTo(AuditChain.canonicalJson(withHashes));
	}

	@Property(tries = 200)
	void changingAnyFieldChangesTheHash(@ForAll("events") AuditEvent event, @ForAll @IntRange(max = 7) int field) {
		String canonical = AuditChain.canonicalJson(ORG, event);
		AuditEvent changed = switch (field) {
			case 0 -> withSeq(event, event.seq() + 1);
			case 1 -> withAt(event, event.at().plusMillis(1));
			case 2 ->
				new AuditEvent(event.seq(), event.at(),
						new Actor(event.actor().type(), event.actor().id(), event.actor().name() + "x",
								event.actor().ip()),
						event.action(), event.targetType(), event.targetId(), event.projectSlug(),
						event.environmentName(), event.details(), event.prevHash(), event.hash());
			case 3 -> new AuditEvent(event.seq(), event.at(), event.actor(), event.action() + "x", event.targetType(),
					event.targetId(), event.projectSlug(), event.environmentName(), event.details(), event.prevHash(),
					event.hash());
			case 4 -> new AuditEvent(event.seq(), event.at(), event.actor(), event.action(), event.targetType(),
					event.targetId(), event.projectSlug(), event.environmentName(), withExtra(event.details()),
					event.prevHash(), event.hash());
			case 5 -> new AuditEvent(event.seq(), event.at(), event.actor(), event.action(), event.targetType(),
					event.targetId(), (event.projectSlug() == null) ? "" : null, event.environmentName(),
					event.details(), event.prevHash(), event.hash());
			case 6 -> new AuditEvent(event.seq(), event.at(),
					new Actor(event.actor().type(), event.actor().id(), event.actor().name(),
							(event.actor().ip() == null) ? "" : null),
					event.action(), event.targetType(), event.targetId(), event.projectSlug(), event.environmentName(),
					event.details(), event.prevHash(), event.hash());
			default -> new AuditEvent(event.seq(), event.at(), event.actor(), event.action(), event.targetType() + "x",
					event.targetId(), event.projectSlug(), event.environmentName(), event.details(), event.prevHash(),
					event.hash());
		};
		String other = AuditChain.canonicalJson(ORG, changed);
		assertThat(other).isNotEqualTo(canonical);
		assertThat(AuditChain.hash(AuditChain.GENESIS, other))
			.isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, canonical));
		assertThat(AuditChain.canonicalJson(new OrgId(UUID.randomUUID()), event)).isNotEqualTo(canonical);
	}

	@Property(tries = 100)
	void anUntouchedChainVerifiesToItsHead(@ForAll("chains") List<AuditEvent> chain) {
		ChainVerification result = verify(chain, head(chain));
		assertThat(result).isEqualTo(new ChainVerification.Verified(chain.size(), chain.size(), head(chain).hash()));
	}

	@Property(tries = 100)
	void anAlteredEventIsReportedAtItsSequenceNumber(@ForAll("chains") List<AuditEvent> chain,
			@ForAll @IntRange(max = 1000) int pick) {
		int k = pick % chain.size();
		List<AuditEvent> tampered = new ArrayList<>(chain);
		AuditEvent event = chain.get(k);
		tampered.set(k,
				new AuditEvent(event.seq(), event.at(), event.actor(), event.action(), event.targetType(),
						event.targetId(), event.projectSlug(), event.environmentName(), withExtra(event.details()),
						event.prevHash(), event.hash()));
		assertThat(verify(tampered, head(chain))).isInstanceOfSatisfying(ChainVerification.Broken.class,
				(broken) -> assertThat(broken.firstBrokenSeq()).isEqualTo(k + 1));
	}

	@Property(tries = 100)
	void aDeletedEventIsReportedAtItsSequenceNumber(@ForAll("chains") List<AuditEvent> chain,
			@ForAll @IntRange(max = 1000) int pick) {
		int k = pick % chain.size();
		List<AuditEvent> tampered = new ArrayList<>(chain);
		tampered.remove(k);
		assertThat(verify(tampered, head(chain))).isInstanceOfSatisfying(ChainVerification.Broken.class,
				(broken) -> assertThat(broken.firstBrokenSeq()).isEqualTo(k + 1));
	}

	@Property(tries = 100)
	void twoEventsThatSwappedPlacesAreReportedAtTheFirstOfThem(@ForAll("chains") List<AuditEvent> chain,
			@ForAll @IntRange(max = 1000) int pick) {
		if (chain.size() < 2) {
			return;
		}
		int k = pick % (chain.size() - 1);
		List<AuditEvent> tampered = new ArrayList<>(chain);
		// The rows keep their places but trade sequence numbers (what an UPDATE of seq
		// does).
		tampered.set(k, withSeq(chain.get(k + 1), k + 1));
		tampered.set(k + 1, withSeq(chain.get(k), k + 2));
		assertThat(verify(tampered, head(chain))).isInstanceOfSatisfying(ChainVerification.Broken.class,
				(broken) -> assertThat(broken.firstBrokenSeq()).isEqualTo(k + 1));
	}

	@Property(tries = 100)
	void aChainCutShortOfItsHeadIsReportedAtTheFirstMissingEvent(@ForAll("chains") List<AuditEvent> chain,
			@ForAll @IntRange(max = 1000) int pick) {
		int keep = pick % chain.size();
		assertThat(verify(chain.subList(0, keep), head(chain))).isInstanceOfSatisfying(ChainVerification.Broken.class,
				(broken) -> assertThat(broken.firstBrokenSeq()).isEqualTo(keep + 1));
	}

	@Property(tries = 100)
	void aRehashedChainStillContradictsASignedCheckpoint(@ForAll("chains") List<AuditEvent> chain,
			@ForAll @IntRange(max = 1000) int pick) {
		int k = pick % chain.size();
		// Someone alters event k+1 and recomputes every hash from there: the chain links
		// again...
		List<AuditEvent> rehashed = new ArrayList<>(chain.subList(0, k));
		String previous = (k == 0) ? AuditChain.GENESIS : chain.get(k - 1).hash();
		for (AuditEvent event : chain.subList(k, chain.size())) {
			AuditEvent altered = (event.seq() == k + 1) ? new AuditEvent(event.seq(), event.at(), event.actor(),
					event.action(), event.targetType(), event.targetId(), event.projectSlug(), event.environmentName(),
					withExtra(event.details()), previous, "") : withPrev(event, previous);
			altered = rehash(altered);
			rehashed.add(altered);
			previous = altered.hash();
		}
		assertThat(verify(rehashed, head(rehashed))).isInstanceOf(ChainVerification.Verified.class);
		// ...but not with the checkpoint signed for the original head.
		ChainVerifier verifier = new ChainVerifier()
			.withCheckpoints(Map.of((long) chain.size(), chain.get(chain.size() - 1).hash()));
		rehashed.forEach((event) -> verifier.accept(event.seq(), event.prevHash(), event.hash(),
				AuditChain.canonicalJson(ORG, event)));
		assertThat(verifier.finish(head(rehashed))).isInstanceOfSatisfying(ChainVerification.Broken.class,
				(broken) -> assertThat(broken.firstBrokenSeq()).isEqualTo(chain.size()));
	}

	@Test
	void anEmptyChainVerifiesAtTheGenesis() {
		assertThat(new ChainVerifier().finish(ChainHead.EMPTY))
			.isEqualTo(new ChainVerification.Verified(0, 0, AuditChain.GENESIS));
	}

	private static ChainVerification verify(List<AuditEvent> events, ChainHead head) {
		ChainVerifier verifier = new ChainVerifier();
		for (AuditEvent event : events) {
			if (!verifier.accept(event.seq(), event.prevHash(), event.hash(), AuditChain.canonicalJson(ORG, event))) {
				break;
			}
		}
		return verifier.finish(head);
	}

	private static ChainHead head(List<AuditEvent> chain) {
		return chain.isEmpty() ? ChainHead.EMPTY : new ChainHead(chain.size(), chain.get(chain.size() - 1).hash());
	}

	private static Map<String, Object> withExtra(Map<String, Object> details) {
		Map<String, Object> changed = new LinkedHashMap<>(details);
		changed.put("tampered", "yes" + details.size());
		return changed;
	}

	private static AuditEvent withSeq(AuditEvent e, long seq) {
		return new AuditEvent(seq, e.at(), e.actor(), e.action(), e.targetType(), e.targetId(), e.projectSlug(),
				e.environmentName(), e.details(), e.prevHash(), e.hash());
	}

	private static AuditEvent withAt(AuditEvent e, Instant at) {
		return new AuditEvent(e.seq(), at, e.actor(), e.action(), e.targetType(), e.targetId(), e.projectSlug(),
				e.environmentName(), e.details(), e.prevHash(), e.hash());
	}

	private static AuditEvent withPrev(AuditEvent e, String prevHash) {
		return new AuditEvent(e.seq(), e.at(), e.actor(), e.action(), e.targetType(), e.targetId(), e.projectSlug(),
				e.environmentName(), e.details(), prevHash, e.hash());
	}

	private static AuditEvent rehash(AuditEvent e) {
		return new AuditEvent(e.seq(), e.at(), e.actor(), e.action(), e.targetType(), e.targetId(), e.projectSlug(),
				e.environmentName(), e.details(), e.prevHash(),
				AuditChain.hash(e.prevHash(), AuditChain.canonicalJson(ORG, e)));
	}

	private static String stripStrings(String json) {
		return json.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
	}

	@Provide
	Arbitrary<String> texts() {
		return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(12),
				Arbitraries.strings().withChars("\"\\\n\t\u0000\u001fa\u00e9\uFFFD").ofMaxLength(6),
				Arbitraries.of("\uD83D\uDE00", "\uFFFD", "a\uD83D\uDE00", "\u2028"));
	}

	@Provide
	Arbitrary<Map<String, Object>> jsonObjects() {
		return objects(2);
	}

	private Arbitrary<Map<String, Object>> objects(int depth) {
		return Arbitraries.maps(texts(), values(depth)).ofMaxSize(4);
	}

	private Arbitrary<Object> values(int depth) {
		List<Arbitrary<?>> choices = new ArrayList<>(
				List.of(texts(), Arbitraries.longs(), Arbitraries.of(true, false), Arbitraries.just("")));
		if (depth > 0) {
			choices.add(objects(depth - 1));
			choices.add(values(depth - 1).list().ofMaxSize(3));
		}
		return Arbitraries
			.oneOf(choices.stream().map((arbitrary) -> arbitrary.map((value) -> (Object) value)).toList());
	}

	@Provide
	Arbitrary<AuditEvent> events() {
		return event(Arbitraries.longs().between(1, Long.MAX_VALUE / 2));
	}

	private Arbitrary<AuditEvent> event(Arbitrary<Long> seqs) {
		Arbitrary<Actor> actors = Combinators
			.combine(Arbitraries.of(Actor.Type.values()), texts().injectNull(0.2), texts(),
					Arbitraries.of("127.0.0.1", "2001:db8::1").injectNull(0.3))
			.as(Actor::new);
		Arbitrary<Instant> instants = Arbitraries.longs()
			.between(-62167219200000L, 253402300799999L)
			.map(Instant::ofEpochMilli);
		return Combinators
			.combine(seqs, instants, actors, texts(), texts(), texts().injectNull(0.3), texts().injectNull(0.3),
					texts().injectNull(0.3))
			.flatAs((seq, at, actor, action, targetType, targetId, project, environment) -> objects(1)
				.map((details) -> new AuditEvent(seq, at, actor, action, targetType, targetId, project, environment,
						details, AuditChain.GENESIS, "")));
	}

	@Provide
	Arbitrary<List<AuditEvent>> chains() {
		return event(Arbitraries.just(0L)).list().ofMinSize(1).ofMaxSize(8).map((events) -> {
			List<AuditEvent> chain = new ArrayList<>();
			String previous = AuditChain.GENESIS;
			for (AuditEvent event : events) {
				AuditEvent linked = rehash(withPrev(withSeq(event, chain.size() + 1), previous));
				chain.add(linked);
				previous = linked.hash();
			}
			return chain;
		});
	}

}
