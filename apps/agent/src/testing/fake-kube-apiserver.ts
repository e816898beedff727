// Owns a fake Kubernetes API server on loopback for tests: discovery, apply, get/delete, paged lists, watches.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { apiVersionOf, createResourceRegistry, type FakeResource } from "./fake-kube-resources";
import { createObjectStore, type Stored, statusBody } from "./fake-kube-store";
import { serveWatch } from "./fake-kube-watch";

export interface FakeKubeOptions {
  nodeCount?: number;
  kubeSystemUid?: string;
  /** How long a new CRD takes to become Established and discoverable. */
  crdEstablishDelayMs?: number;
  bookmarkIntervalMs?: number;
  historyLimit?: number;
  /** API groups listed in /apis whose discovery answers 503, as an aggregated API whose backend is down. */
  unavailableApiGroups?: string[];
  /** Field paths that may not change once set, per "group/Kind"; Deployment's selector is immutable for real. */
  immutable?: Record<string, string[]>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  contentType: string | undefined;
}

type Target = { resource: FakeResource; namespace: string | undefined; name: string | undefined };

function parseTarget(
  registry: ReturnType<typeof createResourceRegistry>,
  path: string,
): Target | "discovery" | undefined {
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  let group = "";
  let rest: string[];
  if (parts[0] === "api") [group, rest] = ["", parts.slice(1)];
  else if (parts[0] === "apis" && parts.length >= 3) [group, rest] = [parts[1] as string, parts.slice(2)];
  else return undefined;
  const [version, ...tail] = rest;
  if (!version) return undefined;
  if (tail.length === 0) return "discovery";
  let namespace: string | undefined;
  let scoped = tail;
  if (tail[0] === "namespaces" && tail.length >= 3) [namespace, scoped] = [tail[1], tail.slice(2)];
  const [plural, name, ...extra] = scoped;
  if (!plural || extra.length) return undefined;
  const resource = registry.find(group, version, plural);
  return resource && { resource, namespace, name };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.once("error", reject);
  });
}

