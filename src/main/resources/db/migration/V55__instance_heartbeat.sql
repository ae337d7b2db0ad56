-- One row per running `serve` process, its beat renewed every etl.heartbeat.interval (5 s), so that
-- another process can tell a run marked running whose process is gone (its beat older than
-- etl.heartbeat.dead-after, or, on the same machine, its pid no longer alive) from a live one, on any
-- host, without waiting etl.recover-after. A run names its process in the job parameter `process`,
-- the same token as here. Ages are measured on the database's clock, never a host's.
CREATE TABLE batch.instance_heartbeat (
    process       text        NOT NULL,   -- host:pid:start-millis, as in the runs' parameter
    instance      text        NOT NULL,   -- etl.instance, for people reading the table
    host          text        NOT NULL,
    pid_namespace text        NOT NULL,   -- '' where the system has none
    pid           bigint      NOT NULL,
    started_at    timestamptz NOT NULL DEFAULT now(),
    beat_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT instance_heartbeat_pk PRIMARY KEY (process)
);
