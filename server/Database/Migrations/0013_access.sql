-- Access (docs/security.md): users with a role and an area scope, issued bearer tokens, and the
-- audit of every export. Imports and area events remember who sent them from which area.

-- A person, or a wall screen's account. role decides what they may do and scope_code where: the
-- unit whose subtree they see (NULL: the whole country). A password is optional: an account may
-- use issued tokens only. Accounts are disabled, never deleted, so audit rows keep their owner.
CREATE TABLE app_user (
    user_id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    display_name  text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    role          text NOT NULL CHECK (role IN ('leader', 'planner', 'data-officer', 'administrator')),
    scope_code    bigint CHECK (scope_code BETWEEN 110000000000 AND 829999999999),
    -- ASP.NET Core Identity's PasswordHasher format (PBKDF2, salt and iteration count inside).
    password_hash text,
    created_at    timestamptz NOT NULL,
    created_by    text NOT NULL,
    disabled_at   timestamptz
);
CREATE UNIQUE INDEX app_user_username ON app_user (username);

-- Issued bearer tokens. Only the SHA-256 of a token is kept: a copy of this table signs nobody
-- in. A token is a session (a sign-in, hours) or a device token (a wall screen, view only, months).
CREATE TABLE access_token (
    token_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES app_user (user_id),
    token_hash  bytea NOT NULL CHECK (length(token_hash) = 32),
    kind        text NOT NULL CHECK (kind IN ('session', 'device')),
    label       text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL,
    created_by  text NOT NULL,
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    revoked_by  text
);
CREATE UNIQUE INDEX access_token_hash ON access_token (token_hash);
CREATE INDEX access_token_user ON access_token (user_id);

-- Every export of data, over HTTP or by the CLI: who, what, which area, when, and how many rows
-- (NULL while it runs, or when it did not finish).
CREATE TABLE export_audit (
    audit_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor       text NOT NULL,
    user_id     bigint REFERENCES app_user (user_id),
    via         text NOT NULL CHECK (via IN ('http', 'cli')),
    what        text NOT NULL,
    scope_code  bigint,
    row_count   bigint,
    finished_at timestamptz
);
CREATE INDEX export_audit_at ON export_audit (at DESC);

-- Who imported a file from which area: an import is seen, and recognised as a repeat, only
-- within that area (NULL: the whole country, as the CLI imports).
ALTER TABLE import_batch
    ADD COLUMN imported_by text NOT NULL DEFAULT 'cli',
    ADD COLUMN scope_code  bigint;

-- Who reported an area event from which area.
ALTER TABLE area_event
    ADD COLUMN reported_by text NOT NULL DEFAULT 'unknown',
    ADD COLUMN scope_code  bigint;

-- Who saved a watch region from which area: it is seen, renamed and deleted from within that area
-- only (NULL: the whole country).
ALTER TABLE watch_region
    ADD COLUMN created_by text NOT NULL DEFAULT 'unknown',
    ADD COLUMN scope_code bigint;
