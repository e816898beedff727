import { afterEach, describe, expect, it } from "vitest";
import { type FakeKubeApiServer, startFakeKubeApiServer } from "./fake-kube-apiserver";

const servers: FakeKubeApiServer[] = [];
async function start(options: Parameters<typeof startFakeKubeApiServer>[0] = {}) {
  const server = await startFakeKubeApiServer(options);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function call(server: FakeKubeApiServer, method: string, path: string, body?: unknown) {
  const res = await fetch(server.url + path, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/apply-patch+yaml" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: test reads of arbitrary Kubernetes JSON.
  return { status: res.status, body: (await res.json()) as any };
}

const configMap = (name: string, data: Record<string, string>) => ({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name, namespace: "default", labels: { app: "shop" } },
  data,
});

// Reads newline-delimited watch events until `count` arrived.
async function readEvents(url: string, count: number) {
  const res = await fetch(url);
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: {
    type: string;
    object: { metadata: { name?: string; resourceVersion?: string }; code?: number };
  }[] = [];
  let buffer = "";
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let newline = buffer.indexOf("\n");
    while (newline >= 0) {
      events.push(JSON.parse(buffer.slice(0, newline)));
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf("\n");
    }
  }
  await reader.cancel();
  return events;
}

describe("fake kube-apiserver", () => {
  it("serves discovery, and CRD kinds only once the CRD is established", async () => {
    const server = await start({ crdEstablishDelayMs: 100 });
    expect((await call(server, "GET", "/api")).body.versions).toEqual(["v1"]);
    const groups = (await call(server, "GET", "/apis")).body.groups.map((g: { name: string }) => g.name);
    expect(groups).toContain("apps");
    const core = (await call(server, "GET", "/api/v1")).body.resources;
    expect(core).toContainEqual(
      expect.objectContaining({ name: "configmaps", kind: "ConfigMap", namespaced: true }),
    );

    const crd = {
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: { name: "widgets.example.com" },
      spec: {
        group: "example.com",
        scope: "Namespaced",
        names: { plural: "widgets", kind: "Widget" },
        versions: [{ name: "v1", served: true, storage: true }],
      },
    };
    const path = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com?fieldManager=t";
    expect((await call(server, "PATCH", path, crd)).status).toBe(201);
    expect((await call(server, "GET", "/apis/example.com/v1")).status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await call(server, "GET", "/apis/example.com/v1")).body.resources[0]).toMatchObject({
      kind: "Widget",
    });
  });

  it("applies with field managers: conflicts unless forced, immutable fields refused, dry runs not stored", async () => {
    const server = await start();
    const path = "/api/v1/namespaces/default/configmaps/shop";
    const first = await call(
      server,
      "PATCH",
      `${path}?fieldManager=alice`,
      configMap("shop", { colour: "red" }),
    );
    expect(first.status).toBe(201);
    expect(first.body.metadata.managedFields.map((f: { manager: string }) => f.manager)).toEqual(["alice"]);

    const conflict = await call(
      server,
      "PATCH",
      `${path}?fieldManager=bob`,
      configMap("shop", { colour: "blue" }),
    );
    expect(conflict.status).toBe(409);
    expect(conflict.body.details.causes).toEqual([
      { type: "FieldManagerConflict", message: 'conflict with "alice"', field: ".data.colour" },
    ]);
    const dry = await call(
      server,
      "PATCH",
      `${path}?fieldManager=bob&force=true&dryRun=All`,
      configMap("shop", { colour: "blue" }),
    );
    expect(dry.body.data.colour).toBe("blue");
    expect((await call(server, "GET", path)).body.data.colour).toBe("red");
    expect(
      (
        await call(
          server,
          "PATCH",
          `${path}?fieldManager=bob&force=true`,
          configMap("shop", { colour: "blue" }),
        )
      ).status,
    ).toBe(200);

    const deployment = (selector: string) => ({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", namespace: "default" },
      spec: { selector: { matchLabels: { app: selector } } },
    });
    const deployPath = "/apis/apps/v1/namespaces/default/deployments/web?fieldManager=m&force=true";
    expect((await call(server, "PATCH", deployPath, deployment("a"))).status).toBe(201);
    const immutable = await call(server, "PATCH", deployPath, deployment("b"));
    expect(immutable.status).toBe(422);
    expect(immutable.body.details.causes[0]).toMatchObject({
      field: "spec.selector",
      reason: "FieldValueInvalid",
    });

    const wrongType = await fetch(`${server.url}${path}?fieldManager=m`, {
      method: "PATCH",
      headers: { "content-type": "application/merge-patch+json" },
      body: "{}",
    });
    expect(wrongType.status).toBe(415);
    const missingNamespace = await call(
      server,
      "PATCH",
      "/api/v1/namespaces/nowhere/configmaps/x?fieldManager=m",
      { ...configMap("x", {}), metadata: { name: "x", namespace: "nowhere" } },
    );
    expect(missingNamespace.status).toBe(404);
  });

  it("pages lists with limit and continue, and answers 410 for a continue token from before a compaction", async () => {
    const server = await start();
    for (const name of ["a", "b", "c", "d", "e"]) {
      await call(
        server,
        "PATCH",
        `/api/v1/namespaces/default/configmaps/${name}?fieldManager=m`,
        configMap(name, {}),
      );
    }
    const names: string[] = [];
    let next = "";
    do {
      const page = await call(
        server,
        "GET",
        `/api/v1/namespaces/default/configmaps?limit=2${next ? `&continue=${next}` : ""}`,
      );
      names.push(...page.body.items.map((item: { metadata: { name: string } }) => item.metadata.name));
      next = page.body.metadata.continue ?? "";
    } while (next);
    expect(names).toEqual(["a", "b", "c", "d", "e"]);

    const first = await call(server, "GET", "/api/v1/namespaces/default/configmaps?limit=2");
    server.store.compact();
    await call(server, "PATCH", "/api/v1/namespaces/default/configmaps/f?fieldManager=m", configMap("f", {}));
    const stale = await call(
      server,
      "GET",
      `/api/v1/namespaces/default/configmaps?limit=2&continue=${first.body.metadata.continue}`,
    );
    expect(stale.status).toBe(410);
  });

  it("streams watch events from a resourceVersion with bookmarks, and 410 Gone for one too old", async () => {
    const server = await start({ bookmarkIntervalMs: 50 });
    const list = await call(server, "GET", "/api/v1/namespaces/default/configmaps");
    const rv = list.body.metadata.resourceVersion;
    await call(server, "PATCH", "/api/v1/namespaces/default/configmaps/a?fieldManager=m", configMap("a", {}));
    const events = await readEvents(
      `${server.url}/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=${rv}&allowWatchBookmarks=true`,
      2,
    );
    expect(events[0]).toMatchObject({ type: "ADDED", object: { metadata: { name: "a" } } });
    expect(events[1]?.type).toBe("BOOKMARK");

    server.store.compact();
    const gone = await readEvents(
      `${server.url}/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=${rv}`,
      1,
    );
    expect(gone[0]).toMatchObject({ type: "ERROR", object: { code: 410 } });
  });

  it("drops open connections on request", async () => {
    const server = await start();
    const watching = fetch(`${server.url}/api/v1/configmaps?watch=1`).then((res) => res.text());
    await new Promise((resolve) => setTimeout(resolve, 100));
    server.dropConnections();
    await expect(watching).rejects.toThrow();
  });

  it("cuts watch streams mid-stream while lists keep answering, and injects a 410 Expired", async () => {
    const server = await start();
    server.put("configmaps", "default", "a", { data: { k: "v" } });
    const res = await fetch(`${server.url}/api/v1/configmaps?watch=true&resourceVersion=1`);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(JSON.parse(first.split("\n")[0] as string)).toMatchObject({ type: "ADDED" });
    expect(server.openWatches).toBe(1);
    server.dropWatches();
    await expect(reader.read()).rejects.toThrow();
    expect((await call(server, "GET", "/api/v1/configmaps")).body.items).toHaveLength(1);
    expect(server.allObjects().map((o) => o.metadata.name)).toContain("a");

    server.failNext(410, (r) => r.query.watch === "true");
    const refused = await call(server, "GET", "/api/v1/configmaps?watch=true");
    expect(refused).toMatchObject({ status: 410, body: { kind: "Status", code: 410, reason: "Expired" } });
  });
});
