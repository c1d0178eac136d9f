#!/usr/bin/env bash
# compare.sh [REV]: the tui/perf benchmarks before and after the renderer
# patch, on one snapshot of distlab so only the renderer and the frame rate
# differ. From REV (default HEAD) it builds distlab and the floor three times:
#
#   before  the released Bubble Tea v2.1.1 (no replace) at 12 fps
#   patch12 the patched copy (tui/third_party/bubbletea) at 12 fps
#   after   the patched copy at tui.FrameRate, as committed
#
# and runs BenchmarkStartup, BenchmarkKeyToFrame and BenchmarkCPU on each
# (from the snapshot, so a half-edited working tree does not matter), the
# floor at the same frame rate as distlab. Results go to stdout and to
# $OUT (default /tmp/distlab-perf). About 3 minutes a variant on 2 cores.
# Extra arguments for the benchmarks (after -args) come from $PERF_ARGS,
# e.g. PERF_ARGS='-keys 300 -window 20s'. Waits and latencies grow with
# whatever else runs on the machine (each figure comes with the load
# average); `nice -n -10 tui/perf/compare.sh` keeps concurrent builds from
# dominating them.
set -euo pipefail

root=$(git rev-parse --show-toplevel)
rev=$(git -C "$root" rev-parse "${1:-HEAD}") # one commit for all three, however HEAD moves
out=${OUT:-/tmp/distlab-perf}
mkdir -p "$out"
src=$(mktemp -d)
trap 'rm -rf "$src"' EXIT

git -C "$root" archive "$rev" | tar -x -C "$src"
fps_after=$(sed -n 's/^const FrameRate = \([0-9]*\).*/\1/p' "$src/tui/run.go")

variant() { # name, replace (yes/no), fps
	local name=$1 replace=$2 fps=$3 dir=$src/$1
	mkdir -p "$dir"
	git -C "$root" archive "$rev" | tar -x -C "$dir"
	sed -i "s/^const FrameRate = [0-9]*/const FrameRate = $fps/" "$dir/tui/run.go"
	if [ "$replace" = no ]; then
		(cd "$dir" && go mod edit -dropreplace charm.land/bubbletea/v2)
	fi
	(cd "$dir" && GOFLAGS=-mod=mod go build -o "$out/$name-distlab" ./cmd/distlab &&
		GOFLAGS=-mod=mod go build -o "$out/$name-floor" ./cmd/distlab/testdata/floor)
	echo "== $name: $rev replace=$replace fps=$fps" | tee "$out/$name.txt"
	(cd "$dir" && GOFLAGS=-mod=mod go test ./tui/perf -run '^$' -bench . -benchtime 1x -timeout 20m \
		-args -distlab "$out/$name-distlab" -floor "$out/$name-floor" -fps "$fps" ${PERF_ARGS:-}) |
		tee -a "$out/$name.txt"
}

variant before no 12
variant patch12 yes 12
variant after yes "$fps_after"
