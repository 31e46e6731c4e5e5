import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import * as audit from "@/app/api/v1/audit/route";
import { callApi, makeApiKey } from "@/test/api";
import { makeTenant, uid } from "@/test/factories";

/** RFC 4180 rows as objects keyed by the header (quoted cells, doubled quotes, CRLF), enough to read our own export back. */
function readCsv(text: string): Record<string, string>[] {
  const records: string[][] = [[]];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    records.at(-1)!.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endCell();
    else if (c === "\r" && text[i + 1] === "\n") {
      endCell();
      records.push([]);
      i++;
    } else cell += c;
  }
  if (cell !== "" || records.at(-1)!.length > 0) records.at(-1)!.push(cell);
  const [header, ...rows] = records.filter((r) => r.length > 0);
  return rows.map((r) => Object.fromEntries(header!.map((name, i) => [name, r[i] ?? ""])));
}

/** Entries written as the services would, at fixed instants (never the wall clock). */
async function seed(organizationId: string, eventSlug: string) {
  const at = (minute: number) => new Date(Date.UTC(2027, 3, 1, 15, minute));
  const base = { organizationId, actorType: "user", actorLabel: "ada@example.com" };
  await db.auditLog.createMany({
    data: [
      { ...base, action: "event.created", targetType: "event", targetLabel: "Spring Summit", eventSlug, createdAt: at(0) },
      {
        ...base,
        action: "event.updated",
        targetType: "event",
        targetLabel: "Spring Summit",
        eventSlug,
        createdAt: at(1),
        details: JSON.stringify({ changes: { leewaySeconds: [60, 30], requireExp: [true, false] } }),
      },
      { ...base, action: "key.uploaded", targetType: "signing_key", targetLabel: "Key QZYJbtt2", eventSlug, createdAt: at(2), details: JSON.stringify({ kid: "QZYJbtt2i7bAGgcpvUQwmOUEHNCCnUAsp3WfiVnHAQM", bits: 2048, source: "uploaded" }) },
      { ...base, action: "key.activated", targetType: "signing_key", targetLabel: "Key QZYJbtt2", eventSlug, createdAt: at(3), details: JSON.stringify({ from: "standby", to: "active" }) },
      { ...base, actorType: "api_key", actorLabel: "deploy bot", action: "link.issued", targetType: "issued_link", targetLabel: "=HYPERLINK(\"http://evil\")", eventSlug, createdAt: at(4) },
      { ...base, action: "member.role_changed", targetType: "member", targetLabel: "bob@example.com", createdAt: at(5), details: JSON.stringify({ from: "viewer", to: "admin" }) },
    ],
  });
}

async function setup() {
  const { ctx } = await makeTenant();
  const eventSlug = uid("ev");
  await seed(ctx.organizationId, eventSlug);
  const { key } = await makeApiKey(ctx, "viewer");
  return { ctx, eventSlug, key };
}

const WINDOW = "from=2027-04-01T00:00:00Z&to=2027-04-02T00:00:00Z";
const list = (key: string, query: string) => callApi(audit.GET, { key, path: `/audit?${query}` });

