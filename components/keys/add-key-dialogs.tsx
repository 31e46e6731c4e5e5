"use client";

import { createContext, useContext, useState } from "react";
import { Button } from "@/components/ui/button";
import { GenerateKeyDialog } from "./generate-key-dialog";
import { PasteKeyDialog } from "./paste-key-dialog";

type Which = "generate" | "paste" | null;
const AddKeyContext = createContext<((which: Which) => void) | null>(null);

/**
 * The generate and paste dialogs, mounted once for the whole Keys page. Buttons anywhere on the page
 * (the card header, the Next box) open them; adding a key changes the Next box, and a dialog that lived
 * inside it would vanish mid-way (before its private key download, or its "Done").
 */
export function AddKeyDialogs({ orgSlug, eventSlug, hasActiveKey, children }: { orgSlug: string; eventSlug: string; hasActiveKey: boolean; children: React.ReactNode }) {
  const [which, setWhich] = useState<Which>(null);
  return (
    <AddKeyContext.Provider value={setWhich}>
      {children}
      <GenerateKeyDialog orgSlug={orgSlug} eventSlug={eventSlug} hasActiveKey={hasActiveKey} open={which === "generate"} onOpenChange={(o) => setWhich(o ? "generate" : null)} />
      <PasteKeyDialog orgSlug={orgSlug} eventSlug={eventSlug} hasActiveKey={hasActiveKey} open={which === "paste"} onOpenChange={(o) => setWhich(o ? "paste" : null)} />
    </AddKeyContext.Provider>
  );
}

/** "Generate key" and "Paste a public key", opening the page's one pair of dialogs. */
export function AddKeyButtons({ size }: { size?: "sm" }) {
  const open = useContext(AddKeyContext);
  if (!open) return null;
  return (
    <div className="flex flex-wrap gap-2">
      <Button size={size} onClick={() => open("generate")}>
        Generate key
      </Button>
      <Button size={size} variant="secondary" onClick={() => open("paste")}>
        Paste a public key
      </Button>
    </div>
  );
}
