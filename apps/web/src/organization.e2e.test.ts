// Organisation administration end to end: the built API and web app, two people in two Chromium contexts.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { launchChromium } from "./testing/browser";
import {
  createOrganization,
  outcomeOfClick,
  rowWith,
  selectedOrganizationName,
  signInByEmail,
  waitForAuditActions,
} from "./testing/org-pages";
import { type OrgStack, startOrgStack } from "./testing/org-stack";

const admin = { email: "ines@org-e2e.example", name: "Ines Admin" };
const invitee = { email: "bob@org-e2e.example", name: "Bob Builder" };
const orgName = "Acme Platform";

describe("administering an organisation in the web app", () => {
  let stack: OrgStack;
  let browser: Browser;
  let adminContext: BrowserContext;
  let inviteeContext: BrowserContext;
  let adminPage: Page;
  let inviteePage: Page;
  let inviteLink = "";

  beforeAll(async () => {
    stack = await startOrgStack();
    browser = await launchChromium();
    adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    inviteeContext = await browser.newContext();
    adminPage = await adminContext.newPage();
    inviteePage = await inviteeContext.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  function showLogsOnFailure() {
    onTestFailed(() => console.error(stack.logs()));
  }

  it("explains that a personal organisation cannot be shared", async () => {
    showLogsOnFailure();
    await adminPage.goto(`${stack.webUrl}/settings/members`);
    await signInByEmail(adminPage, admin.email, admin.name);
    expect(new URL(adminPage.url()).pathname).toBe("/settings/members");
    const notice = await adminPage.getByTestId("personal-org-notice").textContent();
    expect(notice).toContain("cannot be shared");
    expect(await adminPage.getByRole("form", { name: "Invite people" }).count()).toBe(0);
  }, 120_000);

  it("creates an organisation and a workspace from the dashboard", async () => {
    showLogsOnFailure();
    await adminPage.goto(`${stack.webUrl}/dashboard`);
    await createOrganization(adminPage, orgName);
    expect(await selectedOrganizationName(adminPage)).toBe(orgName);
    await adminPage.getByLabel("New workspace").fill("Staging");
    await adminPage.getByRole("button", { name: "Create workspace" }).click();
    const card = adminPage.getByTestId("workspace-card").filter({ hasText: "Staging" });
    await card.waitFor();
    expect(await card.textContent()).toContain("Selected");
  }, 120_000);

  it("invites by email, shows the link once, and the invitee joins through sign-in", async () => {
    showLogsOnFailure();
    await adminPage.goto(`${stack.webUrl}/settings/members`);
    const inviteForm = adminPage.getByRole("form", { name: "Invite people" });
    await inviteForm.getByLabel("Email or domain").fill(invitee.email);
    await inviteForm.getByLabel("Role").selectOption("user");
    await inviteForm.getByLabel("Expires after").selectOption("7");
    await inviteForm.getByRole("button", { name: "Invite" }).click();
    inviteLink = (await adminPage.getByTestId("invitation-link").textContent()) ?? "";
    expect(inviteLink).toMatch(new RegExp(`^${stack.webUrl}/invitations/accept\\?code=.+`));
    await adminPage.reload();
    expect(await adminPage.content()).not.toContain(new URL(inviteLink).searchParams.get("code"));
    expect(await rowWith(adminPage, "invitation-row", invitee.email).textContent()).toContain("pending");

    await inviteePage.goto(inviteLink);
    await signInByEmail(inviteePage, invitee.email, invitee.name);
    expect(new URL(inviteePage.url()).pathname).toBe("/invitations/accept");
    expect(await inviteePage.getByTestId("accepting-email").textContent()).toBe(invitee.email);
    await inviteePage.getByRole("button", { name: "Accept invitation" }).click();
    await inviteePage.waitForURL(`${stack.webUrl}/dashboard`);
    expect(await selectedOrganizationName(inviteePage)).toBe(orgName);

    await adminPage.reload();
    expect(await rowWith(adminPage, "invitation-row", invitee.email).textContent()).toContain("accepted");
    expect(await rowWith(adminPage, "member-row", invitee.email).textContent()).toContain("User");
  }, 120_000);

  it("changes the invitee's roles, which changes what their pages offer", async () => {
    showLogsOnFailure();
    await inviteePage.goto(`${stack.webUrl}/settings/teams`);
    expect(await inviteePage.getByText("Your role does not include managing teams").count()).toBe(1);
    expect(await inviteePage.getByRole("button", { name: "Create team" }).count()).toBe(0);

    const row = rowWith(adminPage, "member-row", invitee.email);
    await row.getByText("Change roles").click();
    await row.getByLabel("Team Admin").check();
    expect(await outcomeOfClick(adminPage, row.getByRole("button", { name: "Save roles" }))).toMatch(
      /^Roles changed to (user, team_admin|team_admin, user)\.$/,
    );
    expect(await rowWith(adminPage, "member-row", invitee.email).textContent()).toContain("Team Admin");

    await inviteePage.reload();
    expect(await inviteePage.getByRole("button", { name: "Create team" }).count()).toBe(1);
  }, 120_000);

  it("shows the API's 403 when a role is taken away after the page was shown", async () => {
    showLogsOnFailure();
    // The invitee's page still offers the form; the admin takes team_admin back meanwhile.
    await adminPage.goto(`${stack.webUrl}/settings/members`);
    const row = rowWith(adminPage, "member-row", invitee.email);
    await row.getByText("Change roles").click();
    await row.getByLabel("Team Admin").uncheck();
    expect(await outcomeOfClick(adminPage, row.getByRole("button", { name: "Save roles" }))).toBe(
      "Roles changed to user.",
    );

    await inviteePage.getByLabel("Team name").fill("Rogue team");
    expect(await outcomeOfClick(inviteePage, inviteePage.getByRole("button", { name: "Create team" }))).toBe(
      "Not allowed: Your role in this organization does not grant teams:manage",
    );
    expect(await inviteePage.getByTestId("team-row").count()).toBe(0);
  }, 120_000);

  it("creates a team, a custom role and an environment", async () => {
    showLogsOnFailure();
    await adminPage.goto(`${stack.webUrl}/settings/teams`);
    await adminPage.getByLabel("Team name").fill("Platform");
    expect(await outcomeOfClick(adminPage, adminPage.getByRole("button", { name: "Create team" }))).toBe(
      "Team “Platform” created.",
    );
    expect(await adminPage.getByTestId("team-row").filter({ hasText: "Platform" }).count()).toBe(1);

    await adminPage.goto(`${stack.webUrl}/settings/roles`);
    await adminPage.getByLabel("Role key").fill("deployer");
    await adminPage.getByLabel("Role name").fill("Deployer");
    await adminPage.getByLabel("designs:deploy").check();
    await adminPage.getByLabel("environments:manage").check();
    expect(await outcomeOfClick(adminPage, adminPage.getByRole("button", { name: "Create role" }))).toBe(
      "Role “Deployer” created with 2 permissions.",
    );
    const matrix = adminPage.getByTestId("roles-matrix");
    const headers = await matrix.locator("thead th").allTextContents();
    expect(headers).toContain("Deployercustom");
    // The Deployer column grants exactly the two keys ticked.
    const deployerColumn = headers.indexOf("Deployercustom");
    const granted = await matrix
      .locator(`tbody tr td:nth-child(${deployerColumn + 1})`)
      .evaluateAll((cells) => cells.filter((cell) => cell.textContent?.includes("✓")).length);
    expect(granted).toBe(2);
    await matrix.screenshot({ path: "/tmp/roles-page.png" });

    await adminPage.goto(`${stack.webUrl}/environments`);
    await adminPage.getByLabel("Environment name").fill("staging");
    expect(
      await outcomeOfClick(adminPage, adminPage.getByRole("button", { name: "Create environment" })),
    ).toBe("Environment “staging” created.");
    expect(await adminPage.getByTestId("environment-card").filter({ hasText: "staging" }).count()).toBe(1);
  }, 120_000);

  it("lists those actions in the audit log, newest first, linked from the members page", async () => {
    showLogsOnFailure();
    await adminPage.goto(`${stack.webUrl}/settings/members`);
    await adminPage.getByRole("link", { name: "audit log" }).click();
    await adminPage.waitForURL(`${stack.webUrl}/settings/audit`);
    const expected = [
      "environment.created",
      "role.created",
      "team.created",
      "membership.roles_changed",
      "membership.joined",
      "invitation.created",
      "organization.created",
    ];
    const seen = await waitForAuditActions(adminPage, expected);
    expect(seen).toEqual(expect.arrayContaining(expected));
    // Newest first: the environment came last, the organisation first.
    expect(seen.indexOf("environment.created")).toBeLessThan(seen.indexOf("organization.created"));
    const joined = adminPage.getByTestId("audit-row").filter({ hasText: "Membership · joined" });
    expect(await joined.textContent()).toContain(invitee.email);
  }, 120_000);

  it("revokes a domain invitation and removes a member after confirming", async () => {
    showLogsOnFailure();
    await adminPage.goto(`${stack.webUrl}/settings/members`);
    const inviteForm = adminPage.getByRole("form", { name: "Invite people" });
    await inviteForm.getByLabel("Email or domain").fill("@partners.example");
    await inviteForm.getByRole("button", { name: "Invite" }).click();
    await adminPage.getByTestId("invitation-link").waitFor();
    await adminPage.reload();
    const domainRow = rowWith(adminPage, "invitation-row", "everyone at partners.example");
    expect(
      await outcomeOfClick(
        adminPage,
        domainRow.getByRole("button", { name: "Revoke everyone at partners.example" }),
      ),
    ).toBe("Invitation revoked: its link no longer works.");
    expect(await domainRow.textContent()).toContain("revoked");

    const row = rowWith(adminPage, "member-row", invitee.email);
    await row.getByText("Remove…").click();
    expect(
      await outcomeOfClick(adminPage, row.getByRole("button", { name: `Remove ${invitee.email}` })),
    ).toBe(`Removed ${invitee.email} from the organization.`);
    expect(await rowWith(adminPage, "member-row", invitee.email).count()).toBe(0);

    await inviteePage.goto(`${stack.webUrl}/dashboard`);
    expect(await selectedOrganizationName(inviteePage)).toContain("(personal)");
  }, 120_000);
});
