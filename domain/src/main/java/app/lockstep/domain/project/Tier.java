package app.lockstep.domain.project;

public enum Tier {

	DEVELOPMENT("Development"), STAGING("Staging"), PRODUCTION("Production");

	private final String label;

	Tier(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
