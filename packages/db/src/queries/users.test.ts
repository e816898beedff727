import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb, uniqueName } from "../testing/index";
import { getUser, getUserByEmail, upsertUserByEmail } from "./users";

describe("users", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  it("creates a user once per email, whatever its case, and keeps fields the provider did not send", async () => {
    const email = `${uniqueName("ada")}@Example.Test`;
    const first = await upsertUserByEmail(t.db, { email, name: "Ada", image: "https://img.test/ada.png" });
    const again = await upsertUserByEmail(t.db, { email: email.toUpperCase(), name: null });

    expect(again.id).toBe(first.id);
    expect(again.email).toBe(email.toLowerCase());
    expect(again.name).toBe("Ada");
    expect(again.image).toBe("https://img.test/ada.png");
    expect(again.lastLoginAt).toBeInstanceOf(Date);
  });

  it("reads a user by id and by email, and finds nothing for unknown ones", async () => {
    const user = await upsertUserByEmail(t.db, { email: `${uniqueName("grace")}@example.test` });
    expect((await getUser(t.db, { id: user.id }))?.email).toBe(user.email);
    expect((await getUserByEmail(t.db, { email: ` ${user.email.toUpperCase()} ` }))?.id).toBe(user.id);
    expect(await getUser(t.db, { id: "00000000-0000-4000-8000-000000000000" })).toBeUndefined();
  });
});
