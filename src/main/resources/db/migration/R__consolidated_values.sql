-- The consolidated current values: one value per indicator, district and period, what
-- reporting.indicator_value shows and every rule, progress figure and report reads. Kept in a
-- table, warehouse.current_value, by the fold of each submission loaded, instead of computed on every
-- read.
--
-- The rules of consolidation:
--   * co-leads: among the current facts of a key, the department a setting prefers for the
--     indicator (warehouse.preferred_lead, etl.reconcile.preferred-lead.*) wins, else the first lead
--     written in the task, else the latest fact; a key whose facts hold more than one value is marked
--     disputed (reconciliation reports it as co_lead_mismatch);
--   * 全市 (370300) is derived as the sum of the districts' values where only districts reported an
--     indicator that adds up (derived = true, no submission, department only when one department
--     gave every district figure). Rates and other non-additive indicators are never summed. The
--     eleven districts, counties and functional zones are taken to partition the city, as the
--     catalogue's district list does. A reported 全市 row of an indicator that adds up carries its
--     districts' sum and count (parts_total, parts_count) for district_sum_mismatch.
--
-- Why a table: every reader needs the values whole. Computing them means picking one figure per
-- indicator, district and period among all current facts and summing districts into a derived 全市,
-- i.e. sorting every current fact; each reader paid that again, and a reconcile run several times
-- over: minutes on 33,000 facts, and the progress views and the web page seconds each on a million.
-- A load changes the values of the keys it touches only; recomputing those keys costs it time in
-- proportion to what it loaded, once, and every read becomes a scan or an index lookup.
--
-- Kept up to date by the fold, warehouse.fold_submission, once per submission loaded
-- (warehouse.promote_submission calls it), for the keys the submission's facts and the facts it
-- superseded hold, in the loader's transaction: a load and the values it changes commit together.
-- Once per submission, not per statement by triggers: a trigger's transition tables copy every row
-- written, and a load writing in two statements paid the recomputation twice. Rebuilt whole when
-- what the choice depends on changes: the catalogue (lead order, which indicators add up; a trigger
-- at the commit of a catalogue load) and the preferred leads (warehouse.reconcile() compares what
-- the table was built with, warehouse.current_value_state).
--
-- Folds of different indicators run side by side; folds of one indicator take turns: each fold
-- holds, from its start to its commit, an advisory lock per indicator it recomputes (two loads
-- recomputing one 全市 sum at once would each miss the other's figures; co-leads report the same
-- keys), taken in the order of the locks' numbers so that two folds never wait for each other in a
-- circle, and the advisory lock warehouse.current_value in shared mode. A rebuild of the whole table
-- (and the truncation of the facts) takes that one alone, so it waits for the folds in flight and
-- they for it. Lock order, so nothing deadlocks: reconcile's own lock, then warehouse.current_value,
-- then the indicators', then row locks on the table; a load takes these after its department's lock
-- and its fact row locks, which nobody holding them ever waits for (facts are only read under them).
-- The keys a fold recomputes are kept in a temporary table of its session (pg_temp.fold_key, emptied
-- at commit), so that two folds never share, truncate or wait for one scratch table.

-- The preferred leads as one text, to tell whether they changed since the table was built.
CREATE OR REPLACE FUNCTION warehouse.preferred_leads_key() RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT coalesce(string_agg(indicator_code || '=' || department_code, ',' ORDER BY indicator_code), '')
    FROM warehouse.preferred_lead
$$;

