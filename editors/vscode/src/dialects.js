// The warehouses `cwf compile --dialect` accepts (src/Cwf/Emit/Dialects, one file each). A test
// compares this list with the compiler's dialect registry, so a new dialect cannot be left out.
const DIALECTS = Object.freeze(['bigquery', 'databricks', 'duckdb', 'postgres', 'redshift', 'snowflake', 'trino']);

/** The dialects in the order the quick pick shows them: the configured one first. */
function dialectChoices(configured) {
  return DIALECTS.includes(configured) ? [configured, ...DIALECTS.filter((d) => d !== configured)] : [...DIALECTS];
}

module.exports = { DIALECTS, dialectChoices };
