// The ACL page's work on 10,000 bindings, all in the browser: lint, the access checker, "who may
// do what on this topic", and a filter, as the page runs them.
import { filterBindings } from "../lib/acl/filter";
import { lintAcls } from "../lib/acl/lint";
import { checkAccess, whoCan } from "../lib/acl/matcher";
import type { AclBinding, AclOperation } from "../lib/acl/types";

const BINDINGS = 10_000;
const OPERATIONS: AclOperation[] = ["READ", "WRITE", "DESCRIBE", "ALL"];

function generate(): AclBinding[] {
  return Array.from({ length: BINDINGS }, (_, i) => ({
    principal: `User:app-${i % 400}`,
    host: i % 7 === 0 ? "10.0.0.1" : "*",
    resourceType: i % 5 === 0 ? "GROUP" : "TOPIC",
    resourceName: i % 11 === 0 ? `orders-${i % 50}` : `topic-${i % 2000}`,
    patternType: i % 11 === 0 ? "PREFIXED" : "LITERAL",
    operation: i % 5 === 0 ? "READ" : OPERATIONS[i % OPERATIONS.length]!,
    permission: i % 13 === 0 ? "DENY" : "ALLOW",
  }));
}

function time(label: string, runs: number, fn: () => void): void {
  const samples = Array.from({ length: runs }, () => {
    const began = performance.now();
    fn();
    return performance.now() - began;
  }).sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(2);
  console.log(`${label}: median ${at(0.5)} ms, p95 ${at(0.95)} ms (n=${runs})`);
}

export async function benchAclEvaluation(): Promise<void> {
  const bindings = generate();
  const topics = Array.from({ length: 1_000 }, (_, i) => `topic-${i}`);
  time(`lint ${BINDINGS} bindings`, 20, () =>
    lintAcls(bindings, { topics, groups: [], certificateCommonNames: ["app-1", "nobody"] }),
  );
  time(`check access against ${BINDINGS} bindings`, 200, () =>
    checkAccess(
      bindings,
      {
        principal: "User:app-7",
        host: "127.0.0.1",
        resourceType: "TOPIC",
        resourceName: "orders-7-eu",
        operation: "DESCRIBE",
      },
      { superUsers: ["User:kafka-console"] },
    ),
  );
  time(`who may do what on one topic, ${BINDINGS} bindings`, 50, () =>
    whoCan(bindings, { resourceType: "TOPIC", resourceName: "topic-42" }),
  );
  time(`filter ${BINDINGS} bindings by principal text`, 200, () => filterBindings(bindings, { q: "app-27" }));
}
