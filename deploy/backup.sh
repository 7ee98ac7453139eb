#!/usr/bin/env bash
# Online backup of the hall database with SQLite's .backup, keeping the last 30 days.
# Usage: backup.sh [DATA_DIR]   (default /var/lib/hall)
set -euo pipefail
data_dir=${1:-/var/lib/hall}
backups="$data_dir/backups"
mkdir -p "$backups"
target="$backups/hall-$(date +%Y%m%d-%H%M%S).sqlite"
sqlite3 "$data_dir/hall.sqlite" ".backup '$target'"
# The key that decrypts ID numbers is needed to use a backup: keep it beside them (same permissions).
cp -p "$data_dir/hall.key" "$backups/hall.key" 2>/dev/null || true
find "$backups" -name 'hall-*.sqlite' -mtime +30 -delete
echo "backup written: $target"
