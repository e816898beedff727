import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "./api-client";
import {
  attemptApiCall,
  FormError,
  isPersonalOrganization,
  outcomePath,
  parseForm,
  readSection,
  refusalMessage,
} from "./organizations";

describe("outcomePath", () => {
  it("puts the error or the notice in the page's query", () => {
    expect(outcomePath("/settings/teams", { error: "Not allowed" })).toBe(
      "/settings/teams?error=Not+allowed",
    );
    const notice = new URL(
      outcomePath("/settings/teams", { notice: "Team “a” created." }),
      "http://x.invalid",
    );
    expect(notice.searchParams.get("notice")).toBe("Team “a” created.");
    expect(notice.searchParams.has("error")).toBe(false);
  });

  it("keeps the page's own query and replaces an earlier outcome", () => {
    const path = outcomePath("/settings/audit?before=2024-01-01T00%3A00%3A00.000Z&error=old", {
      notice: "ok",
    });
    const url = new URL(path, "http://x.invalid");
    expect(url.pathname).toBe("/settings/audit");
    expect(url.searchParams.get("before")).toBe("2024-01-01T00:00:00.000Z");
    expect(url.searchParams.get("error")).toBeNull();
    expect(url.searchParams.get("notice")).toBe("ok");
  });
});

describe("refusalMessage", () => {
  it("names a 403 as not allowed and keeps the missing permission", () => {
    const error = new ApiError(
      403,
      "FORBIDDEN",
      "Your role in this organization does not grant teams:manage",
    );
    expect(refusalMessage(error)).toBe(
      "Not allowed: Your role in this organization does not grant teams:manage",
    );
  });

  it("capitalises the API's lower-case conflict messages", () => {
    const error = new ApiError(409, "CONFLICT", "a personal organization cannot be shared");
    expect(refusalMessage(error)).toBe("Refused: A personal organization cannot be shared");
  });

  it("falls back to the status when the API said nothing", () => {
    expect(refusalMessage(new ApiError(500, "HTTP_ERROR", ""))).toBe("The API answered 500");
  });
});

describe("attemptApiCall", () => {
  it("returns the notice of a call that worked", async () => {
    expect(await attemptApiCall(async () => "done")).toEqual({ notice: "done" });
  });

  it("turns API refusals and bad forms into errors, and lets bugs propagate", async () => {
    const refused = await attemptApiCall(async () => {
      throw new ApiError(404, "NOT_FOUND", "No team 1");
    });
    expect(refused).toEqual({ error: "No team 1" });
    const badForm = await attemptApiCall(
      async () => parseForm(z.object({ name: z.string().min(1, "Name it") }), { name: "" }).name,
    );
    expect(badForm).toEqual({ error: "Name it" });
    await expect(
      attemptApiCall(async () => {
        throw new TypeError("bug");
      }),
    ).rejects.toThrow("bug");
  });
});

describe("parseForm", () => {
  it("throws a FormError with the first issue's message", () => {
    const schema = z.object({ name: z.string().min(1, "Give it a name") });
    expect(() => parseForm(schema, { name: "" })).toThrow(FormError);
    expect(() => parseForm(schema, { name: "" })).toThrow("Give it a name");
    expect(parseForm(schema, { name: "ok" })).toEqual({ name: "ok" });
  });
});

describe("readSection", () => {
  it("does not call the API when the user's keys do not allow it", async () => {
    let called = false;
    const section = await readSection(
      false,
      async () => {
        called = true;
        return 1;
      },
      "hidden",
    );
    expect(section).toEqual({ ok: false, message: "hidden" });
    expect(called).toBe(false);
  });

  it("shows the API's 403 when it happens anyway", async () => {
    const section = await readSection(
      true,
      async () => {
        throw new ApiError(403, "FORBIDDEN", "Your role in this organization does not grant members:read");
      },
      "hidden",
    );
    expect(section).toEqual({
      ok: false,
      message: "Not allowed: Your role in this organization does not grant members:read",
    });
  });
});

describe("isPersonalOrganization", () => {
  it("trusts only the API's boolean", () => {
    expect(isPersonalOrganization({ id: "1", name: "Ada", personal: true })).toBe(true);
    expect(isPersonalOrganization({ id: "1", name: "Team", personal: false })).toBe(false);
    expect(isPersonalOrganization({ id: "1", name: "Old answer" })).toBe(false);
  });
});
