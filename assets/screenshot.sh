#!/usr/bin/env bash
# Takes a screenshot of the NN Lab window in a virtual X display, to look at the UI without a
# desktop. Writes assets/screenshot.png (or --out FILE).
#
#   assets/screenshot.sh [--autostart ID] [--args "--epochs 3 --rounds 1"] [--wait SECONDS]
#                        [--demo] [--size WxH] [--history MODE] [--runs-dir DIR] [--out FILE]
#
#   --autostart ID   select experiment ID and start a run once the window is up
#   --args "..."     that run's settings, with the command line's syntax
#   --wait N         seconds to wait after the window appears (default 3)
#   --demo           also list the synthetic test experiment (id "fake"; needs the test classes)
#   --size WxH       screen and window size (default 1280x800)
#   --history MODE   open History: list, open (newest run), open:NAME, compare (two newest
#                    runs of one experiment) or compare:NAME,NAME
#   --runs-dir DIR   the runs folder the app lists (default target/screenshot-runs)
# Needs the Debian packages xvfb, xauth, imagemagick and x11-utils.
set -euo pipefail
cd "$(dirname "$0")/.."

autostart=""
autostart_args=""
wait_s=3
demo=0
out="assets/screenshot.png"
size="1280x800"
history=""
runs_dir="$PWD/target/screenshot-runs"
while [ $# -gt 0 ]; do
  case "$1" in
    --autostart) autostart="$2"; shift 2 ;;
    --args) autostart_args="$2"; shift 2 ;;
    --wait) wait_s="$2"; shift 2 ;;
    --demo) demo=1; shift ;;
    --out) out="$2"; shift 2 ;;
    --size) size="$2"; shift 2 ;;
    --history) history="$2"; shift 2 ;;
    --runs-dir) runs_dir="$(cd "$2" && pwd)"; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "screenshot.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

# Rebuild when any source is newer than the jar (package also compiles the test classes).
if [ ! -f target/nnlab.jar ] || [ -n "$(find src pom.xml -newer target/nnlab.jar -print -quit)" ]; then
  echo "building…" >&2
  ./mvnw -q -o package -DskipTests
fi

cp="target/nnlab.jar:target/lib/*"
props=(-Dnnlab.timing=true -Dnnlab.runs.dir="$runs_dir" -Dnnlab.window.size="$size")
if [ "$demo" = 1 ]; then
  cp="$cp:target/test-classes"
  props+=(-Dnnlab.extraExperiments=nnlab.app.FakeExperiment)
fi
[ -n "$autostart" ] && props+=(-Dnnlab.autostart="$autostart")
[ -n "$autostart_args" ] && props+=(-Dnnlab.autostart.args="$autostart_args")
[ -n "$history" ] && props+=(-Dnnlab.history="$history")

mkdir -p "$(dirname "$out")"
tmp_out="$(mktemp --suffix=.png)"
log="$(mktemp)"
# Everything below runs inside the virtual display: start the app, wait for its window, wait,
# capture the whole screen, close the app.
xvfb-run -a -s "-screen 0 ${size}x24" bash -c '
  set -u
  java -cp "$1" "${@:5}" nnlab.Main >"$4" 2>&1 &
  app=$!
  for _ in $(seq 1 100); do
    if xwininfo -root -tree 2>/dev/null | grep -q "\"NN Lab\""; then break; fi
    if ! kill -0 "$app" 2>/dev/null; then echo "the app exited before showing its window" >&2; exit 1; fi
    sleep 0.1
  done
  # A mapped window stays blank white until JavaFX paints its first frame (seconds on a busy machine).
  win=$(xwininfo -name "NN Lab" | sed -n "s/.*Window id: \(0x[0-9a-f]*\).*/\1/p")
  for _ in $(seq 1 60); do
    import -window "$win" "$3"
    [ "$(convert "$3" -format "%[fx:mean>0.99]" info:)" = 0 ] && break
    sleep 0.5
  done
  sleep "$2"
  import -window root "$3"
  kill "$app" 2>/dev/null
  wait "$app" 2>/dev/null
  exit 0
' _ "$cp" "$wait_s" "$tmp_out" "$log" "${props[@]}"
status=$?
# (Killing the app mid-paint may log a RejectedExecutionException from the renderer: harmless.)
grep -E "nnlab:|Exception|Error" "$log" | grep -v -e "^\s*at " -e RejectedExecution | head -20 >&2 || true
rm -f "$log"
if [ $status -ne 0 ] || [ ! -s "$tmp_out" ]; then
  echo "screenshot.sh: no screenshot taken" >&2
  exit 1
fi
mv "$tmp_out" "$out"
chmod 644 "$out" # mktemp made it private
echo "wrote $out" >&2
