-- Run ids (the identifying job parameter run.id) come from one sequence, so that two pipeline
-- instances starting a job at the same moment get different ids, and so different job instances,
-- instead of both computing "last + 1" and clashing on the job instance key. Ids are shared by all
-- jobs; the sequence starts above every run id used before it existed.
CREATE SEQUENCE batch.run_id_seq;

SELECT setval('batch.run_id_seq',
              coalesce((SELECT max(parameter_value::bigint) FROM batch.batch_job_execution_params
                         WHERE parameter_name = 'run.id'), 0) + 1,
              false);
