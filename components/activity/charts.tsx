"use client";

import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { keyName, percent } from "@/lib/activity/labels";
import type { ReasonCode } from "@/lib/tokens/reasons";

/**
 * The Activity tab's charts (recharts). Each chart has the same numbers as a table right behind it
 * ("Show as a table"), for screen readers and for anyone who wants exact figures.
 */
export interface ChartBucket {
  start: string;
  signedIn: number;
  refused: number;
  byReason: Partial<Record<ReasonCode, number>>;
  byKey: Record<string, number>;
}
export interface ChartKey {
  keyId: string | null;
  kid: string | null;
  label: string | null;
  status: string | null;
  signedIn: number;
  share: number;
}

// Colour-blind-safe categorical palette (Okabe–Ito), sign-ins always green. Its black is the
// palette's darkest text colour, which dark mode turns light: black on the dark card would vanish.
const SIGNED_IN = "#059669";
const PALETTE = ["#D55E00", "#E69F00", "#CC79A7", "#0072B2", "#56B4E9", "#009E73", "#F0E442", "var(--color-slate-900)", "#999999"];
// Grid lines and axes take the palette (globals.css turns it over for dark mode): axis lines and
// tick labels are currentColor, which ChartFrame sets to the secondary text colour.
const GRID = "var(--color-slate-200)";
const AXIS = "currentColor";
const TICK = { fontSize: 11, fill: AXIS };
// Legend names in text colour beside their swatch: series colours as text are too faint on one scheme or the other.
const LEGEND_LABEL = { color: "var(--color-slate-700)" };

function tick(iso: string, bucket: "minute" | "hour"): string {
  const d = new Date(iso);
  const time = d.toISOString().slice(11, 16);
  return bucket === "hour" && time === "00:00" ? d.toISOString().slice(5, 10) : time;
}

function ChartFrame({ title, description, children, table }: { title: string; description: string; children: React.ReactNode; table: React.ReactNode }) {
  return (
    <figure className="min-w-0 space-y-2">
      <figcaption>
        <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
        <p className="text-xs text-slate-600">{description}</p>
      </figcaption>
      {/* The chart is a picture of the table below it; inert keeps its focusable SVG out of the tab order too. */}
      <div className="h-56 w-full text-slate-600" aria-hidden inert>
        {children}
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-xs font-medium text-indigo-700 hover:underline">Show as a table</summary>
        <div className="mt-2 max-h-64 overflow-auto rounded-md ring-1 ring-slate-200">{table}</div>
      </details>
    </figure>
  );
}

function DataTable({ caption, headers, rows }: { caption: string; headers: string[]; rows: Array<Array<string | number>> }) {
  return (
    <table className="min-w-full text-xs">
      <caption className="sr-only">{caption}</caption>
      <thead className="sticky top-0 bg-slate-50">
        <tr>
          {headers.map((h) => (
            <th key={h} scope="col" className="px-2 py-1.5 text-left font-semibold text-slate-600">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) => (
              <td key={j} className="px-2 py-1 tabular-nums text-slate-800">
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Sign-ins and refusals per minute (or hour), refusals stacked by reason. */
export function SignInsChart({ buckets, bucket, reasons }: { buckets: ChartBucket[]; bucket: "minute" | "hour"; reasons: ReasonCode[] }) {
  const data = buckets.map((b) => ({ t: tick(b.start, bucket), signedIn: b.signedIn, ...b.byReason }));
  const unit = bucket === "hour" ? "hour" : "minute";
  return (
    <ChartFrame
      title={`Sign-ins and refusals per ${unit}`}
      description="Green: signed in. Refusals are stacked by reason."
      table={
        <DataTable
          caption={`Sign-ins and refusals per ${unit}`}
          headers={[`${unit === "hour" ? "Hour" : "Minute"} (UTC)`, "Signed in", "Refused", ...reasons]}
          rows={buckets.filter((b) => b.signedIn || b.refused).map((b) => [tick(b.start, bucket), b.signedIn, b.refused, ...reasons.map((r) => b.byReason[r] ?? 0)])}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={GRID} />
          <XAxis dataKey="t" stroke={AXIS} tick={TICK} minTickGap={24} />
          <YAxis allowDecimals={false} stroke={AXIS} tick={TICK} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 11 }} labelStyle={LEGEND_LABEL} />
          <Bar dataKey="signedIn" name="Signed in" stackId="in" fill={SIGNED_IN} isAnimationActive={false} />
          {reasons.map((reason, i) => (
            <Bar key={reason} dataKey={reason} name={reason} stackId="out" fill={PALETTE[i % PALETTE.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

/** Each key's share of sign-ins over time: the rotation progress. */
export function KeyShareChart({ buckets, bucket, keys }: { buckets: ChartBucket[]; bucket: "minute" | "hour"; keys: ChartKey[] }) {
  const ids = keys.map((k) => k.keyId ?? "");
  const withSignIns = buckets.filter((b) => b.signedIn > 0);
  const data = withSignIns.map((b) => ({ t: tick(b.start, bucket), ...Object.fromEntries(ids.map((id) => [id || "unknown", b.byKey[id] ?? 0])) }));
  const top = keys[0];
  return (
    <ChartFrame
      title="Each key's share of sign-ins"
      description={top ? `${percent(top.share)} of sign-ins in this window use key ${keyName(top)}${top.status === "retired" ? ", a retired key" : ""}.` : "No sign-ins in this window."}
      table={
        <DataTable
          caption="Each key's share of sign-ins"
          headers={[`${bucket === "hour" ? "Hour" : "Minute"} (UTC)`, ...keys.map((k) => `${keyName(k)}${k.status ? ` · ${k.status}` : ""}`)]}
          rows={withSignIns.map((b) => [tick(b.start, bucket), ...ids.map((id) => (b.signedIn ? percent((b.byKey[id] ?? 0) / b.signedIn) : "—"))])}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={data} stackOffset="expand" margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={GRID} />
          <XAxis dataKey="t" stroke={AXIS} tick={TICK} minTickGap={24} />
          <YAxis tickFormatter={(v: number) => `${Math.round(v * 100)}%`} stroke={AXIS} tick={TICK} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 11 }} labelStyle={LEGEND_LABEL} />
          {keys.map((k, i) => (
            <Area
              key={k.keyId ?? "unknown"}
              type="stepAfter"
              dataKey={k.keyId || "unknown"}
              name={`${keyName(k)}${k.status ? ` · ${k.status}` : ""}`}
              stackId="keys"
              stroke={PALETTE[(i + 3) % PALETTE.length]}
              fill={PALETTE[(i + 3) % PALETTE.length]}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

/** Refusals by reason, largest first. */
export function ReasonsChart({ byReason }: { byReason: Partial<Record<ReasonCode, number>> }) {
  const data = Object.entries(byReason)
    .map(([reason, count]) => ({ reason, count: count ?? 0 }))
    .sort((a, b) => b.count - a.count);
  return (
    <ChartFrame
      title="Refusals by reason"
      description={data.length ? `${data.reduce((n, d) => n + d.count, 0)} refusals in this window.` : "No refusals in this window."}
      table={<DataTable caption="Refusals by reason" headers={["Reason", "Refusals"]} rows={data.map((d) => [d.reason, d.count])} />}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke={GRID} />
          <XAxis type="number" allowDecimals={false} stroke={AXIS} tick={TICK} />
          <YAxis type="category" dataKey="reason" width={110} stroke={AXIS} tick={TICK} />
          <Tooltip />
          <Bar dataKey="count" name="Refusals" fill="#D55E00" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
