-- Closing a reporting period once the city office has signed off its figures: later submissions
-- for it are refused. Every close and reopen is kept, with time and reason; the latest decides.
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

CREATE VIEW reporting.period_status AS
SELECT DISTINCT ON (period) period,
       action = 'close' AS closed,
       at AS changed_at,
       reason,
       actor
FROM warehouse.period_event
ORDER BY period, event_id DESC;
