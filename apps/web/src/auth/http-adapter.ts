// Auth.js's database adapter, spoken over HTTP: the API owns the data and runs the drizzle adapter itself.
import type {
  Adapter,
  AdapterAccount,
  AdapterSession,
  AdapterUser,
  VerificationToken,
} from "next-auth/adapters";
import { z } from "zod";
import type { InternalApi } from "./internal-api";

export const adapterPath = "/api/internal/auth/adapter";

const resultSchema = z.object({ result: z.unknown() });

// Dates travel as ISO strings; Auth.js compares them as Date objects (session expiry, token expiry).
const isoDate = z.union([z.string(), z.date()]).transform((value, ctx) => {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: "custom", message: "not a date" });
    return z.NEVER;
  }
  return date;
});

const userSchema = z.looseObject({
  id: z.string(),
  email: z.string(),
  emailVerified: isoDate.nullable().default(null),
  name: z.string().nullish(),
  image: z.string().nullish(),
});
const sessionSchema = z.looseObject({ sessionToken: z.string(), userId: z.string(), expires: isoDate });
const accountSchema = z.looseObject({
  userId: z.string(),
  type: z.enum(["oauth", "oidc", "email", "webauthn"]),
  provider: z.string(),
  providerAccountId: z.string(),
});
const verificationTokenSchema = z.object({ identifier: z.string(), token: z.string(), expires: isoDate });
const sessionAndUserSchema = z.object({ session: sessionSchema, user: userSchema });

export function createHttpAdapter(api: InternalApi): Adapter {
  async function call<T>(method: string, args: unknown[], schema: z.ZodType<T>): Promise<T | null> {
    const body = resultSchema.safeParse(await api.post(adapterPath, { method, args }));
    if (!body.success) throw new Error(`adapter ${method}: the API's answer has no result`);
    if (body.data.result === null || body.data.result === undefined) return null;
    const parsed = schema.safeParse(body.data.result);
    if (!parsed.success) throw new Error(`adapter ${method}: unexpected result (${parsed.error.message})`);
    return parsed.data;
  }
  async function required<T>(method: string, args: unknown[], schema: z.ZodType<T>): Promise<T> {
    const value = await call(method, args, schema);
    if (value === null) throw new Error(`adapter ${method}: the API returned no result`);
    return value;
  }
  const user = userSchema as z.ZodType<AdapterUser>;
  const session = sessionSchema as z.ZodType<AdapterSession>;
  const account = accountSchema as z.ZodType<AdapterAccount>;
  const verificationToken = verificationTokenSchema as z.ZodType<VerificationToken>;
  const sessionAndUser = sessionAndUserSchema as z.ZodType<{ session: AdapterSession; user: AdapterUser }>;

  return {
    createUser: (data) => required("createUser", [data], user),
    getUser: (id) => call("getUser", [id], user),
    getUserByEmail: (email) => call("getUserByEmail", [email], user),
    getUserByAccount: (ref) => call("getUserByAccount", [ref], user),
    updateUser: (data) => required("updateUser", [data], user),
    deleteUser: (id) => call("deleteUser", [id], user),
    linkAccount: (data) => call("linkAccount", [data], account),
    unlinkAccount: async (ref) => (await call("unlinkAccount", [ref], account)) ?? undefined,
    createSession: (data) => required("createSession", [data], session),
    getSessionAndUser: (token) => call("getSessionAndUser", [token], sessionAndUser),
    updateSession: (data) => call("updateSession", [data], session),
    deleteSession: (token) => call("deleteSession", [token], session),
    createVerificationToken: (data) => call("createVerificationToken", [data], verificationToken),
    useVerificationToken: (params) => call("useVerificationToken", [params], verificationToken),
  };
}
