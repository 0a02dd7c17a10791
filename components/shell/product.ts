/** The name in the header, the browser tab and error pages. */
export const PRODUCT_NAME = "Kafka Console";
