#!/usr/bin/env bash
# Makes the README's pictures from the real app: builds distlab, runs it in
# tmux at a projector's 100×30, drives it with keys as a user would, captures
# the screen with its colours, draws it as SVG with freeze (go install
# github.com/charmbracelet/freeze@v0.2.2) in DejaVu Sans Mono, and turns that
# into a PNG of about 1,100 pixels across with rsvg-convert (Debian:
# librsvg2-bin; freeze's own PNG path is four times larger, and crashed here).
# The state file lives in a temporary folder, so the pictures do not depend on
# what you have read.
#
#   bash tui/screenshots/make.sh          # all pictures, into tui/screenshots/
set -euo pipefail
cd "$(dirname "$0")/../.."
out=tui/screenshots
freeze=$(command -v freeze || echo "$(go env GOPATH)/bin/freeze")
command -v tmux >/dev/null || { echo "make.sh needs tmux" >&2; exit 1; }
[ -x "$freeze" ] || { echo "make.sh needs freeze: go install github.com/charmbracelet/freeze@v0.2.2" >&2; exit 1; }
command -v python3 >/dev/null || { echo "make.sh needs python3" >&2; exit 1; }
command -v rsvg-convert >/dev/null || { echo "make.sh needs rsvg-convert (Debian: apt-get install librsvg2-bin)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/distlab" ./cmd/distlab
export DISTLAB_STATE=$tmp/state.json
cat >"$tmp/cells.py" <<'PY'
import re, sys, unicodedata
# Puts every character of freeze's SVG in its terminal cell: a glyph the
# font lacks (braille) comes from a fallback font of another width, which
# would push the rest of its line out of its columns.
cw = float(sys.argv[2])
svg = open(sys.argv[1], encoding='utf-8').read()
def fix_text(m):
    head, x0, body = m.group(1), float(m.group(2)), m.group(3)
    col = 0
    def fix_span(t):
        nonlocal col
        attrs, text = t.group(1), t.group(2)
        raw = re.sub(r'&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);', 'X', text)  # one char each
        xs = []
        for ch in raw:
            xs.append('%.2f' % (x0 + col * cw))
            col += 2 if unicodedata.east_asian_width(ch) in 'WF' else (0 if unicodedata.combining(ch) else 1)
        if not xs:
            return t.group(0)
        return '<tspan x="%s"%s>%s</tspan>' % (' '.join(xs), attrs, text)
    body = re.sub(r'<tspan([^>]*[^/>])>(.*?)</tspan>', fix_span, body, flags=re.S)
    return head + body
svg = re.sub(r'(<text x="([0-9.]+)px"[^>]*>)(.*?)(?=</text>)', fix_text, svg, flags=re.S)
open(sys.argv[1], 'w', encoding='utf-8').write(svg)
PY

# shot NAME WAIT ARGS... -- KEYS...: starts the app with ARGS, waits WAIT
# seconds, sends each of KEYS (with half a second between them), waits
# again and saves the screen as NAME.png.
shot() {
	local name=$1 wait=$2
	shift 2
	local args=()
	while [ $# -gt 0 ] && [ "$1" != -- ]; do args+=("$1"); shift; done
	[ $# -gt 0 ] && shift
	local session=distlab-shot-$name
	tmux new-session -d -s "$session" -x 100 -y 30 "$tmp/distlab" "${args[@]}"
	sleep 1.5
	for k in "$@"; do
		tmux send-keys -t "$session" "$k"
		sleep 0.5
	done
	sleep "$wait"
	tmux capture-pane -e -p -t "$session" >"$tmp/$name.ansi"
	tmux kill-session -t "$session"
	"$freeze" "$tmp/$name.ansi" --language ansi --window=false --padding 10 --font.size 12 \
		--font.family "DejaVu Sans Mono" -o "$tmp/$name.svg" >/dev/null
	python3 "$tmp/cells.py" "$tmp/$name.svg" 7.142857 # freeze's cell width at 12 px
	rsvg-convert -z 1.5 "$tmp/$name.svg" -o "$out/$name.png"
	echo "$out/$name.png"
}

shot reader-chat 5 --lang en --lesson communication-by-messages -- 1 c
shot clocks 1 --lang en --lesson time-consistency-failures -- 1 z Right Right Right Right Right Right Right Down Down
shot scale 5 --lang en --lesson scalability -- 1 e
shot presenter 1 --lang pt-BR --presenter --lesson time-consistency-failures -- Right Right Right
