-- Every consolidated value that was ever current (every row reporting.indicator_value ever showed),
-- with the time it became current (valid_from) and the time it stopped being so (valid_to: a
-- resubmission replaced it, a co-lead's figure or a recomputed sum took its place, its facts went);
-- null while it is current. Written by warehouse.refresh_current_values() beside the values
-- themselves (R__consolidated_values.sql), in the same transaction; read through
-- reporting.indicator_value_history and reporting.indicator_progress_at.
CREATE TABLE warehouse.current_value_history (
    history_id      bigint GENERATED ALWAYS AS IDENTITY,
    indicator_code  text        NOT NULL,
    period          text        NOT NULL,
    district_code   text        NOT NULL,
    task_no         smallint    NOT NULL,
    period_end      date        NOT NULL,
    value           numeric     NOT NULL,
    department_code text,
    submission_id   bigint,
    derived         boolean     NOT NULL,
    valid_from      timestamptz NOT NULL,
    valid_to        timestamptz,
    CONSTRAINT current_value_history_pk PRIMARY KEY (history_id),
    CONSTRAINT current_value_history_valid_ck CHECK (valid_to IS NULL OR valid_to > valid_from)
);
-- one current row per key, found when the key changes
CREATE UNIQUE INDEX current_value_history_current_uq ON warehouse.current_value_history (indicator_code, period, district_code)
    WHERE valid_to IS NULL;
-- one series in time, current or as known on a day: the latest figure by a date (progress)
CREATE INDEX current_value_history_series_ix ON warehouse.current_value_history (indicator_code, district_code, period_end);

-- A database that already holds values starts its history with them: since their submission was
-- processed, or, for a sum of districts, since now.
INSERT INTO warehouse.current_value_history (indicator_code, period, district_code, task_no, period_end, value,
                                             department_code, submission_id, derived, valid_from)
SELECT v.indicator_code, v.period, v.district_code, v.task_no, v.period_end, v.value, v.department_code,
       v.submission_id, v.derived, least(coalesce(s.processed_at, now()), now())
FROM warehouse.current_value v
LEFT JOIN warehouse.submission s ON s.submission_id = v.submission_id;
