import { describe, expect, it } from "vitest";
import { effectiveFeatures, featureSettings, tokenPolicyOf } from "./policy";

const flags = (organization: [boolean, boolean], event: [boolean, boolean]) => ({
  transcriptionEnabled: event[0],
  interpretationEnabled: event[1],
  organization: { transcriptionEnabled: organization[0], interpretationEnabled: organization[1] },
});

describe("event policy and features", () => {
  it("turns a feature on only when the organization AND the event do", () => {
    expect(effectiveFeatures(flags([true, true], [true, false]))).toEqual({ transcription: true, interpretation: false });
    expect(effectiveFeatures(flags([false, true], [true, true]))).toEqual({ transcription: false, interpretation: true });
    expect(featureSettings(flags([false, true], [true, false]))).toEqual({
      effective: { transcription: false, interpretation: false },
      organization: { transcription: false, interpretation: true },
      event: { transcription: true, interpretation: false },
    });
  });

  it("reads the token policy out of the event row, and nothing else", () => {
    const cutoff = new Date("2027-04-01T15:00:00Z");
    const row = { id: "e1", name: "x", requireExp: false, leewaySeconds: 30, oneOffLifetimeSeconds: 120, longLivedMaxSeconds: 3600, rejectTokensIssuedBefore: cutoff };
    expect(tokenPolicyOf(row)).toEqual({ requireExp: false, leewaySeconds: 30, oneOffLifetimeSeconds: 120, longLivedMaxSeconds: 3600, rejectTokensIssuedBefore: cutoff });
  });
});
