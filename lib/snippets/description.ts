import { sampleValueFor } from "@/lib/profile/sample";

/**
 * The one description every integration snippet is generated from: this event's entry URL, the
 * kid of the key to sign with, its profile fields with sample values, and the doc's advice (a
 * token of about 300 s, minted when the user clicks, sent along with a 302 redirect).
 */
export const SNIPPET_EXPIRY_SECONDS = 300;
export const SNIPPET_PATH = "/join-event";
export const KEY_ID_PLACEHOLDER = "YOUR_KEY_ID";
/** The doc's file name for the private key (`ssh-keygen … -f frameable.key`). */
export const PRIVATE_KEY_FILE = "./frameable.key";

export interface SnippetDescription {
  eventName: string;
  /** https://…/e/{slug}: the token is appended as ?token=… */
  entryUrl: string;
  /** The kid of the event's active key, or the placeholder when it has none. */
  kid: string;
  expirySeconds: number;
  path: string;
  privateKeyFile: string;
  /** The signed-in user of the host's platform, as the snippet's stand-in session lookup returns it. */
  user: {
    displayName: string;
    email: string;
    /** In the event's field order. */
    userProfile: Array<[string, string]>;
  };
}

export function describeSnippets(input: {
  eventName: string;
  entryBaseUrl: string;
  eventSlug: string;
  kid: string | null;
  fields: ReadonlyArray<{ key: string; label: string; kind: string }>;
  /** The file the key's private half is in: the download's name for a key generated here, else the doc's. */
  privateKeyFile?: string;
}): SnippetDescription {
  return {
    eventName: input.eventName,
    entryUrl: `${input.entryBaseUrl.replace(/\/$/, "")}/e/${input.eventSlug}`,
    kid: input.kid ?? KEY_ID_PLACEHOLDER,
    expirySeconds: SNIPPET_EXPIRY_SECONDS,
    path: SNIPPET_PATH,
    privateKeyFile: input.privateKeyFile ?? PRIVATE_KEY_FILE,
    user: {
      displayName: "Larry David",
      email: "larry@example.com",
      userProfile: input.fields.map((f): [string, string] => [f.key, sampleValueFor(f)]),
    },
  };
}
