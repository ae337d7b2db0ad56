-- Reconciliation (issue 4): the settings it runs with and the findings it keeps.
-- The settings live in the database because views read them: reporting.indicator_value consolidates
-- co-leads' figures by warehouse.preferred_lead, reporting.department_completeness follows
-- warehouse.reporting_calendar. Every reconcile run writes both from the Spring properties
-- (etl.reconcile.preferred-lead.*, etl.calendar.*), so they are the settings of the last run.

CREATE TABLE warehouse.preferred_lead (
    indicator_code  text NOT NULL,
    department_code text NOT NULL,
    CONSTRAINT preferred_lead_pk PRIMARY KEY (indicator_code)
);

CREATE TABLE warehouse.reporting_calendar (
    singleton boolean NOT NULL DEFAULT true,
    frequency text    NOT NULL,
    due_days  integer NOT NULL,
    CONSTRAINT reporting_calendar_pk PRIMARY KEY (singleton),
    CONSTRAINT reporting_calendar_singleton_ck CHECK (singleton),
    CONSTRAINT reporting_calendar_frequency_ck CHECK (frequency IN ('monthly', 'quarterly', 'half_yearly', 'annual')),
    CONSTRAINT reporting_calendar_due_days_ck CHECK (due_days >= 0)
);
-- The default calendar, so that the views work before the first reconcile run.
INSERT INTO warehouse.reporting_calendar (frequency, due_days) VALUES ('quarterly', 10);

-- One row per finding while it lasts: opened when a run first finds it, kept (last_seen_at) while
-- runs keep finding it, closed (never deleted) by the first run that no longer does. A finding that
-- comes back later is a new row.
CREATE TABLE warehouse.discrepancy (
    discrepancy_id bigint GENERATED ALWAYS AS IDENTITY,
    kind           text        NOT NULL,
    indicator_code text        NOT NULL,
    district_code  text        NOT NULL,
    period         text        NOT NULL,
    period_end     date        NOT NULL,
    departments    text[]      NOT NULL DEFAULT '{}',
    submission_ids bigint[]    NOT NULL DEFAULT '{}',
    details        text        NOT NULL,
    status         text        NOT NULL DEFAULT 'open',
    first_seen_at  timestamptz NOT NULL DEFAULT now(),
    last_seen_at   timestamptz NOT NULL DEFAULT now(),
    closed_at      timestamptz,
    CONSTRAINT discrepancy_pk PRIMARY KEY (discrepancy_id),
    CONSTRAINT discrepancy_kind_ck
        CHECK (kind IN ('co_lead_mismatch', 'district_sum_mismatch', 'cumulative_decrease', 'outlier')),
    CONSTRAINT discrepancy_status_ck CHECK (status IN ('open', 'closed')),
    CONSTRAINT discrepancy_closed_ck CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE UNIQUE INDEX discrepancy_open_uq ON warehouse.discrepancy (kind, indicator_code, district_code, period)
    WHERE status = 'open';

-- First day of a period written as validate.Period writes it (2024, 2024H1, 2024Q3, 2024-07).
CREATE FUNCTION warehouse.period_start(p_period text) RETURNS date
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT CASE
        WHEN p_period ~ '^\d{4}$' THEN make_date(p_period::int, 1, 1)
        WHEN p_period ~ '^\d{4}H[12]$' THEN make_date(left(p_period, 4)::int, right(p_period, 1)::int * 6 - 5, 1)
        WHEN p_period ~ '^\d{4}Q[1-4]$' THEN make_date(left(p_period, 4)::int, right(p_period, 1)::int * 3 - 2, 1)
        WHEN p_period ~ '^\d{4}-\d{2}$' THEN make_date(left(p_period, 4)::int, right(p_period, 2)::int, 1)
    END
$$;

-- A figure as people read it in a finding: thousands separated, at most four decimals.
CREATE FUNCTION warehouse.num(p_value numeric) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT rtrim(to_char(p_value, 'FM999,999,999,999,990.9999'), '.')
$$;
