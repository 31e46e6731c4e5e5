import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { organizationsOf } from "@/lib/tenancy/membership";
import { AppHeader } from "@/components/shell/app-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CreateOrganizationForm } from "@/components/orgs/create-organization-form";

export const metadata: Metadata = { title: "Organizations" };

export default async function OrganizationsPage() {
  const user = await requireUser("/orgs");
  const organizations = await organizationsOf(user.id);
  return (
    <>
      <AppHeader email={user.email} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-3xl space-y-6 px-4 py-10 outline-none sm:px-6">
        <h1 className="text-2xl font-semibold tracking-tight">Your organizations</h1>
        {organizations.length > 0 ? (
          <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-xs ring-1 ring-slate-200">
            {organizations.map((o) => (
              <li key={o.id}>
                <Link href={`/orgs/${o.slug}/events`} className="flex items-center justify-between px-5 py-4 hover:bg-slate-50">
                  <span>
                    <span className="font-medium text-slate-900">{o.name}</span>
                    <span className="ml-2 font-mono text-xs text-slate-500">{o.slug}</span>
                  </span>
                  <Badge tone={o.role === "viewer" ? "gray" : "indigo"}>{o.role}</Badge>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">
            You are not a member of any organization yet. Create one below, or open the invitation link an admin sent you.
          </p>
        )}
        <Card title="Create an organization" description="You become its owner. Invite colleagues from its Members page.">
          <CreateOrganizationForm />
        </Card>
      </main>
    </>
  );
}
