#!/usr/bin/env bash
# Frame budget benchmark (issue 16): for every screen, `tradeport play --frame-stats` on a
# bundled scenario, plus idle CPU over 10 s at the menu and on each desk, printed as a Markdown
# table. Judge it on a release build under software rendering at 1280x800:
#
#   cargo build --release && benches/frame-budget.sh target/release/tradeport
#
# Needs Xvfb and Mesa's software Vulkan (apt-get install xvfb mesa-vulkan-drivers); starts its
# own Xvfb on display :97 unless DISPLAY is already set. The store is also measured over a
# 120-day run (a copy of the bundled scenario, lengthened) for charts over 90+ days.
set -euo pipefail

bin="$(realpath "${1:-target/release/tradeport}")"
frames="${FRAMES:-120}"
measure_idle="${IDLE:-1}"   # IDLE=0 skips the idle-CPU runs (about 20 s per screen)
size="${SIZE:-1280x800}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"; [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null || true' EXIT

if [ -z "${DISPLAY:-}" ]; then
    Xvfb :97 -screen 0 1920x1080x24 >/dev/null 2>&1 &
    xvfb_pid=$!
    export DISPLAY=:97
    sleep 2
fi
# Saves and settings of the runs go to a scratch home, never the user's.
export HOME="$work/home" TRADEPORT_DATA_DIR="$work/home/data" XDG_CONFIG_HOME="$work/home/config"
mkdir -p "$HOME"

# The bundled scenarios, and a 120-day copy of the storefront one beside them.
cp -r "$root/scenarios" "$work/scenarios"
sed 's/length_days: 30,/length_days: 120,/' "$root/scenarios/b2c-eu-storefront.scenario.ron" \
    > "$work/scenarios/b2c-long-run.scenario.ron"
grep -q 'length_days: 120,' "$work/scenarios/b2c-long-run.scenario.ron"

b2b="$work/scenarios/b2b-silk-blouses.scenario.ron"
b2c="$work/scenarios/b2c-eu-storefront.scenario.ron"
c2c="$work/scenarios/c2c-vintage-cameras.scenario.ron"
long="$work/scenarios/b2c-long-run.scenario.ron"

runs=(
    "menu|"
    "overview|$b2b"
    "inbox|$b2b"
    "customs|$b2b"
    "hs|$b2b"
    "negotiation|$b2b"
    "deal-debrief|$b2b"
    "documents|$b2b"
    "listing|$b2c"
    "cost-sheet|$b2c"
    "store|$b2c"
    "store (120 days)|$long"
    "research|$b2c"
    "promotion|$b2c"
    "c2c|$c2c"
    "auction|$c2c"
    "offers|$c2c"
    "disputes|$c2c"
    "buying|$c2c"
    "parcel|$c2c"
    "progress|"
    "debrief|$b2b"
)

field() { sed -n "s/^$1 \([0-9.]*\) .*/\1/p" "$2" | head -1; }

# Idle CPU: percent of one core used over 10 s, 8 s after launch (once the screen is up).
idle_cpu() {
    local screen="$1" scenario="$2"
    "$bin" play $scenario --screen "$screen" --size "$size" >/dev/null 2>&1 &
    local pid=$!
    sleep 8
    local before after
    before=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo "")
    sleep 10
    after=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo "")
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    if [ -n "$before" ] && [ -n "$after" ]; then
        awk -v t="$((after - before))" 'BEGIN { printf "%.1f%%", t / 10 }'   # ticks of 1/100 s over 10 s
    else
        echo "n/a"
    fi
}

echo "| screen | p50 | p95 | p99 | first frame | idle CPU (10 s) |"
echo "|---|---:|---:|---:|---:|---:|"
for run in "${runs[@]}"; do
    label="${run%%|*}"; scenario="${run#*|}"
    screen="${label%% *}"
    log="$work/$screen.log"
    if ! timeout 600 "$bin" play $scenario --screen "$screen" --size "$size" --frame-stats "$frames" >"$log" 2>&1; then
        echo "| $label | failed: $(tail -1 "$log") | | | | |"
        continue
    fi
    idle="—"
    [ "$measure_idle" = 1 ] && case "$screen" in
        menu|inbox|customs|negotiation|documents|listing|store|promotion|c2c|auction|offers|disputes)
            [ "$label" = "$screen" ] && idle="$(idle_cpu "$screen" "$scenario")" ;;
    esac
    printf '| %s | %s ms | %s ms | %s ms | %s ms | %s |\n' "$label" \
        "$(field p50 "$log")" "$(field p95 "$log")" "$(field p99 "$log")" \
        "$(sed -n 's/^first frame \([0-9.]*\) ms.*/\1/p' "$log")" "$idle"
done
