BEGIN;
DROP INDEX accounts_status_idx;
ALTER TABLE accounts
    DROP COLUMN status,
    DROP COLUMN suspended_by;
COMMIT;
