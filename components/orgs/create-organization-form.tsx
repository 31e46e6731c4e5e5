"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createOrganizationAction } from "@/lib/actions/organizations";
import { slugify } from "@/lib/events/schema";
import { ORGANIZATION_NAME_MAX } from "@/lib/orgs/schema";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { formValues, useAction } from "@/components/ui/use-action";

export function CreateOrganizationForm() {
  const router = useRouter();
  const { run, pending, error, fieldError } = useAction(createOrganizationAction);
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  return (
    <ActionForm
      className="grid gap-4 sm:grid-cols-2"
      onSubmit={(form) => {
        const values = formValues(form) as { name: string; slug: string };
        run(values, (data) => router.push(`/orgs/${data.slug}/events`));
      }}
    >
      <TextField
        label="Name"
        name="name"
        required
        maxLength={ORGANIZATION_NAME_MAX}
        error={fieldError("name")}
        onChange={(e) => {
          if (!slugEdited) setSlug(slugify(e.target.value).slice(0, 48));
        }}
      />
      <TextField
        label="Slug"
        name="slug"
        required
        maxLength={48}
        value={slug}
        onChange={(e) => {
          setSlug(e.target.value);
          setSlugEdited(true);
        }}
        hint="Used in dashboard URLs. Lowercase letters, digits and hyphens."
        error={fieldError("slug")}
      />
      <div className="space-y-3 sm:col-span-2">
        <FormError error={error} />
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create organization"}
        </Button>
      </div>
    </ActionForm>
  );
}
