import type { LagHistoryStore, LagPointRecord, LagSampleInput } from "../lag-history-types";
import { bucketStart } from "@/lib/lag-history/tiers";
import { type Connection, type Row } from "./connection";
import type { Sync } from "./sync";

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

const nullableNumber = (value: Row[string] | undefined) =>
  value === null || value === undefined ? null : Number(value);

function toPoint(row: Row, withPartitions: boolean): LagPointRecord {
  const point: LagPointRecord = {
    at: Number(row.at),
    lagLast: BigInt(row.lag_last as bigint),
    lagMax: BigInt(row.lag_max as bigint),
    timeLagLastMs: nullableNumber(row.time_lag_last_ms),
    timeLagMaxMs: nullableNumber(row.time_lag_max_ms),
  };
  if (withPartitions) point.partitions = partitionsOf(String(row.partitions));
  return point;
}

const POINT_COLUMNS = "at, lag_last, lag_max, time_lag_last_ms, time_lag_max_ms";

export function createLagHistoryStore(
  { statement }: Connection,
  transaction: <T>(fn: () => T) => T,
): Sync<LagHistoryStore> {
  // Lags are 64-bit: read them as bigints, not as doubles.
  const reading = (sql: string) => {
    const prepared = statement(sql);
    prepared.setReadBigInts(true);
    return prepared;
  };

  return {
    record(atSeconds, samples, tiers) {
      return transaction(() => {
        const series = statement(
          `INSERT INTO group_lag_series (cluster, group_id) VALUES (?, ?)
           ON CONFLICT (cluster, group_id) DO UPDATE SET cluster = excluded.cluster
           RETURNING id`,
        );
        // A bucket keeps the largest and the last value; SQLite's max() of a NULL is NULL, hence coalesce.
        const upsert = statement(
          `INSERT INTO group_lag_samples
             (series_id, resolution, at, lag_last, lag_max, time_lag_last_ms, time_lag_max_ms, partitions)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (series_id, resolution, at) DO UPDATE SET
             lag_last = excluded.lag_last,
             lag_max = max(group_lag_samples.lag_max, excluded.lag_max),
             time_lag_last_ms = excluded.time_lag_last_ms,
             time_lag_max_ms = max(
               coalesce(group_lag_samples.time_lag_max_ms, excluded.time_lag_max_ms),
               coalesce(excluded.time_lag_max_ms, group_lag_samples.time_lag_max_ms)),
             partitions = excluded.partitions`,
        );
        let rows = 0;
        for (const sample of samples) {
          const id = Number(series.get(sample.cluster, sample.groupId)!.id);
          const partitions = partitionsJson(sample.partitions);
          for (const { resolutionSeconds } of tiers) {
            // Per partition only at full resolution: buckets keep totals (see lib/lag-history/tiers.ts).
            upsert.run(
              id,
              resolutionSeconds,
              bucketStart(atSeconds, resolutionSeconds),
              sample.totalLag,
              sample.totalLag,
              sample.timeLagMs,
              sample.timeLagMs,
              resolutionSeconds === 0 ? partitions : "{}",
            );
            rows += 1;
          }
        }
        return rows;
      });
    },

    prune(nowSeconds, tiers) {
      return transaction(() => {
        let deleted = 0;
        for (const { resolutionSeconds, keepSeconds } of tiers) {
          // Through the primary key, series by series: a scan of the whole table would hold the
          // (synchronous) store for a second or more at 1,000 groups.
          deleted += Number(
            statement(
              `DELETE FROM group_lag_samples
               WHERE series_id IN (SELECT id FROM group_lag_series) AND resolution = ? AND at < ?`,
            ).run(resolutionSeconds, Math.floor(nowSeconds - keepSeconds)).changes,
          );
        }
        statement(
          `DELETE FROM group_lag_series
           WHERE NOT EXISTS (SELECT 1 FROM group_lag_samples WHERE series_id = group_lag_series.id)`,
        ).run();
        return deleted;
      });
    },

    series(cluster, groupId, resolutionSeconds, sinceSeconds, options = {}) {
      const withPartitions = options.partitions === true;
      const rows = reading(
        `SELECT ${POINT_COLUMNS}${withPartitions ? ", partitions" : ""}
         FROM group_lag_samples JOIN group_lag_series ON group_lag_series.id = series_id
         WHERE cluster = ? AND group_id = ? AND resolution = ? AND at >= ?
         ORDER BY at`,
      ).all(cluster, groupId, resolutionSeconds, Math.floor(sinceSeconds));
      return rows.map((row) => toPoint(row, withPartitions));
    },

    recent(cluster, groupIds, resolutionSeconds, sinceSeconds) {
      const points = new Map<string, LagPointRecord[]>();
      if (groupIds.length === 0) return points;
      // One query for a page of groups; json_each keeps the statement's text (and its cache entry) fixed.
      const rows = reading(
        `SELECT group_id, ${POINT_COLUMNS}
         FROM group_lag_series JOIN group_lag_samples ON series_id = group_lag_series.id
         WHERE cluster = ? AND group_id IN (SELECT value FROM json_each(?)) AND resolution = ? AND at >= ?
         ORDER BY group_id, at`,
      ).all(cluster, JSON.stringify(groupIds), resolutionSeconds, Math.floor(sinceSeconds));
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
