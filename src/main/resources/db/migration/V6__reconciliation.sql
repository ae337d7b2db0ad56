-- Reconciliation's tables: the settings it runs with, the consolidated current values it reads,
-- and the findings it keeps. The views and functions over them: R__consolidated_values.sql,
-- R__reconcile_rules.sql, R__progress.sql, R__completeness.sql (docs/reconciliation.md).

-- The settings live in the database because views read them: the consolidated values follow
-- warehouse.preferred_lead, reporting.department_completeness follows warehouse.reporting_calendar.
-- Every reconcile run writes both from the Spring properties (etl.reconcile.preferred-lead.*,
-- etl.calendar.*), so they are the settings of the last run.
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

-- The consolidated current values (what reporting.indicator_value shows): one per indicator, period
-- and district, kept up to date by the triggers of R__consolidated_values.sql as facts change.
CREATE TABLE warehouse.current_value (
    indicator_code  text     NOT NULL,
    period          text     NOT NULL,
    district_code   text     NOT NULL,
    task_no         smallint NOT NULL,
    period_end      date     NOT NULL,
    value           numeric  NOT NULL,
    department_code text,
    submission_id   bigint,
    derived         boolean  NOT NULL,
    -- the current facts of this key hold more than one value (lead departments disagree)
    disputed        boolean  NOT NULL DEFAULT false,
    -- on the 全市 row of an indicator that adds up: the sum and number of the districts' values
    parts_total     numeric,
    parts_count     integer,
    CONSTRAINT current_value_pk PRIMARY KEY (indicator_code, period, district_code)
);
-- one series (indicator and district) in time: latest figure, falls, outliers
CREATE INDEX current_value_series_ix ON warehouse.current_value (indicator_code, district_code, period_end);
CREATE INDEX current_value_disputed_ix ON warehouse.current_value (indicator_code, period, district_code) WHERE disputed;
-- reported 全市 figures off their districts' sum by more than district_sum_mismatch tolerates
CREATE INDEX current_value_sum_off_ix ON warehouse.current_value (indicator_code, period)
    WHERE district_code = '370300' AND NOT derived AND abs(parts_total - value) > greatest(0.01, 0.005 * abs(value));

-- version counts the changes of the table (a reconcile remembers up to which one it has seen);
-- rebuilt_version is the change that last built it whole, for the catalogue_version and
-- preferred_leads it was built for; rows_written counts the rows written (reconcile analyzes the
-- table when many were written since it last did).
CREATE TABLE warehouse.current_value_state (
    singleton         boolean NOT NULL DEFAULT true,
    version           bigint  NOT NULL DEFAULT 0,
    rebuilt_version   bigint  NOT NULL DEFAULT 0,
    rows_written      bigint  NOT NULL DEFAULT 0,
    catalogue_version integer,
    preferred_leads   text,
    CONSTRAINT current_value_state_pk PRIMARY KEY (singleton),
    CONSTRAINT current_value_state_singleton_ck CHECK (singleton)
);
-- Built for nothing yet: the first catalogue load builds the values and records what for.
INSERT INTO warehouse.current_value_state DEFAULT VALUES;

-- Series (one indicator in one district) whose values changed since a reconcile run last looked at
-- them, with the change that touched them last: the rules along a series only need to look at these
-- again (warehouse.reconcile()). A rebuild changes every series (rebuilt_version).
CREATE TABLE warehouse.changed_series (
    indicator_code text   NOT NULL,
    district_code  text   NOT NULL,
    version        bigint NOT NULL,
    CONSTRAINT changed_series_pk PRIMARY KEY (indicator_code, district_code)
);

-- Keys whose facts changed, collected by the triggers for warehouse.refresh_current_values(); empty
-- between statements. Unlogged: it never outlives a transaction.
CREATE UNLOGGED TABLE staging.current_value_key (
    indicator_code text NOT NULL,
    period         text NOT NULL,
    district_code  text NOT NULL
);

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

-- Up to which change of warehouse.current_value the findings are current: the ingest job reconciles
-- after a run only when something changed since (warehouse.reconcile_pending()).
CREATE TABLE warehouse.reconcile_state (
    singleton          boolean NOT NULL DEFAULT true,
    reconciled_version bigint  NOT NULL DEFAULT -1,
    reconciled_at      timestamptz,
    analyzed_rows      bigint  NOT NULL DEFAULT -1,
    CONSTRAINT reconcile_state_pk PRIMARY KEY (singleton),
    CONSTRAINT reconcile_state_singleton_ck CHECK (singleton)
);
INSERT INTO warehouse.reconcile_state DEFAULT VALUES;
