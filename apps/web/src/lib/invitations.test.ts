import type { IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type FakeApi, json, startFakeApi } from "../testing/fake-api";
import {
  acceptPagePath,
  createInvitation,
  invitationFormSchema,
  invitationLink,
  inviteeLabel,
  parseInvitee,
} from "./invitations";

describe("parseInvitee", () => {
  it("tells an email from a domain", () => {
    expect(parseInvitee(" ada@example.com ")).toEqual({ email: "ada@example.com" });
    expect(parseInvitee("Example.COM")).toEqual({ domain: "example.com" });
    expect(parseInvitee("@corp.example.org")).toEqual({ domain: "corp.example.org" });
  });

  it("refuses what is neither", () => {
    expect(parseInvitee("ada")).toBeUndefined();
    expect(parseInvitee("ada@")).toBeUndefined();
    expect(parseInvitee("two words.com")).toBeUndefined();
  });
});

describe("invitationFormSchema", () => {
  const form = { invitee: "ada@example.com", role: "user", teamId: "", expiresInDays: "7" };

  it("reads a complete form", () => {
    expect(invitationFormSchema.parse(form)).toEqual({
      invitee: { email: "ada@example.com" },
      role: "user",
      teamId: "",
      expiresInDays: 7,
    });
  });

  it("refuses an expiry that is not offered and a made-up invitee", () => {
    expect(invitationFormSchema.safeParse({ ...form, expiresInDays: "90" }).success).toBe(false);
    const invitee = invitationFormSchema.safeParse({ ...form, invitee: "nobody" });
    expect(invitee.success).toBe(false);
    expect(invitee.error?.issues[0]?.message).toMatch(/email .* or a domain/);
  });
});

describe("links and labels", () => {
  it("builds the accept link on the web's origin with the code escaped", () => {
    expect(invitationLink("http://localhost:3000", "a+b/c")).toBe(
      "http://localhost:3000/invitations/accept?code=a%2Bb%2Fc",
    );
    expect(acceptPagePath("xyz")).toBe("/invitations/accept?code=xyz");
  });

  it("names an email invitation by its address and a domain one by everyone there", () => {
    expect(inviteeLabel({ email: "ada@example.com", domain: null })).toBe("ada@example.com");
    expect(inviteeLabel({ email: null, domain: "example.com" })).toBe("everyone at example.com");
  });
});

describe("createInvitation against an API", () => {
  let api: FakeApi;
  const bodies: unknown[] = [];

  beforeAll(async () => {
    api = await startFakeApi(async (req, res) => {
      bodies.push(JSON.parse(await readBody(req)));
      json(res, 201, {
        code: "the-code",
        invitation: {
          id: "i1",
          orgId: "o1",
          email: null,
          domain: "example.com",
          roles: ["user"],
          teamId: null,
          expiresAt: "2030-01-01T00:00:00.000Z",
          status: "pending",
          acceptedAt: null,
          createdAt: "2029-12-25T00:00:00.000Z",
        },
      });
    });
    vi.stubEnv("API_URL", api.url);
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await api.close();
  });

  it("sends the domain alone and leaves out an empty team", async () => {
    const created = await createInvitation("jwt", {
      orgId: "o1",
      invitee: { domain: "example.com" },
      role: "user",
      expiresInDays: 7,
    });
    expect(created.code).toBe("the-code");
    expect(bodies.at(-1)).toEqual({ orgId: "o1", domain: "example.com", role: "user", expiresInDays: 7 });
  });
});

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    req.on("data", (chunk: Buffer) => {
      text += chunk.toString();
    });
    req.on("end", () => resolve(text));
  });
}
