import { bucketStart } from "@/lib/lag-history/tiers";

import { CLUSTER_TOTAL, type ThroughputStore } from "../throughput-types";
import { toThroughputPoint } from "../rows";
import { type Connection } from "./connection";
import type { Sync } from "./sync";

const POINT_COLUMNS = "at, ms, messages, bytes, peak_messages_per_second, peak_bytes_per_second";

export function createThroughputStore(
  { statement }: Connection,
  transaction: <T>(fn: () => T) => T,
): Sync<ThroughputStore> {
  return {
    record(atSeconds, samples, tiers) {
      return transaction(() => {
        const series = statement(
          `INSERT INTO throughput_series (cluster, topic) VALUES (?, ?)
           ON CONFLICT (cluster, topic) DO UPDATE SET cluster = excluded.cluster
           RETURNING id`,
        );
        // A bucket adds its intervals up and keeps the largest rate of one of them.
        const upsert = statement(
          `INSERT INTO throughput_samples
             (series_id, resolution, at, ms, messages, bytes, peak_messages_per_second, peak_bytes_per_second)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (series_id, resolution, at) DO UPDATE SET
             ms = throughput_samples.ms + excluded.ms,
             messages = throughput_samples.messages + excluded.messages,
             bytes = throughput_samples.bytes + excluded.bytes,
             peak_messages_per_second = max(throughput_samples.peak_messages_per_second, excluded.peak_messages_per_second),
             peak_bytes_per_second = max(throughput_samples.peak_bytes_per_second, excluded.peak_bytes_per_second)`,
        );
        let rows = 0;
        for (const sample of samples) {
          const id = Number(series.get(sample.cluster, sample.topic)!.id);
          const ms = Math.max(1, Math.round(sample.ms));
          for (const { resolutionSeconds } of tiers) {
            upsert.run(
              id,
              resolutionSeconds,
              bucketStart(atSeconds, resolutionSeconds),
              ms,
              sample.messages,
              sample.bytes,
              (sample.messages * 1000) / ms,
              (sample.bytes * 1000) / ms,
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
          // Through the primary key, series by series, as the lag history does.
          deleted += Number(
            statement(
              `DELETE FROM throughput_samples
               WHERE series_id IN (SELECT id FROM throughput_series) AND resolution = ? AND at < ?`,
            ).run(resolutionSeconds, Math.floor(nowSeconds - keepSeconds)).changes,
          );
        }
        statement(
          `DELETE FROM throughput_series
           WHERE NOT EXISTS (SELECT 1 FROM throughput_samples WHERE series_id = throughput_series.id)`,
        ).run();
        return deleted;
      });
    },

    series(cluster, topic, resolutionSeconds, sinceSeconds) {
      const since = Math.floor(sinceSeconds);
      if (topic === CLUSTER_TOTAL)
        return statement(
          `SELECT ${POINT_COLUMNS}
           FROM throughput_samples JOIN throughput_series ON throughput_series.id = series_id
           WHERE cluster = ? AND topic = '' AND resolution = ? AND at >= ?
           ORDER BY at`,
        )
          .all(cluster, resolutionSeconds, since)
          .map(toThroughputPoint);
      // A topic has rows only where it grew: the cluster's rows give every sampled time (and its
      // duration), the topic's counts are 0 where it has none. Its peak is its own.
      return statement(
        `SELECT total.at, total.ms,
                coalesce(own.messages, 0) AS messages, coalesce(own.bytes, 0) AS bytes,
                coalesce(own.peak_messages_per_second, 0) AS peak_messages_per_second,
                coalesce(own.peak_bytes_per_second, 0) AS peak_bytes_per_second
         FROM throughput_series AS cluster_series
         JOIN throughput_samples AS total ON total.series_id = cluster_series.id
         LEFT JOIN throughput_series AS topic_series
           ON topic_series.cluster = cluster_series.cluster AND topic_series.topic = ?
         LEFT JOIN throughput_samples AS own
           ON own.series_id = topic_series.id AND own.resolution = total.resolution AND own.at = total.at
         WHERE cluster_series.cluster = ? AND cluster_series.topic = '' AND total.resolution = ? AND total.at >= ?
         ORDER BY total.at`,
      )
        .all(topic, cluster, resolutionSeconds, since)
        .map(toThroughputPoint);
    },

    topTopics(cluster, sinceSeconds, limit) {
      return statement(
        `SELECT topic, sum(messages) AS messages, sum(bytes) AS bytes
         FROM throughput_series JOIN throughput_samples ON series_id = throughput_series.id
         WHERE cluster = ? AND topic <> '' AND resolution = 0 AND at >= ?
         GROUP BY topic
         ORDER BY sum(messages) DESC, sum(bytes) DESC, topic
         LIMIT ?`,
      )
        .all(cluster, Math.floor(sinceSeconds), Math.max(0, Math.trunc(limit)))
        .map((row) => ({
          topic: String(row.topic),
          messages: Number(row.messages),
          bytes: Number(row.bytes),
        }));
    },
  };
}
