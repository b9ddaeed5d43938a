#!/bin/sh
set -e
install -D -m 0644 env.example /etc/reportd/env
echo "DATABASE_URL=postgres://report:$DB_PASSWORD@db/report" >> /etc/reportd/env
cp reportd.service /etc/systemd/system/
systemctl daemon-reload
systemctl enable --now reportd
