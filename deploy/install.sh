#!/usr/bin/env bash
# Installs the hall server on a Debian-family machine (Debian 13 or later: Node.js 20 from Debian).
# Run as root from a checkout:  sudo deploy/install.sh [--name 大厅名称] [--demo]
# Idempotent: running it again upgrades the code and keeps the data in /var/lib/hall.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
name="便民服务中心"
demo=""
while [ $# -gt 0 ]; do
  case "$1" in
    --name) name="$2"; shift 2 ;;
    --demo) demo="--demo"; shift ;;
    *) echo "unknown option $1" >&2; exit 1 ;;
  esac
done
if [ "$(id -u)" -ne 0 ]; then echo "please run as root (sudo)" >&2; exit 1; fi

echo "== Debian packages"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  nodejs npm sqlite3 espeak-ng fonts-noto-cjk ca-certificates
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "Node.js $node_major is too old: the hall server needs Node.js 20 or later (Debian 13 ships it)." >&2
  exit 1
fi

echo "== user and directories"
id hall >/dev/null 2>&1 || useradd --system --home /var/lib/hall --shell /usr/sbin/nologin hall
install -d -o hall -g hall -m 0700 /var/lib/hall
install -d -m 0755 /opt/hall

echo "== code"
rsync -a --delete --exclude node_modules --exclude .git --exclude demo-data --exclude test-artifacts "$here/" /opt/hall/
cd /opt/hall
npm install --no-audit --no-fund --loglevel=error
npm run build --silent
chown -R root:root /opt/hall

echo "== hall configuration"
if [ ! -f /var/lib/hall/hall.json ]; then
  sudo -u hall HALL_DATA_DIR=/var/lib/hall node hall-server/bin/hallctl.mjs init --name "$name" $demo
else
  echo "keeping /var/lib/hall/hall.json"
fi

echo "== services"
install -m 0644 deploy/hall-server.service deploy/hall-backup.service deploy/hall-backup.timer /etc/systemd/system/
systemctl daemon-reload
systemctl enable --now hall-server.service hall-backup.timer
sleep 2
systemctl --no-pager --lines=5 status hall-server.service || true
cat <<MSG

The hall server runs on port 8080 (change server.port in /var/lib/hall/hall.json).
Next steps (as root):
  sudo -u hall HALL_DATA_DIR=/var/lib/hall /opt/hall/hall-server/bin/hallctl.mjs add-staff 1001 --name 张晓梅 --pin 246810
  sudo -u hall HALL_DATA_DIR=/var/lib/hall /opt/hall/hall-server/bin/hallctl.mjs enroll kiosk-1 --role kiosk
  Staff, devices and catalogs are picked up within seconds; after other edits of hall.json:
  systemctl restart hall-server
MSG
