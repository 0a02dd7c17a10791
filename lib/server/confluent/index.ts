import "server-only";

// Confluent REST Proxy compatibility (issue 15): the shared framework of the /kafka/v3 and /v3 routes
// (app/kafka/v3/…) and the v2 consumer routes: Confluent's error shape and codes, the route wrapper
// on guardedRoute, and the builders of kind, metadata and related links.
export * from "./errors";
export * from "./resources";
export {
  confluentRoute,
  confluentJson,
  linksFor,
  answeredContentType,
  toConfluentResponse,
  V3_CONTENT_TYPE,
} from "./route";
export {
  resolveCluster,
  resolveClusterRecently,
  kafkaCluster,
  clusterCrn,
  type ResolvedCluster,
} from "./clusters";
export * from "./shapes";
export * from "./requests";
export {
  listConfigsAnswer,
  getConfigAnswer,
  updateConfigAnswer,
  resetConfigAnswer,
  alterConfigBatchAnswer,
} from "./config-handlers";
export { usableAclCluster, createAclsAnswer } from "./acl-handlers";
