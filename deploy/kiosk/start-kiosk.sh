#!/bin/sh
# Starts the hall kiosk page in Chromium's kiosk mode. Run by hall-kiosk.service (inside cage) or by
# the XDG autostart entry. Configuration comes from ~/.config/hall-kiosk/env:
#   HALL_URL=http://192.168.1.10:8080      the hall server
#   KIOSK_TOKEN=...                        only for the first start; afterwards the page keeps it
set -eu

CONF="${XDG_CONFIG_HOME:-$HOME/.config}/hall-kiosk"
[ -f "$CONF/env" ] && . "$CONF/env"
HALL_URL="${HALL_URL:-http://127.0.0.1:8080}"
URL="$HALL_URL/kiosk/"
# The token is passed once; the page stores it and removes it from the address. Delete the line
# from the env file after the first successful start.
if [ -n "${KIOSK_TOKEN:-}" ]; then URL="$URL?token=$KIOSK_TOKEN"; fi

# Wait (at most two minutes) for the hall server, so a cold boot does not show an error page.
i=0
while [ $i -lt 60 ] && ! curl -fsS -o /dev/null "$HALL_URL/api/health"; do
  i=$((i + 1))
  sleep 2
done

# Not --incognito: the device token lives in this profile's localStorage.
exec /usr/bin/chromium \
  --kiosk \
  --user-data-dir="$CONF/chromium" \
  --no-first-run \
  --noerrdialogs \
  --disable-infobars \
  --disable-session-crashed-bubble \
  --disable-pinch \
  --overscroll-history-navigation=0 \
  --disable-features=Translate,TranslateUI,OverscrollHistoryNavigation,TouchpadOverscrollHistoryNavigation \
  --autoplay-policy=no-user-gesture-required \
  --disable-component-update \
  --check-for-update-interval=31536000 \
  --password-store=basic \
  --lang=zh-CN \
  --touch-events=enabled \
  "$URL"
