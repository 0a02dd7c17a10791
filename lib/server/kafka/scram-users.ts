import "server-only";

// SCRAM users of a cluster: their credentials (DescribeUserScramCredentials, ApiKey 50) and the
// changes (AlterUserScramCredentials, ApiKey 51), which @platformatic/kafka encodes but its Admin does
// not expose, so they go through sendRaw. The salted password is computed here (lib/scram); the
// password itself is never logged, audited or put in an error, and a generated one is answered once.
// Every change is audited with the credentials before and after.
import type { Admin } from "@platformatic/kafka";

import { recordAudit, type Principal } from "@/lib/server/auth";
import {
  generateScramPassword,
  mechanismName,
  SCRAM_MECHANISM_CODES,
  scramCredential,
} from "@/lib/scram/scram-credential";
import type {
  ScramCredentialInfo,
  ScramDeleteInput,
  ScramUpsertInput,
  ScramUser,
  ScramUserUpserted,
} from "@/lib/schemas/scram-users";

import type { ClusterResult } from "./cluster-pool";
import { problemResult } from "./errors/problem-status";
import { withClusterAdmin } from "./pooled-clients";
import { responseWithErrorsUnder, sendRaw } from "./raw-request";
import { securityFailure, kafkaRefusal, type SecurityResult } from "./security-results";

interface DescribeAnswer {
  results: {
    user: string;
    errorCode: number;
    credentialInfos: { mechanism: number; iterations: number }[];
  }[];
}

export interface ScramUserDeleted {
  cluster: string;
  user: string;
  /** The credentials that went. */
  deleted: ScramCredentialInfo[];
  /** What the user keeps (another mechanism), if anything. */
  remaining: ScramCredentialInfo[];
}

function describeUsers(admin: Admin, users: string[] | null): Promise<ScramUser[]> {
  return sendRaw<DescribeAnswer>(admin, {
    api: "DescribeUserScramCredentials",
    args: [users && users.map((name) => ({ name }))],
    // A user without credentials is RESOURCE_NOT_FOUND in its own result, not a failed request.
    keepPartial: (error) => responseWithErrorsUnder<DescribeAnswer>("/results/", error),
  }).then((answer) =>
    answer.results
      .filter((result) => result.errorCode === 0)
      .map((result) => ({
        user: result.user,
        credentials: result.credentialInfos.map((info) => ({
          mechanism: mechanismName(info.mechanism),
          iterations: info.iterations,
        })),
      }))
      .sort((a, b) => a.user.localeCompare(b.user)),
  );
}

/** Every SCRAM user and their mechanisms and iterations, by name. */
export async function listScramUsers(cluster: string): Promise<ClusterResult<ScramUser[]>> {
  return withClusterAdmin(cluster, (admin) => describeUsers(admin, null), {
    cluster,
    operation: "DESCRIBE",
    resourceName: "kafka-cluster",
  });
}

const credentialsText = (credentials: ScramCredentialInfo[]) =>
  credentials.map((info) => `${info.mechanism}/${info.iterations}`).join(", ") || "none";

async function currentCredentials(
  cluster: string,
  user: string,
): Promise<SecurityResult<ScramCredentialInfo[]>> {
  const described = await withClusterAdmin(cluster, (admin) => describeUsers(admin, [user]), {
    cluster,
    operation: "DESCRIBE",
    resourceName: "kafka-cluster",
  });
  if (!described.ok) return problemResult(described.problem);
  return { ok: true, data: described.data.find((found) => found.user === user)?.credentials ?? [] };
}

