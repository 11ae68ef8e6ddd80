#!/usr/bin/env bash
# Crash test: starts `letters serve` on a fresh corpus and index, uploads letters in a loop, kills the
# server with SIGKILL at random moments (0-3 s after uploads start flowing), restarts it, and checks that every acknowledged upload (201) is
# in the corpus and searchable and that the index opens cleanly.
#
#   scripts/crash-test.sh [KILLS=20] [UPLOADERS=2]
#
# Prints the figures at the end: kills, uploads acknowledged, lost (must be 0), restart times.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kills="${1:-20}"
uploaders="${2:-2}"
work="$(mktemp -d "${TMPDIR:-/tmp}/letters-crash.XXXXXX")"
port=$(( 20000 + RANDOM % 20000 ))
export LETTERS_TOKEN="crash-test-$RANDOM$RANDOM$RANDOM"
base="http://127.0.0.1:$port"
acked="$work/acked.tsv"
: > "$acked"
server_pid=""
uploader_pids=()

cleanup() {
  for p in "${uploader_pids[@]:-}"; do [[ -n "$p" ]] && kill "$p" 2>/dev/null || true; done
  [[ -n "$server_pid" ]] && kill -9 "$server_pid" 2>/dev/null || true
}
trap cleanup EXIT

"$here/letters" --help >/dev/null  # builds when needed, outside the timings

restart_times=()
start_server() {
  local t0 t1
  t0=$(date +%s.%N)
  "$here/letters" serve --host 127.0.0.1 --port "$port" --corpus "$work/corpus" --index "$work/index" \
      --web "$work/no-web" >>"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 1200); do
    if curl -fsS "$base/api/health" >/dev/null 2>&1; then
      t1=$(date +%s.%N)
      restart_times+=("$(echo "$t1 - $t0" | bc)")
      return 0
    fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "the server exited while starting; log:" >&2; tail -30 "$work/server.log" >&2; exit 1
    fi
    sleep 0.1
  done
  echo "the server did not answer within 120 s" >&2; exit 1
}

# one uploader: unique letters, one at a time; records id and a unique word for each 201
uploader() {
  local n="$1" i=0 word body out code id
  while true; do
    i=$((i + 1))
    word="crashword${n}x${i}x$RANDOM"
    body="$work/up-$n.txt"
    printf 'Letter on %s and durable storage\n\nMarch 3, 2021\n\nTo:\nMinister of Testing, Government\n\nWe write about %s.\n\nSigned:\nCrash Test Coalition %s\n' \
      "$word" "$word" "$n" > "$body"
    out=$(curl -sS -m 60 -w '\n%{http_code}' -X POST -H "Authorization: Bearer $LETTERS_TOKEN" \
          -H 'Content-Type: text/plain' --data-binary @"$body" "$base/api/letters?filename=$word.txt" 2>/dev/null) || { sleep 0.2; continue; }
    code="${out##*$'\n'}"
    if [[ "$code" == 201 ]]; then
      id=$(grep -o '"id":"[0-9a-f]\{64\}"' <<<"$out" | head -1 | cut -d'"' -f4)
      printf '%s\t%s\n' "$id" "$word" >> "$acked"
    fi
  done
}

verify() {
  local lost=0 id word
  while IFS=$'\t' read -r id word; do
    if ! curl -fsS "$base/api/letters/$id" >/dev/null 2>&1 \
       || ! curl -fsS "$base/api/search?q=$word&highlight=false" | grep -q '"total":[1-9]'; then
      echo "LOST: $id $word" >&2
      lost=$((lost + 1))
    fi
  done < "$acked"
  echo "$lost"
}

echo "Crash test in $work (port $port): $kills kills, $uploaders uploaders"
total_lost=0
for k in $(seq 1 "$kills"); do
  start_server
  lost=$(verify)
  total_lost=$((total_lost + lost))
  uploader_pids=()
  before=$(wc -l < "$acked")
  for u in $(seq 1 "$uploaders"); do uploader "$u" & uploader_pids+=($!); done
  # let uploads flow (the first one after a start waits for a parser process), then kill at a random moment
  for _ in $(seq 1 600); do [[ $(wc -l < "$acked") -gt $before ]] && break; sleep 0.1; done
  sleep "$(awk -v r=$RANDOM 'BEGIN { printf "%.2f", (r % 300) / 100 }')"
  kill -9 "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  for p in "${uploader_pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  uploader_pids=()
  printf '  kill %2d: %d uploads acknowledged so far, restart took %ss, lost at this restart: %d\n' \
    "$k" "$(wc -l < "$acked")" "${restart_times[-1]}" "$lost"
done

# final restart: everything acknowledged must be there, and the index must agree with the corpus
start_server
lost=$(verify)
total_lost=$((total_lost + lost))
indexed=$(curl -fsS "$base/api/health" | grep -o '"letters":[0-9]*' | cut -d: -f2)
stored=$(find "$work/corpus/letters" -name '*.json' | wc -l)
kill -9 "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
sleep 5  # parser processes notice the closed pipe and exit
orphans=$(pgrep -f "ParserChild" -a | grep -c "$here/target/classes" || true)

sorted=$(printf '%s\n' "${restart_times[@]}" | sort -n)
echo
echo "kills:                $kills"
echo "uploads acknowledged: $(wc -l < "$acked")"
echo "lost:                 $total_lost (checked after every restart)"
echo "letters in index:     $indexed; sidecars in corpus: $stored"
echo "restart time (s):     min $(head -1 <<<"$sorted")  median $(sed -n "$(( (${#restart_times[@]} + 1) / 2 ))p" <<<"$sorted")  max $(tail -1 <<<"$sorted")"
echo "parser processes left behind: $orphans"
if [[ "$total_lost" -ne 0 || "$indexed" -ne "$stored" ]]; then echo "CRASH TEST FAILED"; exit 1; fi
echo "CRASH TEST PASSED"
rm -rf "$work"
