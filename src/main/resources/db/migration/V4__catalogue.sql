-- The catalogue is versioned: every distinct set of seed files is one version, kept for ever,
-- so that figures loaded against an older catalogue stay explainable. The reporting views
-- show the current version (the one activated last).

CREATE TABLE catalogue.version (
    version_id      integer GENERATED ALWAYS AS IDENTITY,
    seed_sha256     char(64)    NOT NULL,
    source_document text        NOT NULL,
    loaded_at       timestamptz NOT NULL DEFAULT now(),
    activated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT version_pk PRIMARY KEY (version_id),
    CONSTRAINT version_seed_uq UNIQUE (seed_sha256)
);

CREATE TABLE catalogue.campaign (
    version_id  integer  NOT NULL,
    campaign_no smallint NOT NULL,
    name        text     NOT NULL,
    CONSTRAINT campaign_pk PRIMARY KEY (version_id, campaign_no),
    CONSTRAINT campaign_version_fk FOREIGN KEY (version_id) REFERENCES catalogue.version (version_id)
);

CREATE TABLE catalogue.section (
    version_id  integer  NOT NULL,
    section_no  smallint NOT NULL,
    campaign_no smallint NOT NULL,
    name        text     NOT NULL,
    CONSTRAINT section_pk PRIMARY KEY (version_id, section_no),
    CONSTRAINT section_campaign_fk FOREIGN KEY (version_id, campaign_no)
        REFERENCES catalogue.campaign (version_id, campaign_no)
);

CREATE TABLE catalogue.task (
    version_id integer  NOT NULL,
    task_no    smallint NOT NULL,
    section_no smallint NOT NULL,
    task_text  text     NOT NULL,
    lead_text  text     NOT NULL,
    CONSTRAINT task_pk PRIMARY KEY (version_id, task_no),
    CONSTRAINT task_section_fk FOREIGN KEY (version_id, section_no)
        REFERENCES catalogue.section (version_id, section_no)
);

CREATE TABLE catalogue.department (
    version_id integer NOT NULL,
    code       text    NOT NULL,
    name       text    NOT NULL,
    name_en    text    NOT NULL,
    aliases    text[]  NOT NULL DEFAULT '{}',
    is_group   boolean NOT NULL,
    CONSTRAINT department_pk PRIMARY KEY (version_id, code),
    CONSTRAINT department_name_uq UNIQUE (version_id, name),
    CONSTRAINT department_version_fk FOREIGN KEY (version_id) REFERENCES catalogue.version (version_id)
);

CREATE TABLE catalogue.task_lead (
    version_id      integer  NOT NULL,
    task_no         smallint NOT NULL,
    position        smallint NOT NULL,
    department_code text     NOT NULL,
    written_as      text     NOT NULL,
    CONSTRAINT task_lead_pk PRIMARY KEY (version_id, task_no, position),
    CONSTRAINT task_lead_uq UNIQUE (version_id, task_no, department_code),
    CONSTRAINT task_lead_task_fk FOREIGN KEY (version_id, task_no) REFERENCES catalogue.task (version_id, task_no),
    CONSTRAINT task_lead_department_fk FOREIGN KEY (version_id, department_code)
        REFERENCES catalogue.department (version_id, code)
);

CREATE TABLE catalogue.district (
    version_id integer NOT NULL,
    code       text    NOT NULL,
    name       text    NOT NULL,
    short_name text    NOT NULL,
    kind       text    NOT NULL,
    aliases    text[]  NOT NULL DEFAULT '{}',
    CONSTRAINT district_pk PRIMARY KEY (version_id, code),
    CONSTRAINT district_kind_ck CHECK (kind IN ('city', 'district', 'county', 'zone')),
    CONSTRAINT district_version_fk FOREIGN KEY (version_id) REFERENCES catalogue.version (version_id)
);

CREATE TABLE catalogue.indicator (
    version_id     integer  NOT NULL,
    indicator_code text     NOT NULL,
    task_no        smallint NOT NULL,
    name           text     NOT NULL,
    unit           text,
    comparator     text,
    target         numeric,
    basis          text     NOT NULL,
    deadline       date,
    additive       boolean  NOT NULL,
    source_phrase  text,
    CONSTRAINT indicator_pk PRIMARY KEY (version_id, indicator_code),
    CONSTRAINT indicator_code_ck CHECK (indicator_code ~ '^T[0-9]{3}-[0-9]{2}$'),
    CONSTRAINT indicator_comparator_ck CHECK (comparator IN ('>=', '<=', '=', '≈')),
    CONSTRAINT indicator_basis_ck CHECK (basis IN ('cumulative', 'annual', 'level', 'status')),
    CONSTRAINT indicator_task_fk FOREIGN KEY (version_id, task_no) REFERENCES catalogue.task (version_id, task_no)
);
