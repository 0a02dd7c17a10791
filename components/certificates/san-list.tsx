import type { SubjectAltName } from "@/lib/schemas/certificates";

const PREFIX: Record<SubjectAltName["type"], string> = { dns: "DNS", ip: "IP", email: "email", uri: "URI" };

export const sanText = (san: SubjectAltName) => `${PREFIX[san.type]}:${san.value}`;

/** SANs as text, one per line; "—" when there are none. */
export function SanList({ sans, limit }: { sans: SubjectAltName[]; limit?: number }) {
  if (sans.length === 0) return <span className="text-zinc-500 dark:text-zinc-400">—</span>;
  const shown = limit === undefined ? sans : sans.slice(0, limit);
  return (
    <ul className="space-y-0.5">
      {shown.map((san) => (
        <li key={sanText(san)} className="font-mono text-xs break-all">
          {sanText(san)}
        </li>
      ))}
      {shown.length < sans.length && (
        <li className="text-xs text-zinc-500 dark:text-zinc-400">and {sans.length - shown.length} more</li>
      )}
    </ul>
  );
}
