-- What a receipt says beyond the counts: how each submission was read, and which valid figures a
-- rejected submission held.

-- How the file was read, in Chinese, one '名称:内容' line each: the sheets read, the header rows,
-- which column became which field, the layout (按行, 各区县一列, 各期一列, 分表), and where the period,
-- district and unit came from. Empty for submissions processed before it was recorded.
ALTER TABLE warehouse.submission ADD COLUMN reading text[] NOT NULL DEFAULT '{}';

-- The figures of a rejected submission that were valid in themselves, not loaded because the file
-- was refused as a whole: counted as rejected (figures_withheld) and listed in its receipt with
-- that reason. At most the first 50,000 of a submission, as a receipt lists no more.
CREATE TABLE warehouse.withheld_figure (
    submission_id  bigint   NOT NULL,
    sheet          text,
    row_no         integer,
    column_name    text,
    indicator_code text     NOT NULL,
    district_code  text     NOT NULL,
    period         text     NOT NULL,
    value          numeric,
    status         text,
    reported_text  text,
    -- the order the file gave them in (sheet by sheet, row by row, column by column)
    position       integer  NOT NULL,
    CONSTRAINT withheld_figure_submission_fk FOREIGN KEY (submission_id)
        REFERENCES warehouse.submission (submission_id)
);
CREATE INDEX withheld_figure_submission_ix ON warehouse.withheld_figure (submission_id, position);
