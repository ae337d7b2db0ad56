-- Submissions (one per file received), their problems, and the facts they loaded.
-- A fact is one figure: one value of one indicator for one district and period, as one department
-- reported it. Facts are never deleted: a resubmission marks the earlier ones not current.
-- (How staged figures become facts: warehouse.promote_submission, R__submissions.sql.)

CREATE TABLE warehouse.submission (
    submission_id     bigint GENERATED ALWAYS AS IDENTITY,
    department_code   text,
    inbox_folder      text        NOT NULL,
    file_name         text        NOT NULL,
    sha256            char(64)    NOT NULL,
    size_bytes        bigint      NOT NULL,
    archive_path      text        NOT NULL,
    received_at       timestamptz NOT NULL DEFAULT now(),
    processed_at      timestamptz,
    status            text        NOT NULL DEFAULT 'received',
    policy            text,
    catalogue_version integer,
    sheet             text,
    periods           text[]      NOT NULL DEFAULT '{}',
    figures_total     integer     NOT NULL DEFAULT 0,
    figures_new       integer     NOT NULL DEFAULT 0,
    figures_updated   integer     NOT NULL DEFAULT 0,
    figures_unchanged integer     NOT NULL DEFAULT 0,
    figures_invalid   integer     NOT NULL DEFAULT 0,
    figures_withheld  integer     NOT NULL DEFAULT 0,
    duplicate_of      bigint,
    superseded_by     bigint,
    receipt_path      text,
    receipt_written_at timestamptz,
    job_execution_id  bigint,
    -- why the pipeline could not process or answer it (an error nobody expected): the technical
    -- cause, for operators only; departments read the Chinese file-level problem instead
    failure           text,
    CONSTRAINT submission_pk PRIMARY KEY (submission_id),
    CONSTRAINT submission_status_ck
        CHECK (status IN ('received', 'loaded', 'rejected', 'duplicate', 'superseded')),
    CONSTRAINT submission_duplicate_fk FOREIGN KEY (duplicate_of) REFERENCES warehouse.submission (submission_id),
    CONSTRAINT submission_superseded_fk FOREIGN KEY (superseded_by) REFERENCES warehouse.submission (submission_id)
);

-- Two scans of the same file (two instances, or a crash between claiming and clearing the inbox)
-- claim it once.
CREATE UNIQUE INDEX submission_claim_uq ON warehouse.submission (inbox_folder, file_name, sha256)
    WHERE status = 'received';
CREATE INDEX submission_sha_ix ON warehouse.submission (department_code, sha256);
CREATE INDEX submission_pending_ix ON warehouse.submission (submission_id) WHERE status = 'received';
CREATE INDEX submission_receipt_ix ON warehouse.submission (submission_id)
    WHERE receipt_written_at IS NULL AND status <> 'received';
-- A department's own submissions, newest first, for the operator page and the API.
CREATE INDEX submission_department_ix ON warehouse.submission (department_code, submission_id);

CREATE TABLE warehouse.submission_error (
    error_id      bigint GENERATED ALWAYS AS IDENTITY,
    submission_id bigint NOT NULL,
    sheet         text,
    row_no        integer,
    column_name   text,
    value         text,
    code          text   NOT NULL,
    message       text   NOT NULL,
    CONSTRAINT submission_error_pk PRIMARY KEY (error_id),
    CONSTRAINT submission_error_submission_fk FOREIGN KEY (submission_id)
        REFERENCES warehouse.submission (submission_id)
);
CREATE INDEX submission_error_submission_ix ON warehouse.submission_error (submission_id);

-- Append-only but for is_current and superseded_by, which a later submission of the department sets.
-- Written by COPY, so it carries only the indexes its readers need, and no foreign key or trigger:
-- submission_id and superseded_by always name a submission written earlier in the same transaction
-- (FactLoader, warehouse.promote_submission), and one current fact per department, indicator,
-- district and period is the promotion's rule, not an index's (warehouse.promote_submission says
-- why it holds; FoldIntegrationTests checks it).
CREATE TABLE warehouse.fact (
    fact_id         bigint GENERATED ALWAYS AS IDENTITY,
    submission_id   bigint   NOT NULL,
    department_code text     NOT NULL,
    indicator_code  text     NOT NULL,
    task_no         smallint NOT NULL,
    district_code   text     NOT NULL,
    period          text     NOT NULL,
    period_end      date     NOT NULL,
    value           numeric,
    status          text,
    remark          text,
    reported_text   text,
    reported_unit   text,
    sheet           text,
    row_no          integer,
    column_name     text,
    is_current      boolean  NOT NULL DEFAULT true,
    superseded_by   bigint,
    CONSTRAINT fact_pk PRIMARY KEY (fact_id),
    CONSTRAINT fact_value_or_status_ck CHECK ((value IS NULL) <> (status IS NULL)),
    CONSTRAINT fact_status_ck CHECK (status IN ('not_started', 'in_progress', 'done', 'delayed'))
);
-- A submission's facts (its receipt, its lineage), and those of one of its periods: what a later
-- submission of the department supersedes.
CREATE INDEX fact_submission_ix ON warehouse.fact (submission_id, period);
-- The current facts of a key, of every department: what the fold into warehouse.current_value reads.
CREATE INDEX fact_current_ix ON warehouse.fact (indicator_code, district_code, period) WHERE is_current;
-- The status rows of tasks at 全市, latest first: what reporting.task_progress reads.
CREATE INDEX fact_task_status_ix ON warehouse.fact (task_no, period_end DESC)
    WHERE is_current AND status IS NOT NULL AND district_code = '370300';
-- A department's facts of one indicator and period end, current or not (completeness, timeliness).
CREATE INDEX fact_department_period_end_ix ON warehouse.fact (department_code, indicator_code, period_end);

-- Valid figures of the submission being processed, before they become facts in one statement.
CREATE UNLOGGED TABLE staging.figure (
    submission_id  bigint   NOT NULL,
    indicator_code text     NOT NULL,
    task_no        smallint NOT NULL,
    district_code  text     NOT NULL,
    period         text     NOT NULL,
    period_end     date     NOT NULL,
    value          numeric,
    status         text,
    remark         text,
    reported_text  text,
    reported_unit  text,
    sheet          text,
    row_no         integer,
    column_name    text
);
CREATE INDEX figure_submission_ix ON staging.figure (submission_id);

-- Closing a reporting period once the city office has signed off its figures: later submissions
-- for it are refused. Every close and reopen is kept, with time and reason; the latest decides
-- (reporting.period_status).
CREATE TABLE warehouse.period_event (
    event_id   bigint GENERATED ALWAYS AS IDENTITY,
    period     text        NOT NULL,
    action     text        NOT NULL,
    reason     text,
    actor      text,
    at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT period_event_pk PRIMARY KEY (event_id),
    CONSTRAINT period_event_action_ck CHECK (action IN ('close', 'reopen'))
);
CREATE INDEX period_event_period_ix ON warehouse.period_event (period, event_id);
