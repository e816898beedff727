-- Meshery's built-in roles, shared by every organisation (organization_id is null). Keys match builtInRoleKeys.
INSERT INTO "roles" ("key", "name", "description", "built_in") VALUES
	('anonymous', 'Anonymous', 'Visitor without an account: public catalog and playground only', true),
	('user', 'User', 'Member of an organisation: designs, catalog browsing, own tokens', true),
	('team_admin', 'Team Admin', 'Manages teams and their members', true),
	('workspace_admin', 'Workspace Admin', 'Manages workspaces, environments, connections and deployments', true),
	('org_billing_manager', 'Org Billing Manager', 'Manages billing and invites users to the organisation', true),
	('org_admin', 'Org Admin', 'Manages the organisation, its members, roles and keychains', true),
	('provider_admin', 'Provider Admin', 'Operates the whole provider across organisations', true),
	('curator', 'Curator', 'Reviews and decides catalog publication requests', true)
ON CONFLICT DO NOTHING;
