#!/usr/bin/env bash
# Smoke test of a live notejam behind its load balancer: both services answer, and a new user can
# sign up, sign in, create a pad and a note on each flavour (/express and /flask). It then deletes
# what it created (the note and the pad; neither app can delete a user, so the account, named
# smoke+<run>@example.com, stays). Exits non-zero with the step that failed.
#
# Usage: .circleci/smoke.sh http://<alb-dns-name> [FLASK_BASE_URL]   (or SMOKE_BASE_URL=...)
# The optional second URL sends the /flask requests elsewhere, e.g. straight to the two services
# without a load balancer: smoke.sh http://127.0.0.1:3000 http://127.0.0.1:5000
# Needs: bash, curl, grep, sed.
set -euo pipefail

express_url="${1:-${SMOKE_BASE_URL:-}}"
express_url="${express_url%/}"
[ -n "$express_url" ] || { echo "usage: $0 BASE_URL [FLASK_BASE_URL]" >&2; exit 2; }
flask_url="${2:-$express_url}"
flask_url="${flask_url%/}"
base_url="$express_url"
wait_seconds="${SMOKE_WAIT_SECONDS:-300}"

run_id="$(date +%s)-$RANDOM"
email="smoke+${run_id}@example.com"
password="Smoke-${run_id}-${RANDOM}${RANDOM}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
body="$work/body.html"

step() { printf '==> %s\n' "$*"; }
fail() { printf 'SMOKE FAILED: %s\n' "$*" >&2; exit 1; }

# request JAR METHOD PATH [name=value ...]: body into $body; sets $status and $location.
request() {
  local jar="$1" method="$2" path="$3"
  shift 3
  local args=(-sS -o "$body" -w '%{http_code} %{redirect_url}' -b "$jar" -c "$jar" -X "$method"
    --max-time 30)
  local field
  for field in "$@"; do args+=(--data-urlencode "$field"); done
  local result
  result="$(curl "${args[@]}" "$base_url$path")" || fail "$method $path: no answer"
  status="${result%% *}"
  location="${result#* }"
  # Compare paths only: whichever host the Location names (the ALB's, or the one a service saw).
  location="$(printf '%s' "$location" | sed -E 's#^[A-Za-z][A-Za-z0-9+.-]*://[^/]*##')"
}

# expect STATUS [LOCATION]: the last response had this status (and redirect target, path only).
expect() {
  [ "$status" = "$1" ] || fail "expected $1, got $status (location: ${location:-none})"
  if [ $# -gt 1 ] && [ "$location" != "$2" ]; then
    fail "expected a redirect to $2, got ${location:-none}"
  fi
}

# body_contains TEXT: the last response body contains TEXT literally.
body_contains() { grep -qF -- "$1" "$body" || fail "page does not contain '$1'"; }

# link_id PREFIX TEXT: the id N of the first link href="PREFIX N..." whose text is TEXT.
link_id() {
  tr -d '\n' <"$body" | grep -oE "href=\"$1[0-9]+/?\"[^>]*>[[:space:]]*$2[[:space:]]*<" \
    | head -n1 | sed -E "s|href=\"$1([0-9]+).*|\1|"
}

# csrf_token: the hidden csrf_token value of the form in the last response (Flask).
csrf_token() {
  grep -oE '<input[^>]*name="csrf_token"[^>]*>' "$body" | head -n1 \
    | sed -nE 's/.*value="([^"]*)".*/\1/p'
}

step "waiting for $base_url/health (up to ${wait_seconds}s)"
deadline=$((SECONDS + wait_seconds))
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$base_url/health" || true)" = 200 ]; do
  [ "$SECONDS" -lt "$deadline" ] || fail "$base_url/health did not answer 200"
  sleep 5
done

smoke_express() {
  local jar="$work/express.jar" pad="smoke-pad-$run_id" note="smoke-note-$run_id"
  step "express: health, sign-up page"
  request "$jar" GET /health
  expect 200
  request "$jar" GET /express/signup
  expect 200
  step "express: sign up $email"
  request "$jar" POST /express/signup "email=$email" "password=$password" "confirm_password=$password"
  expect 302 /express/signin
  step "express: sign in"
  request "$jar" POST /express/signin "email=$email" "password=$password"
  expect 302 /express
  step "express: create pad and note"
  request "$jar" POST /express/pads/create "name=$pad"
  expect 302 /express
  request "$jar" GET /express/
  expect 200
  local pad_id
  pad_id="$(link_id /express/pads/ "$pad")"
  [ -n "$pad_id" ] || fail "express: the new pad is not in the sidebar"
  request "$jar" POST /express/notes/create "name=$note" "text=written by the smoke test" "pad_id=$pad_id"
  expect 302 /express
  request "$jar" GET "/express/pads/$pad_id"
  expect 200
  body_contains "$note"
  local note_id
  note_id="$(link_id /express/notes/ "$note")"
  [ -n "$note_id" ] || fail "express: the new note is not listed in its pad"
  step "express: clean up note $note_id and pad $pad_id"
  request "$jar" POST "/express/notes/$note_id/delete"
  expect 302 /express
  request "$jar" POST "/express/pads/$pad_id/delete"
  expect 302 /express
  request "$jar" GET "/express/notes/$note_id"
  expect 404
  request "$jar" GET /express/signout
}

smoke_flask() {
  base_url="$flask_url"
  local jar="$work/flask.jar" pad="smoke-pad-$run_id" note="smoke-note-$run_id" token
  step "flask: sign up $email"
  request "$jar" GET /flask/signup/
  expect 200
  token="$(csrf_token)"
  [ -n "$token" ] || fail "flask: no csrf_token in the sign-up form"
  request "$jar" POST /flask/signup/ "csrf_token=$token" "email=$email" "password=$password" \
    "repeat_password=$password"
  expect 302 /flask/signin/
  step "flask: sign in"
  request "$jar" GET /flask/signin/
  token="$(csrf_token)"
  request "$jar" POST /flask/signin/ "csrf_token=$token" "email=$email" "password=$password"
  expect 302 /flask
  step "flask: create pad and note"
  request "$jar" GET /flask/pads/create/
  expect 200
  token="$(csrf_token)"
  request "$jar" POST /flask/pads/create/ "csrf_token=$token" "name=$pad"
  expect 302 /flask
  request "$jar" GET /flask
  expect 200
  local pad_id
  pad_id="$(link_id /flask/pads/ "$pad")"
  [ -n "$pad_id" ] || fail "flask: the new pad is not in the sidebar"
  request "$jar" GET "/flask/notes/create/?pad=$pad_id"
  expect 200
  token="$(csrf_token)"
  request "$jar" POST "/flask/notes/create/?pad=$pad_id" "csrf_token=$token" "name=$note" \
    "text=written by the smoke test" "pad=$pad_id"
  expect 302 "/flask/pads/$pad_id/"
  request "$jar" GET "/flask/pads/$pad_id/"
  expect 200
  body_contains "$note"
  step "flask: clean up pad $pad_id and its note"
  request "$jar" GET "/flask/pads/$pad_id/delete/"
  expect 200
  token="$(csrf_token)"
  request "$jar" POST "/flask/pads/$pad_id/delete/" "csrf_token=$token"
  expect 302 /flask
  request "$jar" GET "/flask/pads/$pad_id/"
  expect 404
  request "$jar" GET /flask/signout/
}

smoke_express
smoke_flask
echo "smoke test passed: $express_url/express and $flask_url/flask (user $email)"
