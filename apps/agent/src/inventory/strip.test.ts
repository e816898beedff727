import { describe, expect, it } from "vitest";
import { LAST_APPLIED, stripObject } from "./strip";

describe("stripObject", () => {
  it("keeps a Secret's key names and none of its values, wherever kubectl copied them", () => {
    const secret = {
      metadata: {
        name: "db",
        namespace: "shop",
        uid: "u1",
        managedFields: [{ manager: "kubectl", fieldsV1: { "f:data": { "f:password": {} } } }],
        annotations: { [LAST_APPLIED]: '{"data":{"password":"aHVudGVyMg=="}}', team: "payments" },
      },
      type: "Opaque",
      data: { password: "aHVudGVyMg==", user: "YWRtaW4=" },
      stringData: { token: "plain-s3cret" },
    };
    const stripped = stripObject(secret, { apiVersion: "v1", kind: "Secret" });
    const text = JSON.stringify(stripped);
    for (const value of ["aHVudGVyMg==", "YWRtaW4=", "plain-s3cret", "hunter2"])
      expect(text).not.toContain(value);
    expect(stripped).toEqual({
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name: "db", namespace: "shop", uid: "u1", annotations: { team: "payments" } },
      type: "Opaque",
      dataKeys: ["password", "token", "user"],
    });
    // The input is not modified: the caller's copy is still whole.
    expect(secret.data.password).toBe("aHVudGVyMg==");
  });

  it("drops managedFields and the last-applied annotation, fills apiVersion and kind of list items", () => {
    const stripped = stripObject(
      {
        metadata: { name: "web", managedFields: [{}], annotations: { [LAST_APPLIED]: "{}" } },
        spec: { replicas: 2 },
        data: { kept: "configmap data stays" },
      },
      { apiVersion: "apps/v1", kind: "Deployment" },
    );
    expect(stripped).toEqual({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web" },
      spec: { replicas: 2 },
      data: { kept: "configmap data stays" },
    });
  });
});
