package app.lockstep.domain.config;

/**
 * A sensitive value encrypted at rest: the id of the key that sealed it (so keys can
 * rotate), and the nonce with the ciphertext and its authentication tag.
 * {@link #toString()} never shows the content.
 */
public record SealedSecret(String keyId, byte[] sealed) {

	@Override
	public String toString() {
		return "SealedSecret[keyId=" + this.keyId + "]";
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SealedSecret that && this.keyId.equals(that.keyId)
				&& java.util.Arrays.equals(this.sealed, that.sealed);
	}

	@Override
	public int hashCode() {
		return 31 * this.keyId.hashCode() + java.util.Arrays.hashCode(this.sealed);
	}

}
