-- The keys a fold recomputes are kept in a temporary table of the folding session
-- (pg_temp.fold_key, R__consolidated_values.sql) instead of this shared one, whose truncation at the
-- end of every fold made folds of different departments wait for each other's commit.
DROP TABLE staging.current_value_key;