async function alter(
  cluster: string,
  deletions: { name: string; mechanism: number }[],
  upsertions: { name: string; mechanism: number; iterations: number; salt: Buffer; saltedPassword: Buffer }[],
): Promise<SecurityResult<null>> {
  let kafkaError: unknown;
  const result = await withClusterAdmin(
    cluster,
    (admin) =>
      sendRaw(admin, { api: "AlterUserScramCredentials", args: [deletions, upsertions] }).catch(
        (error: unknown) => {
          kafkaError = error;
          throw error;
        },
      ),
    { cluster, operation: "ALTER", resourceName: "kafka-cluster" },
  );
  if (result.ok) return { ok: true, data: null };
  return kafkaRefusal(kafkaError, "credential") ?? problemResult(result.problem);
}

/** Creates the user's credential for a mechanism, or replaces it (a new password). Admin; audited. */
export async function upsertScramUser(
  cluster: string,
  input: ScramUpsertInput,
  actor: Principal,
): Promise<SecurityResult<ScramUserUpserted>> {
  const { user, mechanism, iterations } = input;
  const audit = (outcome: "success" | "failure", details: Record<string, string | number>) =>
    recordAudit({
      actor: actor.actor,
      action: "scramUser.upsert",
      target: user,
      outcome,
      details: { cluster, mechanism, iterations, ...details },
    });
  const before = await currentCredentials(cluster, user);
  if (!before.ok) {
    await audit("failure", { code: before.code });
    return before;
  }
  const generatedPassword = input.password === undefined ? generateScramPassword() : undefined;
  const credential = scramCredential(mechanism, input.password ?? generatedPassword!, iterations);
  const altered = await alter(
    cluster,
    [],
    [{ name: user, mechanism: SCRAM_MECHANISM_CODES[mechanism], ...credential }],
  );
  const source = generatedPassword ? "generated" : "typed";
  if (!altered.ok) {
    await audit("failure", { code: altered.code, password: source });
    return altered;
  }
  const after = [
    ...before.data.filter((info) => info.mechanism !== mechanism),
    { mechanism, iterations },
  ].sort((a, b) => a.mechanism.localeCompare(b.mechanism));
  await audit("success", {
    before: credentialsText(before.data),
    after: credentialsText(after),
    password: source,
  });
  const created = before.data.length === 0;
  return {
    ok: true,
    data: { cluster, user, mechanism, iterations, created, ...(generatedPassword && { generatedPassword }) },
  };
}

/** Deletes one mechanism's credential, or all of the user's. Admin; audited. */
export async function deleteScramUser(
  cluster: string,
  input: ScramDeleteInput,
  actor: Principal,
): Promise<SecurityResult<ScramUserDeleted>> {
  const { user, mechanism } = input;
  const audit = (outcome: "success" | "failure", details: Record<string, string | number>) =>
    recordAudit({
      actor: actor.actor,
      action: "scramUser.delete",
      target: user,
      outcome,
      details: { cluster, mechanism: mechanism ?? "all", ...details },
    });
  const before = await currentCredentials(cluster, user);
  if (!before.ok) {
    await audit("failure", { code: before.code });
    return before;
  }
  const going = before.data.filter(
    (info) => info.mechanism !== "UNKNOWN" && (mechanism === undefined || info.mechanism === mechanism),
  );
  if (going.length === 0) {
    const refusal = securityFailure(
      404,
      "RESOURCE_NOT_FOUND",
      mechanism
        ? `User ${user} has no ${mechanism} credential on ${cluster}.`
        : `User ${user} has no SCRAM credentials on ${cluster}.`,
    );
    await audit("failure", { code: refusal.code });
    return refusal;
  }
  const altered = await alter(
    cluster,
    going.map((info) => ({
      name: user,
      mechanism: SCRAM_MECHANISM_CODES[info.mechanism as keyof typeof SCRAM_MECHANISM_CODES],
    })),
    [],
  );
  if (!altered.ok) {
    await audit("failure", { code: altered.code });
    return altered;
  }
  const remaining = before.data.filter((info) => !going.includes(info));
  await audit("success", { before: credentialsText(before.data), after: credentialsText(remaining) });
  return { ok: true, data: { cluster, user, deleted: going, remaining } };
}
