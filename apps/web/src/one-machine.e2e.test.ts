// The one-machine mode as `npm start` runs it: no secret in the environment, the web reads the API's file.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { launchChromium } from "./testing/browser";
import { ensureWebBuilt, freePort, type RunningProcess, startApi, startWeb } from "./testing/processes";

describe("the one-machine mode", () => {
  let workDir: string;
  let secretsFile: string;
  let api: RunningProcess;
  let web: RunningProcess;
  let webUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuilt();
    workDir = mkdtempSync(join(tmpdir(), "meshplane-one-machine-e2e-"));
    secretsFile = join(workDir, "secrets.json");
    const [webPort, apiPort] = [await freePort(), await freePort()];
    webUrl = `http://localhost:${webPort}`;
    // The web starts first, before the API has written the secrets: it must read them only when needed.
    web = await startWeb(
      {
        PATH: process.env.PATH ?? "",
        API_URL: `http://127.0.0.1:${apiPort}`,
        MESHPLANE_SECRETS_FILE: secretsFile,
      },
      webPort,
    );
    expect(existsSync(secretsFile)).toBe(false);
    api = await startApi(apiPort, {
      PATH: process.env.PATH ?? "",
      MESHPLANE_DATA_DIR: join(workDir, "pglite"),
      MESHPLANE_SECRETS_FILE: secretsFile,
      MESHPLANE_WEB_URL: webUrl,
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await api?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it("signs in by email with the secrets the API generated, and signs out through Auth.js", async () => {
    onTestFailed(() => console.error(`--- web\n${web.output()}\n--- api\n${api.output()}`));
    const page = await browser.newPage();
    await page.goto(`${webUrl}/dashboard`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    expect(await page.getByRole("button", { name: /^Continue with/ }).count()).toBe(0);

    await page.getByLabel("Email").fill("Lin@One-Machine.example");
    await page.getByRole("button", { name: "Sign in for development" }).click();
    await page.waitForURL(`${webUrl}/dashboard`);
    expect(await page.getByTestId("profile-email").textContent()).toBe("lin@one-machine.example");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${webUrl}/`);
    await page.goto(`${webUrl}/dashboard`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    // Nothing of the generated secrets reached either log.
    const { internalSecret, authSecret } = JSON.parse(readFileSync(secretsFile, "utf8")) as Record<
      string,
      string
    >;
    for (const secret of [internalSecret, authSecret]) {
      expect(secret?.length).toBeGreaterThanOrEqual(32);
      expect(web.output()).not.toContain(secret);
      expect(api.output()).not.toContain(secret);
    }
    await page.close();
  }, 90_000);
});