describe("/api/v1/audit", () => {
  it("lists the organization's entries newest first, with changes as before → after and labelled values", async () => {
    const { key } = await setup();
    const res = await list(key, WINDOW);
    expect(res.status).toBe(200);
    expect(res.json!.pagination).toEqual({ page: 1, pageSize: 25, total: 6, pageCount: 1 });
    const [role, link, activated, uploaded, updated] = res.json!.data;
    expect(role).toMatchObject({ action: "member.role_changed", description: "Changed a member's role", actor: { type: "user", label: "ada@example.com" }, target: { type: "member", label: "bob@example.com" } });
    expect(role.changes).toEqual([{ field: "from_to", label: "Role", before: "viewer", after: "admin" }]);
    expect(link.actor).toEqual({ type: "api_key", label: "deploy bot" });
    expect(activated.changes).toEqual([{ field: "from_to", label: "Status", before: "standby", after: "active" }]);
    expect(uploaded.values).toEqual([
      { field: "kid", label: "Key ID (kid)", value: "QZYJbtt2i7bAGgcpvUQwmOUEHNCCnUAsp3WfiVnHAQM" },
      { field: "bits", label: "Bits", value: "2,048" },
      { field: "source", label: "Source", value: "uploaded" },
    ]);
    expect(uploaded.details).toEqual({ kid: "QZYJbtt2i7bAGgcpvUQwmOUEHNCCnUAsp3WfiVnHAQM", bits: 2048, source: "uploaded" });
    expect(updated.changes).toEqual([
      { field: "leewaySeconds", label: "Clock-skew leeway", before: "1 minute", after: "30 seconds" },
      { field: "requireExp", label: "Tokens need exp", before: "yes", after: "no" },
    ]);
  });

  it("filters by action, area, actor, event, target and time, and pages", async () => {
    const { key, eventSlug } = await setup();
    const actions = async (query: string) => (await list(key, `${WINDOW}&${query}`)).json!.data.map((e: { action: string }) => e.action);
    expect(await actions("action=key.activated")).toEqual(["key.activated"]);
    expect(await actions("action=key.")).toEqual(["key.activated", "key.uploaded"]);
    expect(await actions("actor=deploy%20bot")).toEqual(["link.issued"]);
    expect(await actions(`event=${eventSlug}&action=event.`)).toEqual(["event.updated", "event.created"]);
    expect(await actions("q=bob")).toEqual(["member.role_changed"]);
    expect((await list(key, "from=2027-04-01T15:01:00Z&to=2027-04-01T15:03:00Z")).json!.data.map((e: { action: string }) => e.action)).toEqual(["key.uploaded", "event.updated"]);

    const second = await list(key, `${WINDOW}&pageSize=4&page=2`);
    expect(second.json!.pagination).toEqual({ page: 2, pageSize: 4, total: 6, pageCount: 2 });
    expect(second.json!.data.map((e: { action: string }) => e.action)).toEqual(["event.updated", "event.created"]);
  });

  it("exports the filtered entries as CSV with readable changes, guarding spreadsheet formulas", async () => {
    const { key } = await setup();
    const response = await audit.GET(new Request(`http://localhost/api/v1/audit?${WINDOW}&action=key.`, { headers: { authorization: `Bearer ${key}`, accept: "text/csv" } }), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain("audit-log.csv");
    const rows = readCsv(await response.text());
    expect(rows.map((r) => r.action)).toEqual(["key.activated", "key.uploaded"]);
    expect(rows[0]).toMatchObject({ at: "2027-04-01T15:03:00.000Z", actor: "ada@example.com", description: "Activated a signing key", changes: "Status: standby → active" });
    expect(rows[1]!.details).toBe("Key ID (kid): QZYJbtt2i7bAGgcpvUQwmOUEHNCCnUAsp3WfiVnHAQM; Bits: 2,048; Source: uploaded");

    const all = await audit.GET(new Request(`http://localhost/api/v1/audit?${WINDOW}&actor=deploy%20bot`, { headers: { authorization: `Bearer ${key}`, accept: "text/csv" } }), { params: Promise.resolve({}) });
    const [linkRow] = readCsv(await all.text());
    expect(linkRow!.target).toBe("'=HYPERLINK(\"http://evil\")");
  });

  it("shows only the key's own organization, to viewer keys too, and nothing without a key", async () => {
    const { key } = await setup();
    const other = await setup();
    const mine = await list(key, WINDOW);
    const theirs = await list(other.key, WINDOW);
    expect(mine.json!.data.map((e: { id: string }) => e.id)).not.toEqual(expect.arrayContaining([theirs.json!.data[0].id]));
    expect(mine.json!.pagination.total).toBe(6);
    expect((await callApi(audit.GET, { path: "/audit" })).status).toBe(401);
    expect((await callApi(audit.GET, { key: "not-a-key", path: "/audit" })).status).toBe(401);
  });

  it("refuses bad filters with 400 naming the field", async () => {
    const { key } = await setup();
    const field = async (query: string) => {
      const res = await list(key, query);
      expect(res.status, query).toBe(400);
      return res.json!.error.field;
    };
    expect(await field("action=key.exploded")).toBe("action");
    expect(await field("action=nope.")).toBe("action");
    expect(await field("pageSize=500")).toBe("pageSize");
    expect(await field("page=0")).toBe("page");
    expect(await field("page=two")).toBe("page");
    expect(await field("from=yesterday")).toBe("from");
    expect(await field("from=2027-04-02T00:00:00Z&to=2027-04-01T00:00:00Z")).toBe("from");
    expect((await list(key, "action=key.exploded")).json!.error.message).toContain("key.revoked");
  });
});
