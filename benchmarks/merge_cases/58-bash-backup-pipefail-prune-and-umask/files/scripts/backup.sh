#!/usr/bin/env bash
# Nightly backup of the app database and uploads to the vault host.
set -u

BACKUP_DIR=/var/backups/app
STAMP=$(date +%F)
DEST=backup@vault.internal:/srv/backups/app

mkdir -p $BACKUP_DIR
pg_dump -U app appdb | gzip > $BACKUP_DIR/db-$STAMP.sql.gz
tar czf $BACKUP_DIR/uploads-$STAMP.tar.gz /srv/app/uploads

rsync -a $BACKUP_DIR/ $DEST/
find $BACKUP_DIR -mtime +7 -exec rm -rf {} \;

echo "backup done"
