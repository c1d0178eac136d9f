package clocks

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// ShiVizParser is ShiViz's default log parser, which reads WriteShiViz's log.
const ShiVizParser = `(?<event>.*)\n(?<host>\S*) (?<clock>{.*})`

// WriteShiViz writes r as a log for ShiViz's default parser
// (ShiVizParser): for each event a line describing it, then a line with
// the process's name and its vector clock as JSON, keyed by process name:
//
//	a2 send to b msg=0 physical=50.000ms lamport=2
//	a {"a":2}
//	b2 receive from a msg=0 physical=21.000ms lamport=3
//	b {"a":2,"b":2}
//
// Zero entries are left out (ShiViz rejects a clock value below 1), so
// every process named in a clock has logged an event of its own. ShiViz
// draws a message from the clocks alone: a lost message shows as a send
// with no arrow, and a duplicate delivery as a receive with none, since
// its clock brings nothing new.
func (r *Run) WriteShiViz(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for _, e := range r.Events {
		bw.WriteString(ShiVizDescription(e))
		bw.WriteByte('\n')
		bw.WriteString(ProcName(e.Proc))
		bw.WriteString(" {")
		first := true
		for q, x := range e.Vector {
			if x == 0 {
				continue
			}
			if !first {
				bw.WriteByte(',')
			}
			first = false
			bw.WriteString(strconv.Quote(ProcName(q)))
			bw.WriteByte(':')
			bw.WriteString(strconv.Itoa(x))
		}
		bw.WriteString("}\n")
	}
	return bw.Flush()
}

// ShiVizDescription is an event's line in the ShiViz log. It never holds a
// brace, so ShiViz's parser cannot take it for a clock line.
func ShiVizDescription(e Event) string {
	var sb strings.Builder
	sb.WriteString(e.Label)
	switch e.Kind {
	case Local:
		sb.WriteString(" local")
	case Send:
		fmt.Fprintf(&sb, " send to %s msg=%d", ProcName(e.Peer), e.Msg)
		if e.Lost {
			sb.WriteString(" lost")
		}
	case Receive:
		fmt.Fprintf(&sb, " receive from %s msg=%d", ProcName(e.Peer), e.Msg)
		if e.Dup {
			sb.WriteString(" duplicate")
		}
	}
	fmt.Fprintf(&sb, " physical=%s lamport=%d", FormatTime(e.Physical), e.Lamport)
	return sb.String()
}

// jsonEvent is an event as a line of the JSON Lines export.
type jsonEvent struct {
	ID         int    `json:"id"`
	Label      string `json:"label"`
	Proc       int    `json:"proc"`
	Host       string `json:"host"`
	Kind       Kind   `json:"kind"`
	TrueNS     int64  `json:"true_ns"`
	PhysicalNS int64  `json:"physical_ns"`
	Lamport    int    `json:"lamport"`
	Vector     []int  `json:"vector"`
	Msg        int    `json:"msg"`  // -1 for a local event
	Peer       int    `json:"peer"` // -1 for a local event
	Lost       bool   `json:"lost"`
	Dup        bool   `json:"dup"`
}

// WriteJSONL writes one JSON object per event, in true-time order, e.g.
//
//	{"id":2,"label":"a2","proc":0,"host":"a","kind":"send","true_ns":10000000,"physical_ns":50000000,"lamport":2,"vector":[2,0],"msg":0,"peer":1,"lost":false,"dup":false}
func (r *Run) WriteJSONL(w io.Writer) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	for _, e := range r.Events {
		err := enc.Encode(jsonEvent{
			ID: e.ID, Label: e.Label, Proc: e.Proc, Host: ProcName(e.Proc), Kind: e.Kind,
			TrueNS: int64(e.True), PhysicalNS: int64(e.Physical), Lamport: e.Lamport, Vector: e.Vector,
			Msg: e.Msg, Peer: e.Peer, Lost: e.Lost, Dup: e.Dup,
		})
		if err != nil {
			return err
		}
	}
	return bw.Flush()
}

// ReadJSONL reads back what WriteJSONL wrote.
func ReadJSONL(rd io.Reader) ([]Event, error) {
	var out []Event
	sc := bufio.NewScanner(rd)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var j jsonEvent
		dec := json.NewDecoder(strings.NewReader(sc.Text()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&j); err != nil {
			return nil, fmt.Errorf("clocks: jsonl line %d: %w", line, err)
		}
		out = append(out, Event{
			ID: j.ID, Proc: j.Proc, Kind: j.Kind, True: time.Duration(j.TrueNS), Physical: time.Duration(j.PhysicalNS),
			Lamport: j.Lamport, Vector: j.Vector, Msg: j.Msg, Peer: j.Peer, Lost: j.Lost, Dup: j.Dup, Label: j.Label,
		})
	}
	return out, sc.Err()
}
