-- (no SQL: emission failed)

-- Diagnostics:
--   error CWF6003: DuckDB has no stored procedures, so workflow 'test' cannot be emitted as one.
--     hint: emit a script (parameters are inlined) or a query instead
