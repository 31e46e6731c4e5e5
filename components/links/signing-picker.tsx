"use client";

import Link from "next/link";
import { useState } from "react";
import { importPrivateKey, MAX_PRIVATE_KEY_BYTES, type BrowserSigningKey } from "@/lib/links/browser-signing";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { SelectField } from "@/components/ui/field";
import { KeyDropBox } from "@/components/ui/key-drop-box";
import { RadioGroup, RadioOption } from "@/components/ui/radio-option";

export type SigningMode = "server" | "browser";
export interface PickerKey {
  id: string;
  kid: string;
  shortKid: string;
  label: string | null;
  keepsPrivateKey: boolean;
}

const keyName = (key: PickerKey) => `${key.shortKid}${key.label ? ` “${key.label}”` : ""}`;

/** WebCrypto exists only in secure contexts (https, or localhost). */
function subtleCrypto(): SubtleCrypto | null {
  return typeof globalThis.crypto?.subtle === "object" ? globalThis.crypto.subtle : null;
}

/**
 * Which key signs: one the dashboard keeps (the server decrypts it only to sign), or the admin's
 * own private key, read and used in this page only. The pasted text has no form name and is
 * cleared once imported: it is never part of any request.
 */
export function SigningPicker({
  mode,
  onModeChange,
  activeKeys,
  keyId,
  onKeyIdChange,
  browserKey,
  onBrowserKey,
  keysHref,
  error,
}: {
  mode: SigningMode;
  onModeChange: (mode: SigningMode) => void;
  activeKeys: PickerKey[];
  keyId: string;
  onKeyIdChange: (id: string) => void;
  browserKey: BrowserSigningKey | null;
  onBrowserKey: (key: BrowserSigningKey | null) => void;
  keysHref: string;
  error?: string;
}) {
  const kept = activeKeys.filter((k) => k.keepsPrivateKey);
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<{ message: string; command?: string } | null>(null);
  const [reading, setReading] = useState(false);
  const matched = browserKey ? activeKeys.find((k) => k.kid === browserKey.kid) : undefined;

  const load = async (value: string) => {
    setText(value);
    setProblem(null);
    if (!value.includes("-----END")) return;
    const subtle = subtleCrypto();
    if (!subtle) {
      setProblem({ message: "This browser only signs on a secure page: open the dashboard over https (or on localhost), or sign with a key the dashboard keeps." });
      return;
    }
    setReading(true);
    const imported = await importPrivateKey(subtle, value);
    setReading(false);
    if (!imported.ok) {
      setProblem(imported.error);
      return;
    }
    // The text is no longer needed: only the non-extractable CryptoKey stays in this page.
    setText("");
    onBrowserKey(imported.signingKey);
  };

  const option = (value: SigningMode, title: string, description: string, disabled: boolean) => (
    <RadioOption name="signing" value={value} title={title} checked={mode === value} onSelect={() => onModeChange(value)} disabled={disabled}>
      {description}
    </RadioOption>
  );

  return (
    <RadioGroup legend="Sign with" name="signing" error={error}>
      <div className="grid gap-2 sm:grid-cols-2">
        {option(
          "server",
          "A key the dashboard keeps",
          kept.length ? "Its private key is decrypted on the server only to sign this link." : "None of the active keys has a kept private key.",
          kept.length === 0,
        )}
        {option("browser", "My private key, in this browser", "Paste or drop it; it never leaves this page. The server learns only the link's details.", false)}
      </div>

      {mode === "server" && kept.length > 1 ? (
        <SelectField label="Key" name="keyId" value={keyId} onChange={(e) => onKeyIdChange(e.target.value)}>
          {kept.map((k) => (
            <option key={k.id} value={k.id}>
              {keyName(k)}
            </option>
          ))}
        </SelectField>
      ) : null}
      {mode === "server" && kept.length === 1 ? <p className="text-sm text-slate-600">Signs with key {keyName(kept[0]!)}.</p> : null}
      {kept.length === 0 ? (
        <p className="text-sm text-slate-600">
          To sign here without your own key, generate a key on the{" "}
          <Link href={keysHref} className="font-medium text-indigo-700 underline hover:no-underline">
            Keys page
          </Link>{" "}
          and let the dashboard keep an encrypted copy.
        </p>
      ) : null}

      {mode === "browser" ? (
        browserKey ? (
          <div className="space-y-2 rounded-md bg-slate-50 px-3 py-2.5 text-sm ring-1 ring-inset ring-slate-200" data-testid="browser-key">
            <p className="text-slate-800">
              Private key loaded in this page: {browserKey.bits} bits, kid <code className="font-mono text-xs">{browserKey.kid.slice(0, 8)}</code>.
            </p>
            {matched ? (
              <p className="text-emerald-800">It belongs to the active key {keyName(matched)}.</p>
            ) : (
              <p className="text-red-700" role="alert">
                It does not belong to any active key of this event, so the entry would refuse its links (unknown_key). Use the private key of an active key on the{" "}
                <Link href={keysHref} className="font-medium underline">
                  Keys page
                </Link>
                .
              </p>
            )}
            <Button variant="secondary" size="sm" onClick={() => onBrowserKey(null)}>
              Forget this key
            </Button>
          </div>
        ) : (
          <div className="space-y-1">
            {/* No name: the key is never part of a form submission. */}
            <KeyDropBox
              label="Private key (PEM)"
              testId="private-key-input"
              rows={6}
              value={text}
              onText={(value) => void load(value)}
              maxBytes={MAX_PRIVATE_KEY_BYTES}
              onTooLarge={() => setProblem({ message: "That file is larger than any private key (at most 16 KB)." })}
              invalid={Boolean(problem)}
              placeholder="Paste the private key file here (BEGIN RSA PRIVATE KEY … END RSA PRIVATE KEY)"
            />
            <p className="text-xs text-slate-500">
              {reading ? "Reading the key…" : "PKCS#1 (BEGIN RSA PRIVATE KEY, what the doc's ssh-keygen -m PEM writes) or PKCS#8. Drop the file here, or paste it. It stays in this page."}
            </p>
            {problem ? (
              <Alert tone="danger" title="This key cannot sign">
                <p>{problem.message}</p>
                {problem.command ? (
                  <div className="mt-2 flex flex-wrap items-center gap-2">
                    <code className="break-all rounded bg-white/70 px-2 py-1 font-mono text-xs">{problem.command}</code>
                    <CopyButton value={problem.command} label="Copy command" />
                  </div>
                ) : null}
              </Alert>
            ) : null}
          </div>
        )
      ) : null}
    </RadioGroup>
  );
}
