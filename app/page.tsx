import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { organizationsOf } from "@/lib/tenancy/membership";

export default async function Home() {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const organizations = await organizationsOf(user.id);
  redirect(organizations.length === 1 ? `/orgs/${organizations[0]!.slug}/events` : "/orgs");
}