export async function startFakeKubeApiServer(options: FakeKubeOptions = {}) {
  const registry = createResourceRegistry();
  const store = createObjectStore({
    immutable: options.immutable ?? { "apps/Deployment": ["spec.selector"], "batch/Job": ["spec.selector"] },
    historyLimit: options.historyLimit ?? 1_000,
  });
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const watchSockets = new Set<Socket>();
  const injected: { status: number; match: (r: RecordedRequest) => boolean }[] = [];
  const find = (plural: string, group = "") =>
    registry.all().find((r) => r.plural === plural && r.group === group) as FakeResource;
  const seed = (plural: string, namespace: string | undefined, name: string, body: Stored = {}) =>
    store.apply({
      resource: find(plural),
      namespace,
      name,
      body: { metadata: { name }, ...body },
      manager: "kubelet",
      force: true,
      dryRun: false,
    });

  seed("namespaces", undefined, "default");
  seed("namespaces", undefined, "kube-system");
  if (options.kubeSystemUid)
    (store.get(find("namespaces"), undefined, "kube-system") as Stored).metadata.uid = options.kubeSystemUid;
  for (let i = 0; i < (options.nodeCount ?? 3); i++) seed("nodes", undefined, `node-${i}`);

  function establishLater(crd: Stored) {
    setTimeout(() => {
      for (const version of crd.spec?.versions ?? []) {
        registry.add({
          group: crd.spec.group,
          version: version.name,
          plural: crd.spec.names.plural,
          kind: crd.spec.names.kind,
          namespaced: crd.spec.scope === "Namespaced",
        });
      }
      store.setStatus(
        find("customresourcedefinitions", "apiextensions.k8s.io"),
        undefined,
        crd.metadata.name,
        {
          conditions: [{ type: "Established", status: "True" }],
        },
      );
    }, options.crdEstablishDelayMs ?? 50);
  }

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const query = Object.fromEntries(url.searchParams);
    const recorded = {
      method: req.method ?? "GET",
      path: url.pathname,
      query,
      contentType: req.headers["content-type"],
    };
    requests.push(recorded);
    const fault = injected.findIndex((f) => f.match(recorded));
    if (fault >= 0) {
      const status = injected.splice(fault, 1)[0]?.status ?? 500;
      const reason = { 410: "Expired", 429: "TooManyRequests" }[status] ?? "InternalError";
      return send(status, statusBody(status, reason, "injected failure"));
    }
    if (url.pathname === "/version") return send(200, { major: "1", minor: "34", gitVersion: "v1.34.1" });
    if (url.pathname === "/api") return send(200, registry.versions());
    if (url.pathname === "/apis") {
      const groups = registry.groups();
      for (const name of options.unavailableApiGroups ?? []) {
        const version = { groupVersion: `${name}/v1beta1`, version: "v1beta1" };
        groups.groups.push({ name, versions: [version], preferredVersion: version });
      }
      return send(200, groups);
    }
    if (options.unavailableApiGroups?.some((name) => url.pathname.startsWith(`/apis/${name}/`)))
      return send(503, statusBody(503, "ServiceUnavailable", "the aggregated API is not available"));
    const target = parseTarget(registry, url.pathname);
    if (target === "discovery") {
      const parts = url.pathname.split("/").filter(Boolean);
      const list =
        parts[0] === "api"
          ? registry.resourceList("", parts[1] as string)
          : registry.resourceList(parts[1] as string, parts[2] as string);
      return list
        ? send(200, list)
        : send(404, statusBody(404, "NotFound", "the server could not find the requested resource"));
    }
    if (!target)
      return send(404, statusBody(404, "NotFound", "the server could not find the requested resource"));
    const { resource, namespace, name } = target;
    const notFound = () => send(404, statusBody(404, "NotFound", `${resource.plural} "${name}" not found`));

    if (req.method === "GET" && name)
      return store.get(resource, namespace, name)
        ? send(200, store.get(resource, namespace, name))
        : notFound();
    if (req.method === "GET" && (query.watch === "1" || query.watch === "true")) {
      const socket = req.socket;
      watchSockets.add(socket);
      res.once("close", () => watchSockets.delete(socket));
      return serveWatch(store, resource, namespace, query, res, options.bookmarkIntervalMs ?? 1_000);
    }
    if (req.method === "GET") return serveList(resource, namespace, query, send);
    if (req.method === "PATCH" && name) {
      if (req.headers["content-type"] !== "application/apply-patch+yaml")
        return send(415, statusBody(415, "UnsupportedMediaType", "only apply patches are served"));
      if (!query.fieldManager)
        return send(400, statusBody(400, "BadRequest", "fieldManager is required for apply requests"));
      const body = JSON.parse(await readBody(req)) as Stored;
      if (
        body.kind !== resource.kind ||
        body.apiVersion !== apiVersionOf(resource) ||
        body.metadata?.name !== name
      ) {
        return send(
          400,
          statusBody(400, "BadRequest", "the body's apiVersion, kind and name must match the URL"),
        );
      }
      if (resource.namespaced && !store.get(find("namespaces"), undefined, namespace as string)) {
        return send(404, statusBody(404, "NotFound", `namespaces "${namespace}" not found`));
      }
      const dryRun = query.dryRun === "All";
      const answer = store.apply({
        resource,
        namespace,
        name,
        body,
        manager: query.fieldManager,
        force: query.force === "true",
        dryRun,
      });
      if (answer.status === 201 && !dryRun && resource.kind === "CustomResourceDefinition")
        establishLater(answer.body);
      return send(answer.status, answer.body);
    }
    if (req.method === "DELETE" && name) {
      const existing = store.get(resource, namespace, name);
      if (!existing) return notFound();
      const text = await readBody(req);
      const preconditionUid = text ? (JSON.parse(text) as Stored).preconditions?.uid : undefined;
      if (preconditionUid && preconditionUid !== existing.metadata.uid)
        return send(
          409,
          statusBody(409, "Conflict", "Precondition failed: UID in precondition does not match"),
        );
      if (resource.kind === "Namespace") {
        for (const r of registry.all().filter((x) => x.namespaced))
          for (const o of store.list(r, name)) store.remove(r, name, o.metadata.name);
      }
      if (resource.kind === "CustomResourceDefinition")
        registry.remove(existing.spec.group, existing.spec.names.plural);
      return send(200, store.remove(resource, namespace, name));
    }
    return send(405, statusBody(405, "MethodNotAllowed", `${req.method} is not served here`));
  }

  function serveList(
    resource: FakeResource,
    namespace: string | undefined,
    query: Record<string, string>,
    send: (s: number, b: unknown) => void,
  ) {
    let items = store.list(resource, namespace);
    for (const term of (query.labelSelector ?? "").split(",").filter(Boolean)) {
      const [key, value] = term.split("=") as [string, string];
      items = items.filter((item) => item.metadata.labels?.[key] === value);
    }
    let start = 0;
    let listRv = store.resourceVersion;
    if (query.continue) {
      const token = JSON.parse(Buffer.from(query.continue, "base64url").toString()) as {
        rv: number;
        start: number;
      };
      if (token.rv < store.oldestWatchable)
        return send(410, statusBody(410, "Expired", "The provided continue parameter is too old"));
      [start, listRv] = [token.start, token.rv];
    }
    const limit = query.limit ? Number(query.limit) : items.length;
    const page = items.slice(start, start + limit);
    const more = start + limit < items.length;
    return send(200, {
      kind: `${resource.kind}List`,
      apiVersion: apiVersionOf(resource),
      metadata: {
        resourceVersion: String(listRv),
        ...(more
          ? {
              continue: Buffer.from(JSON.stringify({ rv: listRv, start: start + limit })).toString(
                "base64url",
              ),
              remainingItemCount: items.length - start - limit,
            }
          : {}),
      },
      items: page,
    });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fake-kube.local");
    handle(req, res, url).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify(statusBody(500, "InternalError", String(error))));
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    store,
    requests,
    resource: find,
    /** A kubeconfig for this server, as client-node loads one from a file. */
    kubeconfig: () =>
      JSON.stringify({
        apiVersion: "v1",
        kind: "Config",
        clusters: [{ name: "fake", cluster: { server: url, "insecure-skip-tls-verify": true } }],
        users: [{ name: "agent", user: { token: `fake-${randomUUID()}` } }],
        contexts: [{ name: "fake", context: { cluster: "fake", user: "agent" } }],
        "current-context": "fake",
      }),
    /** Answers the next request matching `match` with `status`, once. */
    failNext(status: number, match: (r: RecordedRequest) => boolean = () => true) {
      injected.push({ status, match });
    },
    /** Stores an object as a controller would (no field manager of ours); for seeding and churn in tests. */
    put(plural: string, namespace: string | undefined, name: string, body: Stored = {}, group = "") {
      return store.apply({
        resource: find(plural, group),
        namespace,
        name,
        body: { metadata: { name, ...(namespace ? { namespace } : {}) }, ...body },
        manager: "kube-controller-manager",
        force: true,
        dryRun: false,
      });
    },
    /** Every object the server holds, of every resource it currently serves. */
    allObjects(): Stored[] {
      // A CRD served at two versions is two resources over the same objects.
      const byUid = new Map<string, Stored>();
      for (const resource of registry.all())
        for (const object of store.list(resource, undefined)) byUid.set(object.metadata.uid, object);
      return [...byUid.values()];
    },
    /** Watch streams open right now. */
    get openWatches() {
      return watchSockets.size;
    },
    /** Cuts the open watch streams mid-stream (lists and other requests are untouched). */
    dropWatches() {
      for (const socket of watchSockets) socket.destroy();
    },
    /** Cuts every open connection mid-flight, as a restarting API server or a dropped network would. */
    dropConnections() {
      for (const socket of sockets) socket.destroy();
    },
    close() {
      return new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      });
    },
  };
}

export type FakeKubeApiServer = Awaited<ReturnType<typeof startFakeKubeApiServer>>;
