import { bucketStart } from "@/lib/lag-history/tiers";

import { CLUSTER_TOTAL, type ThroughputStore } from "../throughput-types";
import { toThroughputPoint } from "../rows";
import { type Database, one } from "./connection";
import type { TransactionRunner } from "./transactions";

const POINT_COLUMNS = "at, ms, messages, bytes, peak_messages_per_second, peak_bytes_per_second";

// One statement per sample writes every tier's row: a bucket adds its intervals up and keeps the
// largest rate of one of them.
const UPSERT_TIERS = `
  INSERT INTO throughput_samples
    (series_id, resolution, at, ms, messages, bytes, peak_messages_per_second, peak_bytes_per_second)
  SELECT $1::bigint, tier.resolution, tier.at, $2::bigint, $3::bigint, $4::bigint,
         $5::double precision, $6::double precision
  FROM unnest($7::integer[], $8::bigint[]) AS tier (resolution, at)
  ON CONFLICT (series_id, resolution, at) DO UPDATE SET
    ms = throughput_samples.ms + excluded.ms,
    messages = throughput_samples.messages + excluded.messages,
    bytes = throughput_samples.bytes + excluded.bytes,
    peak_messages_per_second = greatest(throughput_samples.peak_messages_per_second, excluded.peak_messages_per_second),
    peak_bytes_per_second = greatest(throughput_samples.peak_bytes_per_second, excluded.peak_bytes_per_second)`;

export function createThroughputStore(db: Database, transaction: TransactionRunner): ThroughputStore {
  return {
    record(atSeconds, samples, tiers) {
      return transaction(async (tx) => {
        let rows = 0;
        for (const sample of samples) {
          const series = await one(
            tx,
            `INSERT INTO throughput_series (cluster, topic) VALUES ($1, $2)
             ON CONFLICT (cluster, topic) DO UPDATE SET cluster = excluded.cluster
             RETURNING id`,
            [sample.cluster, sample.topic],
          );
          const ms = Math.max(1, Math.round(sample.ms));
          await tx.query(UPSERT_TIERS, [
            series!.id,
            ms,
            sample.messages,
            sample.bytes,
            (sample.messages * 1000) / ms,
            (sample.bytes * 1000) / ms,
            tiers.map(({ resolutionSeconds }) => resolutionSeconds),
            tiers.map(({ resolutionSeconds }) => bucketStart(atSeconds, resolutionSeconds)),
          ]);
          rows += tiers.length;
        }
        return rows;
      });
    },

    prune(nowSeconds, tiers) {
      return transaction(async (tx) => {
        let deleted = 0;
        for (const { resolutionSeconds, keepSeconds } of tiers) {
          const result = await tx.query("DELETE FROM throughput_samples WHERE resolution = $1 AND at < $2", [
            resolutionSeconds,
            Math.floor(nowSeconds - keepSeconds),
          ]);
          deleted += result.rowCount ?? 0;
        }
        await tx.query(
          `DELETE FROM throughput_series
           WHERE NOT EXISTS (SELECT 1 FROM throughput_samples WHERE series_id = throughput_series.id)`,
        );
        return deleted;
      });
    },

    async series(cluster, topic, resolutionSeconds, sinceSeconds) {
      const since = Math.floor(sinceSeconds);
      if (topic === CLUSTER_TOTAL) {
        const { rows } = await db.query(
          `SELECT ${POINT_COLUMNS}
           FROM throughput_samples JOIN throughput_series ON throughput_series.id = series_id
           WHERE cluster = $1 AND topic = '' AND resolution = $2 AND at >= $3
           ORDER BY at`,
          [cluster, resolutionSeconds, since],
        );
        return rows.map(toThroughputPoint);
      }
      // A topic has rows only where it grew: the cluster's rows give every sampled time (and its
      // duration), the topic's counts are 0 where it has none. Its peak is its own.
      const { rows } = await db.query(
        `SELECT total.at, total.ms,
                coalesce(own.messages, 0) AS messages, coalesce(own.bytes, 0) AS bytes,
                coalesce(own.peak_messages_per_second, 0) AS peak_messages_per_second,
                coalesce(own.peak_bytes_per_second, 0) AS peak_bytes_per_second
         FROM throughput_series AS cluster_series
         JOIN throughput_samples AS total ON total.series_id = cluster_series.id
         LEFT JOIN throughput_series AS topic_series
           ON topic_series.cluster = cluster_series.cluster AND topic_series.topic = $1
         LEFT JOIN throughput_samples AS own
           ON own.series_id = topic_series.id AND own.resolution = total.resolution AND own.at = total.at
         WHERE cluster_series.cluster = $2 AND cluster_series.topic = '' AND total.resolution = $3 AND total.at >= $4
         ORDER BY total.at`,
        [topic, cluster, resolutionSeconds, since],
      );
      return rows.map(toThroughputPoint);
    },

    async topTopics(cluster, sinceSeconds, limit) {
      const { rows } = await db.query(
        `SELECT topic, sum(messages) AS messages, sum(bytes) AS bytes
         FROM throughput_series JOIN throughput_samples ON series_id = throughput_series.id
         WHERE cluster = $1 AND topic <> '' AND resolution = 0 AND at >= $2
         GROUP BY topic
         ORDER BY sum(messages) DESC, sum(bytes) DESC, topic
         LIMIT $3`,
        [cluster, Math.floor(sinceSeconds), Math.max(0, Math.trunc(limit))],
      );
      return rows.map((row) => ({
        topic: String(row.topic),
        messages: Number(row.messages),
        bytes: Number(row.bytes),
      }));
    },
  };
}
