-- Resettlement sites (易地扶贫搬迁集中安置点).
CREATE TABLE resettlement_site (
    site_id              bigint PRIMARY KEY,
    name                 text NOT NULL,
    county_code          bigint NOT NULL REFERENCES admin_unit (code),
    -- The village (or community) the site stands in.
    village_code         bigint NOT NULL REFERENCES admin_unit (code),
    geom                 geometry(Point, 4326) NOT NULL,
    capacity_households  integer NOT NULL CHECK (capacity_households >= 0),
    relocated_households integer NOT NULL CHECK (relocated_households >= 0),
    relocated_people     integer NOT NULL CHECK (relocated_people >= 0),
    labour_force         integer NOT NULL CHECK (labour_force >= 0),
    employed_labour      integer NOT NULL CHECK (employed_labour >= 0 AND employed_labour <= labour_force),
    -- Follow-up support in place (后续扶持): keys such as employment, industry, community services.
    follow_up            text[] NOT NULL DEFAULT '{}',
    updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX resettlement_site_geom_gist ON resettlement_site USING gist (geom);
CREATE INDEX resettlement_site_county ON resettlement_site (county_code);

-- Households (农户). Partitioned by hash of the county so a province of ~10 M rows splits into
-- 16 partitions of a few hundred thousand each; a county's households share a partition, and
-- county_code is also the distribution column when sharded with Citus.
CREATE TABLE household (
    household_id         text NOT NULL,
    county_code          bigint NOT NULL,
    village_code         bigint NOT NULL REFERENCES admin_unit (code),
    geom                 geometry(Point, 4326) NOT NULL,
    members              smallint NOT NULL CHECK (members BETWEEN 1 AND 30),
    labour               smallint NOT NULL CHECK (labour BETWEEN 0 AND 30),
    -- Incomes: yuan per person per year (家庭人均纯收入 and its parts).
    income_per_capita    integer NOT NULL,
    wage_income          integer,
    business_income      integer,
    property_income      integer,
    transfer_income      integer,
    income_last_year     integer,
    -- Rigid expenditure (刚性支出): yuan per household per year.
    rigid_expenditure    integer NOT NULL DEFAULT 0 CHECK (rigid_expenditure >= 0),
    formerly_poor        boolean NOT NULL DEFAULT false,
    dibao                boolean NOT NULL DEFAULT false,
    tekun                boolean NOT NULL DEFAULT false,
    relocated            boolean NOT NULL DEFAULT false,
    site_id              bigint REFERENCES resettlement_site (site_id),
    housing_unsafe       boolean NOT NULL DEFAULT false,
    child_out_of_school  boolean NOT NULL DEFAULT false,
    no_medical_insurance boolean NOT NULL DEFAULT false,
    water_unsafe         boolean NOT NULL DEFAULT false,
    -- Risk type keys (RiskType.cs), at most five; GIN-indexed for "households at risk of X".
    risk_types           text[] NOT NULL DEFAULT '{}' CHECK (cardinality(risk_types) <= 5),
    -- 0 not monitored, 1 monitored (纳入监测), 2 risk eliminated (风险消除).
    monitoring_status    smallint NOT NULL DEFAULT 0 CHECK (monitoring_status BETWEEN 0 AND 2),
    monitored_since      date,
    risk_eliminated_on   date,
    elimination_method   text,
    -- Latest assistance start date, kept with the measures so 应帮未帮 needs no join.
    last_assistance_on   date,
    last_visit_on        date,
    -- Computed by the risk model (one implementation for import, live update and rebuild).
    risk_level           smallint CHECK (risk_level BETWEEN 0 AND 3),
    risk_score           real,
    -- 1 脱贫不稳定户, 2 边缘易致贫户, 3 突发严重困难户; null when none applies.
    category             smallint CHECK (category BETWEEN 1 AND 3),
    reasons              jsonb,
    model_version        text,
    gap_should_monitor   boolean NOT NULL DEFAULT false,
    gap_unassisted       boolean NOT NULL DEFAULT false,
    gap_should_exit      boolean NOT NULL DEFAULT false,
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (county_code, household_id),
    CHECK (county_code = village_code / 1000000 * 1000000)
) PARTITION BY HASH (county_code);

DO $$
BEGIN
    FOR i IN 0..15 LOOP
        EXECUTE format('CREATE TABLE household_p%s PARTITION OF household FOR VALUES WITH (MODULUS 16, REMAINDER %s)', i, i);
    END LOOP;
END $$;

CREATE INDEX household_village ON household (village_code);
CREATE INDEX household_geom_gist ON household USING gist (geom);
CREATE INDEX household_site ON household (site_id) WHERE site_id IS NOT NULL;
CREATE INDEX household_risk_types ON household USING gin (risk_types);
-- Household ids are unique nationally (户编号); lookups by id alone probe each partition's index.
CREATE INDEX household_id ON household (household_id);

-- Assistance measures received (帮扶措施), one row each, partitioned like households.
CREATE TABLE assistance_measure (
    county_code  bigint NOT NULL,
    household_id text NOT NULL,
    kind         text NOT NULL,
    started_on   date NOT NULL,
    PRIMARY KEY (county_code, household_id, kind, started_on),
    FOREIGN KEY (county_code, household_id) REFERENCES household (county_code, household_id) ON DELETE CASCADE
) PARTITION BY HASH (county_code);

DO $$
BEGIN
    FOR i IN 0..15 LOOP
        EXECUTE format('CREATE TABLE assistance_measure_p%s PARTITION OF assistance_measure FOR VALUES WITH (MODULUS 16, REMAINDER %s)', i, i);
    END LOOP;
END $$;
CREATE INDEX assistance_measure_kind ON assistance_measure (kind);
