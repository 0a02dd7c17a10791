import type { LagHistoryStore, LagPointRecord, LagSampleInput } from "../lag-history-types";
import { bucketStart } from "@/lib/lag-history/tiers";
import { type Database, one, type Row } from "./connection";
import type { TransactionRunner } from "./transactions";

/** Per partition as {"topic": [[partition, lag], …]}: a topic's name once per row, not per partition. */
function partitionsJson(partitions: LagSampleInput["partitions"]): string {
  const byTopic: Record<string, [number, number][]> = {};
  for (const { topic, partition, lag } of partitions) (byTopic[topic] ??= []).push([partition, Number(lag)]);
  return JSON.stringify(byTopic);
}

function partitionsOf(json: string): NonNullable<LagPointRecord["partitions"]> {
  const byTopic = JSON.parse(json) as Record<string, [number, number][]>;
  return Object.entries(byTopic).flatMap(([topic, pairs]) =>
    pairs.map(([partition, lag]) => ({ topic, partition, lag })),
  );
}

const nullableNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value));

// bigint columns arrive as strings, so a 64-bit lag keeps every digit.
function toPoint(row: Row, withPartitions: boolean): LagPointRecord {
  const point: LagPointRecord = {
    at: Number(row.at),
    lagLast: BigInt(String(row.lag_last)),
    lagMax: BigInt(String(row.lag_max)),
    timeLagLastMs: nullableNumber(row.time_lag_last_ms),
    timeLagMaxMs: nullableNumber(row.time_lag_max_ms),
  };
  if (withPartitions) point.partitions = partitionsOf(String(row.partitions));
  return point;
}

const POINT_COLUMNS = "at, lag_last, lag_max, time_lag_last_ms, time_lag_max_ms";

// One statement per sample writes every tier's row. A bucket keeps the largest and the last value;
// greatest() ignores a NULL time lag as SQLite's coalesce pair does.
const UPSERT_TIERS = `
  INSERT INTO group_lag_samples
    (series_id, resolution, at, lag_last, lag_max, time_lag_last_ms, time_lag_max_ms, partitions)
  SELECT $1::bigint, tier.resolution, tier.at, $2::bigint, $2::bigint, $3::bigint, $3::bigint, tier.partitions
  FROM unnest($4::integer[], $5::bigint[], $6::text[]) AS tier (resolution, at, partitions)
  ON CONFLICT (series_id, resolution, at) DO UPDATE SET
    lag_last = excluded.lag_last,
    lag_max = greatest(group_lag_samples.lag_max, excluded.lag_max),
    time_lag_last_ms = excluded.time_lag_last_ms,
    time_lag_max_ms = greatest(group_lag_samples.time_lag_max_ms, excluded.time_lag_max_ms),
    partitions = excluded.partitions`;

export function createLagHistoryStore(db: Database, transaction: TransactionRunner): LagHistoryStore {
  return {
    record(atSeconds, samples, tiers) {
      return transaction(async (tx) => {
        let rows = 0;
        for (const sample of samples) {
          const series = await one(
            tx,
            `INSERT INTO group_lag_series (cluster, group_id) VALUES ($1, $2)
             ON CONFLICT (cluster, group_id) DO UPDATE SET cluster = excluded.cluster
             RETURNING id`,
            [sample.cluster, sample.groupId],
          );
          const partitions = partitionsJson(sample.partitions);
          // Per partition only at full resolution: buckets keep totals (see lib/lag-history/tiers.ts).
          await tx.query(UPSERT_TIERS, [
            series!.id,
            sample.totalLag.toString(),
            sample.timeLagMs,
            tiers.map(({ resolutionSeconds }) => resolutionSeconds),
            tiers.map(({ resolutionSeconds }) => bucketStart(atSeconds, resolutionSeconds)),
            tiers.map(({ resolutionSeconds }) => (resolutionSeconds === 0 ? partitions : "{}")),
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
          const result = await tx.query("DELETE FROM group_lag_samples WHERE resolution = $1 AND at < $2", [
            resolutionSeconds,
            Math.floor(nowSeconds - keepSeconds),
          ]);
          deleted += result.rowCount ?? 0;
        }
        await tx.query(
          `DELETE FROM group_lag_series
           WHERE NOT EXISTS (SELECT 1 FROM group_lag_samples WHERE series_id = group_lag_series.id)`,
        );
        return deleted;
      });
    },

    async series(cluster, groupId, resolutionSeconds, sinceSeconds, options = {}) {
      const withPartitions = options.partitions === true;
      const { rows } = await db.query(
        `SELECT ${POINT_COLUMNS}${withPartitions ? ", partitions" : ""}
         FROM group_lag_samples JOIN group_lag_series ON group_lag_series.id = series_id
         WHERE cluster = $1 AND group_id = $2 AND resolution = $3 AND at >= $4
         ORDER BY at`,
        [cluster, groupId, resolutionSeconds, Math.floor(sinceSeconds)],
      );
      return rows.map((row) => toPoint(row, withPartitions));
    },

    async recent(cluster, groupIds, resolutionSeconds, sinceSeconds) {
      const points = new Map<string, LagPointRecord[]>();
      if (groupIds.length === 0) return points;
      const { rows } = await db.query(
        `SELECT group_id, ${POINT_COLUMNS}
         FROM group_lag_series JOIN group_lag_samples ON series_id = group_lag_series.id
         WHERE cluster = $1 AND group_id = ANY ($2::text[]) AND resolution = $3 AND at >= $4
         ORDER BY group_id, at`,
        [cluster, [...groupIds], resolutionSeconds, Math.floor(sinceSeconds)],
      );
      for (const row of rows) {
        const groupId = String(row.group_id);
        const list = points.get(groupId) ?? [];
        list.push(toPoint(row, false));
        points.set(groupId, list);
      }
      return points;
    },
  };
}
