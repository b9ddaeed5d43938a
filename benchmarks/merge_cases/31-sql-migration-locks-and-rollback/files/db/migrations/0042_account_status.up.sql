-- Accounts get a lifecycle status, who suspended them, and when the status last changed.
BEGIN;

ALTER TABLE accounts
    ADD COLUMN status text NOT NULL DEFAULT 'active',
    ADD COLUMN suspended_by bigint REFERENCES users (id),
    ADD COLUMN status_changed_at timestamptz NOT NULL DEFAULT clock_timestamp();

UPDATE accounts
   SET status = 'closed'
 WHERE closed_at IS NOT NULL;

CREATE INDEX accounts_status_idx ON accounts (status);

ALTER TABLE accounts
    ADD CONSTRAINT accounts_status_check
    CHECK (status IN ('active', 'suspended', 'closed'));

DROP VIEW IF EXISTS active_accounts;
CREATE VIEW active_accounts AS
    SELECT id, email, created_at
      FROM accounts
     WHERE status = 'active';

COMMIT;
