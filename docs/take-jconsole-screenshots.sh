#!/usr/bin/env bash
# Takes the JConsole screenshots of the mcp-pool MBeans shown in the docs, headless under Xvfb.
#
#   docs/take-jconsole-screenshots.sh <mcp-pool.jar> <demo-app.jar> [output-dir]
#
# It starts, on a free X display, Xvfb (1400x900), the demo app with the agent (40 requests against the demo's own
# stdio server, then --hold so the pooled sessions stay), and JConsole attached to the demo's pid; drives JConsole with
# xdotool (MBeans tab, dev.mcppool expanded, McpServerPool's server node expanded, McpSessionPool/default selected) and
# writes, into output-dir (default: the folder of this script):
#   jconsole-mcp-pool.png             Attributes of dev.mcppool:type=McpSessionPool,name=default
#   jconsole-mcp-pool-operations.png  Operations of the same MBean
# Every process it starts is stopped on exit. Needs (Debian): xvfb xdotool x11-utils imagemagick fonts-dejavu-core,
# and a JDK 17 whose java and jconsole are on the PATH.
#
# The clicks are screen coordinates found for a 1400x900 screen, JConsole's default Metal look and DejaVu fonts: the
# "Insecure connection" button of JConsole's "Secure connection failed" dialog, the MBeans tab and the tree/table
# divider. The tree itself is driven with the keyboard (type-ahead and arrow keys), which does not depend on them.
set -euo pipefail

