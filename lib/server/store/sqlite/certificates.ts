// The CA's certificates, the certificates it issued and its CRLs.
import type { CertificateStore } from "../types";
import { toAuthority, toCertificate, toCrl } from "../rows";
import { type Connection, type Row, withConflict } from "./connection";
import type { Sync } from "./sync";

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (character) => `\\${character}`);

export function createCertificateStore({ db, statement, now }: Connection): Sync<CertificateStore> {
  return {
    getAuthority(role) {
      const row = statement("SELECT * FROM certificate_authority WHERE role = ?").get(role);
      return row ? toAuthority(row) : undefined;
    },

    putAuthority(record) {
      const row = withConflict(`the CA already has a ${record.role} certificate`, () =>
        statement(
          `INSERT INTO certificate_authority (role, certificate_pem, encrypted_key, created_at)
           VALUES (?, ?, ?, ?) RETURNING *`,
        ).get(record.role, record.certificatePem, record.encryptedKey, now()),
      );
      return toAuthority(row as Row);
    },

    insert(record) {
      const row = withConflict(`a certificate with serial ${record.serialNumber} already exists`, () =>
        statement(
          `INSERT INTO certificates (serial, common_name, subject, sans, key_algorithm, server_auth, source,
             issued_by, issued_at, not_before, not_after, certificate_pem, fingerprint)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        ).get(
          record.serialNumber,
          record.commonName,
          record.subject,
          JSON.stringify(record.subjectAltNames),
          record.keyAlgorithm,
          record.serverAuth ? 1 : 0,
          record.source,
          record.issuedBy,
          record.issuedAt,
          record.notBefore,
          record.notAfter,
          record.certificatePem,
          record.fingerprint,
        ),
      );
      return toCertificate(row as Row);
    },

    serialExists: (serialNumber) =>
      statement("SELECT 1 AS found FROM certificates WHERE serial = ?").get(serialNumber) !== undefined,

    find(serialNumber) {
      const row = statement("SELECT * FROM certificates WHERE serial = ?").get(serialNumber);
      return row ? toCertificate(row) : undefined;
    },

    query(query) {
      const conditions: string[] = [];
      const parameters: (string | number)[] = [];
      if (query.q) {
        const pattern = `%${escapeLike(query.q.toLowerCase())}%`;
        conditions.push(
          "(lower(common_name) LIKE ? ESCAPE '\\' OR serial LIKE ? ESCAPE '\\' OR lower(sans) LIKE ? ESCAPE '\\')",
        );
        parameters.push(pattern, pattern.replaceAll(":", ""), pattern);
      }
      if (query.status === "revoked") conditions.push("revoked_at IS NOT NULL");
      else if (query.status === "expired") {
        conditions.push("revoked_at IS NULL AND not_after <= ?");
        parameters.push(query.now);
      } else if (query.status === "expiring") {
        conditions.push("revoked_at IS NULL AND not_after > ? AND not_after <= ?");
        parameters.push(query.now, query.expiringBefore);
      } else if (query.status === "valid") {
        conditions.push("revoked_at IS NULL AND not_after > ?");
        parameters.push(query.expiringBefore);
      }
      const filter = conditions.length ? `WHERE ${conditions.join(" AND ")}` : "";
      const total = Number(
        db.prepare(`SELECT count(*) AS n FROM certificates ${filter}`).get(...parameters)?.n ?? 0,
      );
      const page = [...conditions];
      const pageParameters = [...parameters];
      if (query.after) {
        page.push("(issued_at < ? OR (issued_at = ? AND serial < ?))");
        pageParameters.push(query.after.issuedAt, query.after.issuedAt, query.after.serialNumber);
      }
      const rows = db
        .prepare(
          `SELECT * FROM certificates ${page.length ? `WHERE ${page.join(" AND ")}` : ""}
           ORDER BY issued_at DESC, serial DESC LIMIT ?`,
        )
        .all(...pageParameters, query.limit);
      return { certificates: rows.map(toCertificate), total };
    },

    revoke(serialNumber, at, reason) {
      const row = statement(
        `UPDATE certificates SET revoked_at = coalesce(revoked_at, ?),
           revocation_reason = coalesce(revocation_reason, ?) WHERE serial = ? RETURNING *`,
      ).get(at, reason, serialNumber);
      return row ? toCertificate(row) : undefined;
    },

    listRevoked: () =>
      statement("SELECT * FROM certificates WHERE revoked_at IS NOT NULL ORDER BY revoked_at, serial")
        .all()
        .map(toCertificate),

    saveCrl(crl) {
      const row = withConflict(`CRL number ${crl.id} is signed already`, () =>
        statement("INSERT INTO crl (id, der, this_update, next_update) VALUES (?, ?, ?, ?) RETURNING *").get(
          crl.id,
          crl.der,
          crl.thisUpdate,
          crl.nextUpdate,
        ),
      );
      return toCrl(row as Row);
    },

    latestCrl() {
      const row = statement("SELECT * FROM crl ORDER BY id DESC LIMIT 1").get();
      return row ? toCrl(row) : undefined;
    },

    nextCrlNumber: () =>
      Number(statement("SELECT coalesce(max(id), 0) + 1 AS next FROM crl").get()?.next ?? 1),
  };
}
