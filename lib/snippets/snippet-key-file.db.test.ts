import { describe, expect, it } from "vitest";
import { generateKey, uploadPublicKey } from "@/lib/keys/service";
import { generateKeySchema } from "@/lib/keys/schema";
import { makeEvent, makeTenant } from "@/test/factories";
import { rsaPair, spkiPem } from "@/test/keys";
import { snippetsForEvent } from "./service";

describe("the snippets name the private key file the admin has", () => {
  it("the download's name after a rotation to a generated key, the doc's frameable.key for a pasted one", async () => {
    const { ctx } = await makeTenant("admin");
    const event = await makeEvent(ctx);
    await uploadPublicKey(ctx, { eventSlug: event.slug, publicKey: spkiPem(rsaPair(2048).publicKey), label: null, activate: true });
    expect((await snippetsForEvent(ctx, event.slug)).description.privateKeyFile).toBe("./frameable.key");

    const generated = await generateKey(ctx, generateKeySchema.parse({ eventSlug: event.slug, keepPrivateKey: "discard", activate: true }));
    const { description, snippets } = await snippetsForEvent(ctx, event.slug);
    expect(generated.privateKey.fileName).toBe(`${event.slug}-${generated.key.kid.slice(0, 8).replace(/[^A-Za-z0-9_-]/g, "")}.key`);
    expect(description.privateKeyFile).toBe(`./${generated.privateKey.fileName}`);
    for (const snippet of snippets) expect(snippet.code).toContain(generated.privateKey.fileName);
    expect(snippets.map((s) => s.code).join("\n")).not.toContain("frameable.key");
  });
});
