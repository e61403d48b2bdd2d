package app.lockstep.domain.template;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.OrgId;

/** The organization's project templates and which project was created from which. */
public interface ProjectTemplates {

	List<ProjectTemplate> list(OrgId org);

	Optional<ProjectTemplate> find(OrgId org, String slug);

	/** Inserts it, or replaces the template with its slug (keeping that one's id). */
	ProjectTemplate save(OrgId org, ProjectTemplate template);

	/** Whether it was there; projects created from it forget it. */
	boolean delete(OrgId org, String slug);

	Optional<ProjectTemplate> templateOf(OrgId org, ProjectId project);

	void link(OrgId org, ProjectId project, UUID template);

}
