#!/usr/bin/env bash
set -e

APP_DIR=/srv/app
RELEASE=$1
TMP=$(mktemp -d)

trap 'rm -rf "$TMP"' EXIT

cd "$APP_DIR"
tar -xzf /tmp/$RELEASE.tar.gz -C "$TMP"
rm -rf "$APP_DIR/current"
mv "$TMP/app" "$APP_DIR/current"
if systemctl restart app; then
  echo "restarted"
fi
curl -fsS http://localhost:8080/health | grep -q ok
echo "deployed $RELEASE"
