// POST /api/internal/auth/adapter: Auth.js's database adapter, run here where the database lives, called by the web app.
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  changeMembershipRoles,
  ensurePersonalOrganization,
  getUser,
  listOrganizationsForUser,
  recordUserSignIn,
} from "@meshplane/db/queries";
import { accounts, sessions, users, verificationTokens } from "@meshplane/db/schema";
import type { Context } from "hono";
import { audit } from "../../auth/audit";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";

export const adapterMethods = [
  "createUser",
  "getUser",
  "getUserByEmail",
  "getUserByAccount",
  "updateUser",
  "deleteUser",
  "linkAccount",
  "unlinkAccount",
  "createSession",
  "getSessionAndUser",
  "updateSession",
  "deleteSession",
  "createVerificationToken",
  "useVerificationToken",
] as const;

const Call = z.object({ method: z.enum(adapterMethods), args: z.array(z.unknown()).max(4) }).strict();

const route = createRoute({
  method: "post",
  path: "/api/internal/auth/adapter",
  hide: true,
  request: { body: { content: { "application/json": { schema: Call } }, required: true } },
  responses: {
    200: {
      description: "The adapter method's result",
      content: { "application/json": { schema: z.object({ result: z.unknown() }) } },
    },
    ...openApiErrorResponses,
  },
});

const dateFields = new Set(["expires", "emailVerified"]);

/** JSON carries dates as strings; the adapter and the database want Date objects back. */
function reviveDates(value: unknown): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      dateFields.has(key) && typeof field === "string" ? new Date(field) : field,
    ]),
  );
}

export function adapterFor(c: Context<AppEnv>) {
  // The schema's tables have exactly the columns the adapter reads; its generic table types are stricter.
  const tables = {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  };
  return DrizzleAdapter(c.var.db as never, tables as never);
}

export const registerInternalAdapter = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const { method, args } = c.req.valid("json");
    return c.json({ result: (await callAdapter(c, method, args.map(reviveDates))) ?? null }, 200);
  });

/** Calls one adapter method with the sign-in side effects; the dev sign-in uses it too. */
export async function callAdapter(
  c: Context<AppEnv>,
  method: (typeof adapterMethods)[number],
  args: unknown[],
): Promise<unknown> {
  const adapter = adapterFor(c);
  const fn = adapter[method] as ((...args: unknown[]) => Promise<unknown>) | undefined;
  if (!fn) throw new Error(`the adapter has no ${method}`);
  const result = await fn.apply(adapter, args);
  await afterAdapterCall(c, method, result);
  return result;
}

/** Sign-in side effects belong with the data: a personal organisation for new users, the sign-in audit. */
async function afterAdapterCall(c: Context<AppEnv>, method: string, result: unknown) {
  if (method === "createUser" && result && typeof result === "object" && "id" in result) {
    const user = result as { id: string; name?: string | null; email: string };
    await ensurePersonalOrganization(c.var.db, {
      userId: user.id,
      name: `${user.name || user.email}'s organization`,
    });
    await audit(c, {
      organizationId: null,
      actorId: user.id,
      action: "user.created",
      resourceType: "user",
      resourceId: user.id,
      description: "Signed in for the first time",
    });
  }
  if (method === "createSession" && result && typeof result === "object" && "userId" in result) {
    const { userId } = result as { userId: string };
    await recordUserSignIn(c.var.db, { id: userId });
    await grantProviderAdminIfListed(c, userId);
    // A sign-in concerns every organisation the user can act in: each one's log shows it.
    for (const organization of await listOrganizationsForUser(c.var.db, { userId })) {
      await audit(c, {
        organizationId: organization.id,
        actorId: userId,
        action: "user.signed_in",
        resourceType: "user",
        resourceId: userId,
        description: "Signed in",
      });
    }
  }
}

/** MESHPLANE_PROVIDER_ADMINS names the instance's operators: they get provider_admin in their personal organisation. */
async function grantProviderAdminIfListed(c: Context<AppEnv>, userId: string) {
  const user = await getUser(c.var.db, { id: userId });
  if (!user || !c.var.auth.providerAdmins?.includes(user.email)) return;
  const personal = (await listOrganizationsForUser(c.var.db, { userId })).find((org) => org.personal);
  if (!personal || personal.roleKeys.includes("provider_admin")) return;
  await changeMembershipRoles(c.var.db, {
    organizationId: personal.id,
    userId,
    roleKeys: [...new Set([...personal.roleKeys, "provider_admin"])],
  });
}
