// The CA's certificates, the certificates it issued and its CRLs.
import type { CertificateStore } from "../types";
import { toAuthority, toCertificate, toCrl } from "../rows";
import { type Database, numeric, one, insertOrConflict } from "./connection";

/** Held from nextCrlNumber to the commit of the transaction that signs the CRL. */
const CRL_LOCK = "7106552003";

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (character) => `\\${character}`);

/** The query's WHERE conditions with $n placeholders numbered from `values`' length. */
function filterOf(query: Parameters<CertificateStore["query"]>[0], values: string[]): string[] {
  const conditions: string[] = [];
  const parameter = (value: string) => `$${values.push(value)}`;
  if (query.q) {
    const pattern = `%${escapeLike(query.q.toLowerCase())}%`;
    conditions.push(
      `(lower(common_name) LIKE ${parameter(pattern)} ESCAPE '\\' OR lower(serial) LIKE ${parameter(pattern.replaceAll(":", ""))} ESCAPE '\\' OR lower(sans) LIKE ${parameter(pattern)} ESCAPE '\\')`,
    );
  }
  if (query.status === "revoked") conditions.push("revoked_at IS NOT NULL");
  else if (query.status === "expired")
    conditions.push(`revoked_at IS NULL AND not_after <= ${parameter(query.now)}`);
  else if (query.status === "expiring")
    conditions.push(
      `revoked_at IS NULL AND not_after > ${parameter(query.now)} AND not_after <= ${parameter(query.expiringBefore)}`,
    );
  else if (query.status === "valid")
    conditions.push(`revoked_at IS NULL AND not_after > ${parameter(query.expiringBefore)}`);
  return conditions;
}

const where = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(" AND ")}` : "");

export function createCertificateStore(db: Database): CertificateStore {
  const findOne = async (sql: string, values: unknown[]) => {
    const row = await one(db, sql, values);
    return row ? toCertificate(row) : undefined;
  };
  return {
    async getAuthority(role) {
      const row = await one(db, "SELECT * FROM certificate_authority WHERE role = $1", [role]);
      return row ? toAuthority(row) : undefined;
    },

    async putAuthority(record) {
      const row = await insertOrConflict(
        db,
        `the CA already has a ${record.role} certificate`,
        `INSERT INTO certificate_authority (role, certificate_pem, encrypted_key, created_at)
           VALUES ($1, $2, $3, $4)`,
        [record.role, record.certificatePem, record.encryptedKey, db.now()],
      );
      return toAuthority(row);
    },

    async insert(record) {
      const row = await insertOrConflict(
        db,
        `a certificate with serial ${record.serialNumber} already exists`,
        `INSERT INTO certificates (serial, common_name, subject, sans, key_algorithm, server_auth, source,
             issued_by, issued_at, not_before, not_after, certificate_pem, fingerprint)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          record.serialNumber,
          record.commonName,
          record.subject,
          JSON.stringify(record.subjectAltNames),
          record.keyAlgorithm,
          record.serverAuth,
          record.source,
          record.issuedBy,
          record.issuedAt,
          record.notBefore,
          record.notAfter,
          record.certificatePem,
          record.fingerprint,
        ],
      );
      return toCertificate(row);
    },

    serialExists: async (serialNumber) =>
      (await one(db, "SELECT 1 AS found FROM certificates WHERE serial = $1", [serialNumber])) !== undefined,

    find: (serialNumber) => findOne("SELECT * FROM certificates WHERE serial = $1", [serialNumber]),

    async query(query) {
      const values: string[] = [];
      const conditions = filterOf(query, values);
      const total = numeric(
        (await one(db, `SELECT count(*) AS n FROM certificates ${where(conditions)}`, values))!,
        "n",
      );
      const pageValues = [...values];
      const page = [...conditions];
      if (query.after) {
        const issuedAt = `$${pageValues.push(query.after.issuedAt)}`;
        const serial = `$${pageValues.push(query.after.serialNumber)}`;
        page.push(`(issued_at < ${issuedAt} OR (issued_at = ${issuedAt} AND serial < ${serial}))`);
      }
      const { rows } = await db.query(
        `SELECT * FROM certificates ${where(page)}
         ORDER BY issued_at DESC, serial DESC LIMIT $${pageValues.length + 1}`,
        [...pageValues, query.limit],
      );
      return { certificates: rows.map(toCertificate), total };
    },

    revoke: (serialNumber, at, reason) =>
      findOne(
        `UPDATE certificates SET revoked_at = coalesce(revoked_at, $1),
           revocation_reason = coalesce(revocation_reason, $2) WHERE serial = $3 RETURNING *`,
        [at, reason, serialNumber],
      ),

    listRevoked: async () =>
      (
        await db.query("SELECT * FROM certificates WHERE revoked_at IS NOT NULL ORDER BY revoked_at, serial")
      ).rows.map(toCertificate),

    async saveCrl(crl) {
      const row = await insertOrConflict(
        db,
        `CRL number ${crl.id} is signed already`,
        "INSERT INTO crl (id, der, this_update, next_update) VALUES ($1, $2, $3, $4)",
        [crl.id, crl.der, crl.thisUpdate, crl.nextUpdate],
      );
      return toCrl(row);
    },

    async latestCrl() {
      const row = await one(db, "SELECT * FROM crl ORDER BY id DESC LIMIT 1");
      return row ? toCrl(row) : undefined;
    },

    // Inside the signing transaction, the lock holds off other replicas' signers until the commit
    // (store transactions take turns already; this keeps the promise types.ts makes on its own).
    async nextCrlNumber() {
      await db.query("SELECT pg_advisory_xact_lock($1)", [CRL_LOCK]);
      return numeric((await one(db, "SELECT coalesce(max(id), 0) + 1 AS next FROM crl"))!, "next");
    },
  };
}
