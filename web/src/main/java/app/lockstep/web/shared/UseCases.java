package app.lockstep.web.shared;

import java.time.Clock;

import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.audit.ReadAuditLog;
import app.lockstep.domain.project.CreateEnvironment;
import app.lockstep.domain.project.CreateProject;
import app.lockstep.domain.project.DeleteEnvironment;
import app.lockstep.domain.project.DeleteProject;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.project.UpdateEnvironment;
import app.lockstep.domain.project.UpdateProject;
import app.lockstep.domain.project.ViewProjects;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.tenancy.AcceptInvitation;
import app.lockstep.domain.tenancy.ChangeMemberRole;
import app.lockstep.domain.tenancy.CreateOrganization;
import app.lockstep.domain.tenancy.InviteMember;
import app.lockstep.domain.tenancy.Invitations;
import app.lockstep.domain.tenancy.ListMembers;
import app.lockstep.domain.tenancy.LoginAttempts;
import app.lockstep.domain.tenancy.LoginCounters;
import app.lockstep.domain.tenancy.Members;
import app.lockstep.domain.tenancy.Organizations;
import app.lockstep.domain.tenancy.PasswordHasher;
import app.lockstep.domain.tenancy.RemoveMember;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.shared.InstanceCaches;
import app.lockstep.domain.tenancy.RevokeInvitation;
import app.lockstep.domain.tenancy.SignUp;
import app.lockstep.domain.tenancy.UpdateOrganization;
import app.lockstep.domain.tenancy.Users;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the framework-free use cases of the domain to their ports. */
@Configuration(proxyBeanMethods = false)
class UseCases {

	@Bean
	CreateOrganization createOrganization(Organizations organizations, Members members, AuditLog auditLog,
			Transactions transactions, Clock clock) {
		return new CreateOrganization(organizations, members, auditLog, transactions, clock);
	}

	@Bean
	SignUp signUp(Users users, CreateOrganization createOrganization, PasswordHasher passwordHasher,
			Transactions transactions, Clock clock) {
		return new SignUp(users, createOrganization, passwordHasher, transactions, clock);
	}

	@Bean
	InviteMember inviteMember(Invitations invitations, Members members, AuditLog auditLog, Transactions transactions,
			Clock clock) {
		return new InviteMember(invitations, members, auditLog, transactions, clock);
	}

	@Bean
	AcceptInvitation acceptInvitation(Invitations invitations, Organizations organizations, Members members,
			Users users, PasswordHasher passwordHasher, AuditLog auditLog, Transactions transactions, Clock clock) {
		return new AcceptInvitation(invitations, organizations, members, users, passwordHasher, auditLog, transactions,
				clock);
	}

	@Bean
	ChangeMemberRole changeMemberRole(Members members, AuditLog auditLog, Transactions transactions) {
		return new ChangeMemberRole(members, auditLog, transactions);
	}

	@Bean
	RemoveMember removeMember(Members members, AuditLog auditLog, Transactions transactions) {
		return new RemoveMember(members, auditLog, transactions);
	}

	@Bean
	RevokeInvitation revokeInvitation(Invitations invitations, AuditLog auditLog, Transactions transactions,
			Clock clock) {
		return new RevokeInvitation(invitations, auditLog, transactions, clock);
	}

	@Bean
	UpdateOrganization updateOrganization(Organizations organizations, AuditLog auditLog, Transactions transactions) {
		return new UpdateOrganization(organizations, auditLog, transactions);
	}

	@Bean
	ResolveMembership resolveMembership(Members members, Transactions transactions, InstanceCaches caches) {
		return new ResolveMembership(members, transactions, caches);
	}

	@Bean
	ListMembers listMembers(Members members, Invitations invitations, Transactions transactions, Clock clock) {
		return new ListMembers(members, invitations, transactions, clock);
	}

	@Bean
	LoginAttempts loginAttempts(LoginCounters counters, Transactions transactions, Clock clock) {
		return new LoginAttempts(counters, transactions, clock);
	}

	@Bean
	ViewProjects viewProjects(Projects projects, Environments environments, Transactions transactions) {
		return new ViewProjects(projects, environments, transactions);
	}

	@Bean
	CreateProject createProject(Projects projects, AuditLog auditLog, Transactions transactions, Clock clock) {
		return new CreateProject(projects, auditLog, transactions, clock);
	}

	@Bean
	UpdateProject updateProject(Projects projects, AuditLog auditLog, Transactions transactions, Clock clock) {
		return new UpdateProject(projects, auditLog, transactions, clock);
	}

	@Bean
	DeleteProject deleteProject(Projects projects, Environments environments, AuditLog auditLog,
			Transactions transactions) {
		return new DeleteProject(projects, environments, auditLog, transactions);
	}

	@Bean
	CreateEnvironment createEnvironment(Projects projects, Environments environments, AuditLog auditLog,
			Transactions transactions, Clock clock) {
		return new CreateEnvironment(projects, environments, auditLog, transactions, clock);
	}

	@Bean
	UpdateEnvironment updateEnvironment(Projects projects, Environments environments, AuditLog auditLog,
			Transactions transactions, Clock clock) {
		return new UpdateEnvironment(projects, environments, auditLog, transactions, clock);
	}

	@Bean
	DeleteEnvironment deleteEnvironment(Projects projects, Environments environments, AuditLog auditLog,
			Transactions transactions, Clock clock) {
		return new DeleteEnvironment(projects, environments, auditLog, transactions, clock);
	}

	@Bean
	ReadAuditLog readAuditLog(AuditLog auditLog, Transactions transactions) {
		return new ReadAuditLog(auditLog, transactions);
	}

}