-- Nested loops off, until the calling function returns (each caller has a SET enable_nestloop clause,
-- which restores the setting), when it is about to join 10,000 rows or more; p_rows null: the whole
-- warehouse. A large load's tables are read in the transaction that wrote them, and statistics
-- autovacuum took while the load was invisible to it can call a table of a million rows empty; a
-- nested loop over a table believed empty rescans it once per row of the other side (a second load of
-- a million figures ran in its fold for hours, a first reconcile of 11,000 figures for over ten
-- minutes). Hash and merge joins cost in proportion to the rows whatever the estimates say; below the
-- threshold the planner's index lookups are the right plan.
CREATE OR REPLACE FUNCTION warehouse.join_large_by_hash(p_rows bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF p_rows IS NULL OR p_rows >= 10000 THEN
        PERFORM set_config('enable_nestloop', 'off', true);
    END IF;
END
$$;

-- The history of the values (warehouse.current_value_history, V9): after the values of the keys in
-- pg_temp.fold_key (all keys when p_all) were recomputed, a key's current history row that
-- no longer matches its value is closed (valid_to), and a value without one gets one (valid_from).
-- A row opened in this same transaction (or, should the clock have gone back, later than now) was
-- never seen by anyone: it is deleted rather than closed, so that a load superseding and inserting
-- in two statements leaves one row per value that readers could see.
CREATE OR REPLACE FUNCTION warehouse.record_value_history(p_all boolean) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    keys text := CASE WHEN p_all THEN '' ELSE
        'JOIN pg_temp.fold_key k USING (indicator_code, period, district_code)' END;
BEGIN
    EXECUTE format($sql$
        WITH stale AS (
            SELECT h.history_id, h.valid_from
            FROM warehouse.current_value_history h
            %s
            LEFT JOIN warehouse.current_value v ON v.indicator_code = h.indicator_code AND v.period = h.period
                  AND v.district_code = h.district_code
            WHERE h.valid_to IS NULL
              AND (v.indicator_code IS NULL
                   OR (v.value, v.department_code, v.submission_id, v.derived, v.period_end)
                      IS DISTINCT FROM (h.value, h.department_code, h.submission_id, h.derived, h.period_end))
        ),
        unseen AS (
            DELETE FROM warehouse.current_value_history h
            USING stale s WHERE h.history_id = s.history_id AND s.valid_from >= now()
        )
        UPDATE warehouse.current_value_history h SET valid_to = now()
        FROM stale s WHERE h.history_id = s.history_id AND s.valid_from < now()
    $sql$, keys);
    EXECUTE format($sql$
        INSERT INTO warehouse.current_value_history (indicator_code, period, district_code, task_no, period_end, value,
                                                     department_code, submission_id, derived, valid_from)
        SELECT v.indicator_code, v.period, v.district_code, v.task_no, v.period_end, v.value, v.department_code,
               v.submission_id, v.derived, now()
        FROM warehouse.current_value v
        %s
        WHERE NOT EXISTS (SELECT 1 FROM warehouse.current_value_history h
                          WHERE h.valid_to IS NULL AND h.indicator_code = v.indicator_code AND h.period = v.period
                            AND h.district_code = v.district_code)
        -- in the order of the history's index of current rows: a large load then appends to its
        -- pages one after another instead of touching them at random (half the statement's time)
        ORDER BY v.indicator_code, v.period, v.district_code
    $sql$, keys);
END
$$;

-- Recomputes the consolidated values of the keys in pg_temp.fold_key (all of them when
-- p_all), and of the 全市 of their indicator and period, records what changed in their history, then
-- empties it. The keys are distinct and hold the 全市 key of every indicator and period among them
-- (warehouse.fold_submission writes them so). The caller holds the locks.
-- Statements are EXECUTEd so that each is planned for the number of keys at hand: a plan cached by
-- the session for a load of ten figures would be used for a load of a million. Sorts of a large
-- load stay in memory (64 MB while the function runs, instead of the server's 4 MB default).
-- Large key sets join by hash (warehouse.join_large_by_hash).
CREATE OR REPLACE FUNCTION warehouse.refresh_current_values(p_all boolean) RETURNS void
LANGUAGE plpgsql SET work_mem = '64MB' SET enable_nestloop = on AS $$
DECLARE
    changed bigint;
    written bigint;
    keys text := CASE WHEN p_all THEN '' ELSE
        'JOIN pg_temp.fold_key k
           ON k.indicator_code = f.indicator_code AND k.period = f.period AND k.district_code = f.district_code' END;
    pairs text := CASE WHEN p_all THEN '(SELECT DISTINCT indicator_code, period FROM warehouse.current_value)' ELSE
        '(SELECT DISTINCT indicator_code, period FROM pg_temp.fold_key)' END;
BEGIN
    IF p_all THEN
        PERFORM warehouse.join_large_by_hash(NULL);
    ELSE
        PERFORM warehouse.join_large_by_hash((SELECT count(*) FROM pg_temp.fold_key));
    END IF;
    IF p_all THEN
        -- a fresh table rather than a million dead rows and bloated indexes (a rebuild is rare;
        -- readers wait for it instead of seeing the values it replaces)
        TRUNCATE warehouse.current_value;
    ELSE
        EXECUTE $sql$
            DELETE FROM warehouse.current_value v
            USING pg_temp.fold_key k
            WHERE v.indicator_code = k.indicator_code AND v.period = k.period AND v.district_code = k.district_code
        $sql$;
    END IF;
    -- One sort serves both the choice (DISTINCT ON) and the disagreement (over the whole key).
    EXECUTE format($sql$
        INSERT INTO warehouse.current_value (indicator_code, period, district_code, task_no, period_end, value,
                                             department_code, submission_id, derived, disputed)
        SELECT DISTINCT ON (f.indicator_code, f.period, f.district_code)
               f.indicator_code, f.period, f.district_code, f.task_no, f.period_end, f.value, f.department_code,
               f.submission_id, false, min(f.value) OVER w <> max(f.value) OVER w
        FROM warehouse.fact f
        %s
        LEFT JOIN catalogue.task_lead l ON l.version_id = (SELECT version_id FROM catalogue.current_version)
              AND l.task_no = f.task_no AND l.department_code = f.department_code
        LEFT JOIN warehouse.preferred_lead p ON p.indicator_code = f.indicator_code
              AND p.department_code = f.department_code
        WHERE f.is_current AND f.value IS NOT NULL
        WINDOW w AS (PARTITION BY f.indicator_code, f.period, f.district_code
                     ORDER BY p.department_code IS NULL, l.position NULLS LAST, f.fact_id DESC
                     ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
        ORDER BY f.indicator_code, f.period, f.district_code, p.department_code IS NULL, l.position NULLS LAST,
                 f.fact_id DESC
    $sql$, keys);
    GET DIAGNOSTICS written = ROW_COUNT;
    -- 全市 of indicators that add up: derived where nobody reported it, else the reported row learns
    -- its districts' sum (for district_sum_mismatch).
    EXECUTE format($sql$
        INSERT INTO warehouse.current_value AS c (indicator_code, period, district_code, task_no, period_end, value,
                                                  department_code, submission_id, derived, parts_total, parts_count)
        SELECT v.indicator_code, v.period, '370300', min(v.task_no), min(v.period_end), sum(v.value),
               CASE WHEN count(DISTINCT v.department_code) = 1 THEN min(v.department_code) END, NULL, true,
               sum(v.value), count(*)
        FROM %s k
        JOIN reporting.indicator i ON i.indicator_code = k.indicator_code AND i.additive
        JOIN warehouse.current_value v ON v.indicator_code = k.indicator_code AND v.period = k.period
             AND v.district_code <> '370300'
        GROUP BY v.indicator_code, v.period
        ON CONFLICT ON CONSTRAINT current_value_pk
        DO UPDATE SET parts_total = excluded.parts_total, parts_count = excluded.parts_count
    $sql$, pairs);
    PERFORM warehouse.record_value_history(p_all);
    -- last, as the single row of the state is locked from here to the commit: a concurrent fold of
    -- other indicators waits only for the end of this transaction, not for its history
    UPDATE warehouse.current_value_state
       SET version = version + 1,
           rebuilt_version = CASE WHEN p_all THEN version + 1 ELSE rebuilt_version END,
           rows_written = rows_written + written
    RETURNING version INTO changed;
    IF NOT p_all THEN
        INSERT INTO warehouse.changed_series (indicator_code, district_code, version)
        SELECT DISTINCT indicator_code, district_code, changed FROM pg_temp.fold_key
        ON CONFLICT ON CONSTRAINT changed_series_pk DO UPDATE SET version = excluded.version;
        -- (a transaction may fold several submissions)
        TRUNCATE pg_temp.fold_key;
    END IF;
END
$$;

-- Builds the table whole for the current catalogue and preferred leads.
CREATE OR REPLACE FUNCTION warehouse.rebuild_current_values() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('warehouse.current_value'));
    PERFORM warehouse.refresh_current_values(true);
    UPDATE warehouse.current_value_state
       SET catalogue_version = (SELECT version_id FROM catalogue.current_version),
           preferred_leads = warehouse.preferred_leads_key();
    ANALYZE warehouse.current_value;
END
$$;

-- Rebuilds when the catalogue or the preferred leads differ from what the table was built for.
CREATE OR REPLACE FUNCTION warehouse.rebuild_current_values_if_stale() RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM warehouse.current_value_state
               WHERE catalogue_version IS DISTINCT FROM (SELECT version_id FROM catalogue.current_version)
                  OR preferred_leads IS DISTINCT FROM warehouse.preferred_leads_key()) THEN
        PERFORM warehouse.rebuild_current_values();
        RETURN true;
    END IF;
    RETURN false;
END
$$;

-- The fold: the consolidated values of the keys one submission's facts hold, and of those its
-- promotion superseded (facts of p_earlier submissions in p_periods, now superseded by it), are
-- recomputed once, with their history, in the loader's transaction.
CREATE OR REPLACE FUNCTION warehouse.fold_submission(p_submission bigint, p_earlier bigint[], p_periods text[])
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    indicator_lock integer;
BEGIN
    PERFORM pg_advisory_xact_lock_shared(hashtext('warehouse.current_value'));
    IF to_regclass('pg_temp.fold_key') IS NULL THEN
        CREATE TEMPORARY TABLE fold_key (
            indicator_code text NOT NULL,
            period         text NOT NULL,
            district_code  text NOT NULL
        ) ON COMMIT DELETE ROWS;
    END IF;
    -- each key once, with the 全市 key of its indicator and period (a sum of districts to redo)
    INSERT INTO pg_temp.fold_key
    SELECT DISTINCT t.indicator_code, t.period, d.district_code
    FROM (SELECT indicator_code, period, district_code FROM warehouse.fact
          WHERE submission_id = p_submission AND value IS NOT NULL
          UNION ALL
          SELECT indicator_code, period, district_code FROM warehouse.fact
          WHERE p_earlier IS NOT NULL AND submission_id = ANY (p_earlier) AND period = ANY (p_periods)
            AND superseded_by = p_submission AND value IS NOT NULL) t
    CROSS JOIN LATERAL (VALUES (t.district_code), ('370300')) d (district_code);
    -- (113003: FactLoader's department locks are 113002)
    FOR indicator_lock IN SELECT DISTINCT hashtext(indicator_code) FROM pg_temp.fold_key ORDER BY 1 LOOP
        PERFORM pg_advisory_xact_lock(113003, indicator_lock);
    END LOOP;
    IF EXISTS (SELECT 1 FROM pg_temp.fold_key) THEN
        PERFORM warehouse.refresh_current_values(false);
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION warehouse.facts_truncated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('warehouse.current_value'));
    DELETE FROM warehouse.current_value;
    UPDATE warehouse.current_value_state SET version = version + 1, rebuilt_version = version + 1;
    PERFORM warehouse.record_value_history(true);
    RETURN NULL;
END
$$;

-- A catalogue load that creates or activates a version rebuilds the values at its commit, when the
-- whole version is written (deferred: the version row is written before its tasks and leads).
-- The catalogue's statistics first: every reporting view joins it, and a planner that still takes
-- the new version for empty (no statistics yet) joins a million values by nested loops.
CREATE OR REPLACE FUNCTION warehouse.catalogue_activated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    ANALYZE catalogue.version, catalogue.campaign, catalogue.section, catalogue.task, catalogue.department,
            catalogue.task_lead, catalogue.district, catalogue.indicator;
    PERFORM warehouse.rebuild_current_values();
    RETURN NULL;
END
$$;

-- Triggers are dropped and created again (a constraint trigger cannot be replaced in place), so
-- that this file can run again on a database that has them.
DROP TRIGGER IF EXISTS fact_truncated_tg ON warehouse.fact;
CREATE TRIGGER fact_truncated_tg AFTER TRUNCATE ON warehouse.fact
    FOR EACH STATEMENT EXECUTE FUNCTION warehouse.facts_truncated();
DROP TRIGGER IF EXISTS version_activated_tg ON catalogue.version;
CREATE CONSTRAINT TRIGGER version_activated_tg AFTER INSERT OR UPDATE ON catalogue.version
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION warehouse.catalogue_activated();