if [[ $# -lt 2 || $# -gt 3 ]]; then
    echo "usage: $0 <mcp-pool.jar> <demo-app.jar> [output-dir]" >&2
    exit 2
fi
AGENT_JAR=$(realpath "$1")
DEMO_JAR=$(realpath "$2")
OUT_DIR=$(realpath "${3:-$(dirname "$0")}")
for f in "$AGENT_JAR" "$DEMO_JAR"; do
    [[ -f $f ]] || { echo "no such file: $f" >&2; exit 2; }
done
for tool in Xvfb xdotool xdpyinfo import convert java jconsole; do
    command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 2; }
done
mkdir -p "$OUT_DIR"

SCREEN_W=1400
SCREEN_H=900
WORK=$(mktemp -d /tmp/jconsole-shots.XXXXXX)
XVFB_PID=""
DEMO_PID=""
JCONSOLE_PID=""
SERVER_PIDS=""

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# Stops one process: TERM, up to 10 s, then KILL.
stop_pid() {
    local pid=$1
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.5
    done
    kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
    local rc=$?
    set +e
    stop_pid "$JCONSOLE_PID"
    if [[ -n $DEMO_PID ]]; then
        # the demo's stdio servers, children of the demo JVM, in case its shutdown does not close them
        SERVER_PIDS="$SERVER_PIDS $(pgrep -P "$DEMO_PID" 2>/dev/null | tr '\n' ' ')"
        # closing the demo's stdin ends --hold: the demo closes its pool and servers and exits by itself
        exec 3>&-
        for _ in $(seq 1 20); do
            kill -0 "$DEMO_PID" 2>/dev/null || break
            sleep 0.5
        done
        stop_pid "$DEMO_PID"
    fi
    for pid in $SERVER_PIDS; do
        stop_pid "$pid"
    done
    stop_pid "$XVFB_PID"
    rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Waits up to $1 seconds for the command after it to succeed.
wait_for() {
    local seconds=$1
    shift
    local deadline=$((SECONDS + seconds))
    until "$@"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.5
    done
}

# --- Xvfb on a free display ---
DISPLAY_NUM=""
for n in $(seq 90 140); do
    [[ -e /tmp/.X$n-lock || -e /tmp/.X11-unix/X$n ]] && continue
    Xvfb ":$n" -screen 0 "${SCREEN_W}x${SCREEN_H}x24" -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
    XVFB_PID=$!
    if wait_for 10 xdpyinfo -display ":$n" >/dev/null 2>&1; then
        DISPLAY_NUM=$n
        break
    fi
    stop_pid "$XVFB_PID"
    XVFB_PID=""
done
[[ -n $DISPLAY_NUM ]] || { echo "could not start Xvfb on a free display" >&2; exit 1; }
export DISPLAY=":$DISPLAY_NUM"
log "Xvfb on $DISPLAY (pid $XVFB_PID)"

# --- the demo with the agent, held open on a FIFO that only this script writes to ---
mkfifo "$WORK/demo-stdin"
(
    unset DISPLAY
    cd "$WORK"
    exec java "-javaagent:$AGENT_JAR=maxPerKey=4,leakDetectionThreshold=30s" -jar "$DEMO_JAR" \
        --requests 40 --threads 4 --hold <"$WORK/demo-stdin" >"$WORK/demo.out" 2>"$WORK/demo.err"
) &
DEMO_PID=$!
exec 3>"$WORK/demo-stdin"
log "demo pid $DEMO_PID"
demo_ready() {
    kill -0 "$DEMO_PID" 2>/dev/null || { cat "$WORK/demo.err" >&2; echo "demo exited" >&2; exit 1; }
    grep -q '^server-processes=' "$WORK/demo.out"
}
wait_for 180 demo_ready || { echo "demo did not finish its requests in time" >&2; exit 1; }
cat "$WORK/demo.out" >&2
SERVER_PIDS=$(pgrep -P "$DEMO_PID" | tr '\n' ' ' || true)

# --- JConsole attached to the demo's pid ---
jconsole "$DEMO_PID" >"$WORK/jconsole.log" 2>&1 &
JCONSOLE_PID=$!
find_window() { WIN=$(xdotool search --name '^Java Monitoring & Management Console$' 2>/dev/null | head -1) && [[ -n $WIN ]]; }
wait_for 60 find_window || { echo "JConsole window did not appear" >&2; exit 1; }
sleep 2
eval "$(xdotool getwindowgeometry --shell "$WIN")" # X, Y: JConsole centres its 900x750 window on the screen
log "JConsole window $WIN at $X,$Y"

# "r,g,b" of one screen pixel (import's txt: format: "0,0: (r,g,b)  #RRGGBB  name")
pixel() { import -silent -window root -crop "1x1+$1+$2" -depth 8 txt:- | sed -n 's/^0,0: *(\([0-9]*\),\([0-9]*\),\([0-9]*\).*/\1,\2,\3/p'; }
# JConsole asks "Secure connection failed. Retry insecurely?" for the local connection; the dialog's yellow warning
# icon sits at (+290,+70) of the window, its "Insecure connection" button at (+362,+202). Once connected, the Overview
# tab's charts paint (+550,+325) and (+200,+250) white (the disconnected frame is grey there).
connected=""
for _ in $(seq 1 60); do
    IFS=, read -r r g b <<<"$(pixel $((X + 290)) $((Y + 70)))"
    if ((r > 220 && g > 220 && b < 190)); then
        log "answering the insecure-connection dialog"
        xdotool mousemove $((X + 362)) $((Y + 202)) click 1
        sleep 2
        continue
    fi
    for spot in "$((X + 550)) $((Y + 325))" "$((X + 200)) $((Y + 250))"; do
        IFS=, read -r r g b <<<"$(pixel $spot)"
        if ((r > 245 && g > 245 && b > 245)); then
            connected=yes
        fi
    done
    [[ -n $connected ]] && break
    sleep 0.5
done
if [[ -z $connected ]]; then
    FAILED_PNG="${TMPDIR:-/tmp}/jconsole-not-connected.png"
    import -window root "$FAILED_PNG"
    echo "JConsole did not connect: its screen is in $FAILED_PNG" >&2
    exit 1
fi
log "connected"

# Fill the screen; JConsole keeps its only connection's internal frame maximised.
xdotool windowmove "$WIN" 0 0 windowsize "$WIN" "$SCREEN_W" "$SCREEN_H"
sleep 2

# MBeans tab.
xdotool mousemove 472 57 click 1
sleep 3
# Widen the tree: drag the split-pane divider from x=171 to x=880.
xdotool mousemove 171 450 mousedown 1
sleep 0.3
xdotool mousemove 400 450
sleep 0.3
xdotool mousemove 880 450
sleep 0.3
xdotool mouseup 1
sleep 1

# The tree: focus it by clicking its first row, then type-ahead and arrow keys.
xdotool mousemove 60 81 click 1
sleep 0.5
xdotool type --delay 50 'dev.mcppool'   # selects the dev.mcppool domain
sleep 1.2
xdotool key Right                        # expand it: McpServerPool, McpSessionPool
sleep 0.5
xdotool key Down Right                   # McpServerPool, expanded: one node per server key
sleep 0.5
xdotool key Down Right                   # the first server node, expanded: Attributes, Operations
sleep 0.5
xdotool type --delay 50 'McpSession'     # McpSessionPool
sleep 1.2
xdotool key Right                        # expanded: default
sleep 0.5
xdotool key Down Right                   # default, expanded: Attributes, Operations
sleep 0.5
xdotool key Down                         # Attributes
sleep 3
import -window root "$WORK/attributes.png"
xdotool key Down                         # Operations
sleep 3
import -window root "$WORK/operations.png"

# 8-bit palette PNGs: the screen is flat Swing colours, so this loses nothing visible and keeps them small.
convert "$WORK/attributes.png" -colors 256 PNG8:"$OUT_DIR/jconsole-mcp-pool.png"
convert "$WORK/operations.png" -colors 256 PNG8:"$OUT_DIR/jconsole-mcp-pool-operations.png"
ls -l "$OUT_DIR/jconsole-mcp-pool.png" "$OUT_DIR/jconsole-mcp-pool-operations.png" >&2
