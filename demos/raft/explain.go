package raft

import (
	"slices"
	"strconv"
	"strings"

	"distlab/demos/locale"

	"go.etcd.io/raft/v3"
	pb "go.etcd.io/raft/v3/raftpb"
)

// look is what a node's sentence needs of its state, before and after an
// event.
type look struct {
	role                   raft.StateType
	term, vote, lead       uint64
	commit, last, lastTerm uint64
}

func lookAt(n *node) look {
	st := n.status()
	last, lastTerm := n.lastEntry()
	term, vote, commit := n.hard()
	return look{role: st.RaftState, term: term, vote: vote, lead: st.Lead, commit: commit, last: last, lastTerm: lastTerm}
}

// entryID is an entry as the literature writes it, index:term.
func entryID(index, term uint64) string {
	if index == 0 {
		return "0:0"
	}
	return strconv.FormatUint(index, 10) + ":" + strconv.FormatUint(term, 10)
}

// EntryText is an entry as the pane and the log show it: "7:4 x=3",
// "5:4 no-op" for a leader's empty entry (the lessons call it that in both languages).
func EntryText(ent *pb.Entry) string {
	id := entryID(ent.GetIndex(), ent.GetTerm())
	if len(ent.GetData()) == 0 {
		return id + " no-op"
	}
	c, err := ParseCommand(ent.GetData())
	if err != nil {
		return id + " ?"
	}
	return id + " " + c.String()
}

func entriesText(ents []*pb.Entry) string {
	parts := make([]string, len(ents))
	for i, e := range ents {
		parts[i] = EntryText(e)
	}
	return strings.Join(parts, ", ")
}

func voteName(v uint64) string {
	if v == 0 {
		return "-"
	}
	return name(v)
}

func nameSet(ids []uint64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = name(id)
	}
	return "{" + strings.Join(parts, ",") + "}"
}

func recipients(msgs []*pb.Message, t pb.MessageType) string {
	var ids []uint64
	for _, m := range msgs {
		if m.GetType() == t && !slices.Contains(ids, m.GetTo()) {
			ids = append(ids, m.GetTo())
		}
	}
	slices.Sort(ids)
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = name(id)
	}
	return strings.Join(parts, ", ")
}

// MsgName is a message type as the pane labels it: etcd's names without
// their "Msg", so "App", "VoteResp".
func MsgName(t pb.MessageType) string { return strings.TrimPrefix(t.String(), "Msg") }

func lost(m *pb.Message, why string) func(p *locale.Printer) string {
	what := "Msg" + MsgName(m.GetType())
	from, to := name(m.GetFrom()), name(m.GetTo())
	return func(p *locale.Printer) string {
		switch why {
		case "down":
			return p.T("%s → %s %s is lost: %s is down.", from, to, what, to)
		case "cut":
			return p.T("%s → %s %s is lost: the partition separates them.", from, to, what)
		case "dropped":
			return p.T("%s → %s %s is lost: you dropped it.", from, to, what)
		}
		return p.T("%s → %s %s is lost by the network.", from, to, what)
	}
}

// countVote keeps a candidate's tally as the votes arrive.
func (e *engine) countVote(n *node, m *pb.Message, b look) {
	if m.GetType() != pb.MsgVoteResp || m.GetReject() {
		return
	}
	if v := e.votes[n.id]; v != nil && b.role == raft.StateCandidate && m.GetTerm() == b.term {
		v[m.GetFrom()] = true
	}
}

// explain is the sentence for a message a node handled.
func (e *engine) explain(m *pb.Message, dup bool, b, a look, out outcome) func(p *locale.Printer) string {
	from, to := name(m.GetFrom()), name(m.GetTo())
	term := m.GetTerm()
	var say func(p *locale.Printer) string
	switch m.GetType() {
	case pb.MsgVote:
		say = explainVote(m, b, a, out)
	case pb.MsgVoteResp:
		votes, need := len(e.votes[m.GetTo()]), len(e.nodes)/2+1
		say = func(p *locale.Printer) string {
			switch {
			case b.role != raft.StateCandidate || term < b.term:
				return p.T("%s's vote from term %d reaches %s too late: that election is over.", from, term, to)
			case m.GetReject() && a.term > b.term:
				return p.T("%s refuses %s: it is already in term %d, so %s goes back to being a follower.", from, to, a.term, to)
			case m.GetReject() && a.role == raft.StateFollower:
				return p.T("%s refuses %s in term %d: %s can no longer reach a majority (%d of %d), so it goes back to being a follower.", from, to, term, to, need, len(e.nodes))
			case m.GetReject():
				return p.T("%s refuses %s in term %d.", from, to, term)
			case a.role == raft.StateLeader:
				return p.T("%s gets %s's vote: %d of %d, a majority. %s is the leader of term %d, and appends an empty entry of its term to commit what came before.", to, from, votes, len(e.nodes), to, a.term)
			}
			return p.T("%s gets %s's vote: %d of %d; it needs %d.", to, from, votes, len(e.nodes), need)
		}
	case pb.MsgApp:
		say = explainApp(m, b, a, out)
	case pb.MsgAppResp:
		say = e.explainAppResp(m, b, a, out)
	case pb.MsgHeartbeat:
		say = func(p *locale.Printer) string {
			if term < b.term {
				return p.T("%s gets a heartbeat from %s's old term %d; it is in term %d and says so, so %s steps down.", to, from, term, b.term, from)
			}
			s := p.T("%s hears %s's heartbeat (term %d): it stays a follower and restarts its election timer.", to, from, term)
			if a.commit > b.commit {
				s += " " + p.T("It learns commit index %d and applies up to it.", a.commit)
			}
			return s
		}
	case pb.MsgHeartbeatResp:
		catchUp := len(out.sent) > 0
		say = func(p *locale.Printer) string {
			if catchUp {
				return p.T("%s hears %s answer its heartbeat, and sends it entries it lacks.", to, from)
			}
			return p.T("%s hears %s answer its heartbeat.", to, from)
		}
	case pb.MsgProp:
		app := out.appended
		say = func(p *locale.Printer) string {
			if len(app) == 0 {
				return p.T("%s gets a write forwarded by %s, but is no longer the leader: it is dropped and the client must retry.", to, from)
			}
			return p.T("%s, the leader, appends %s that %s forwarded, and sends it to the followers.", to, entriesText(app), from)
		}
	default:
		say = func(p *locale.Printer) string {
			return p.T("%s handles a message from %s: %s.", to, from, "Msg"+MsgName(m.GetType()))
		}
	}
	counted := entriesText(out.counted)
	return func(p *locale.Printer) string {
		s := say(p)
		if counted != "" {
			s += " " + p.T("(The bug: %s counts replicas and applies %s as committed, whatever its term.)", to, counted)
		}
		if b.role == raft.StateLeader && a.role != raft.StateLeader {
			s += " " + p.T("%s sees term %d, newer than its %d: it steps down.", to, a.term, b.term)
		} else if a.term > b.term && m.GetType() != pb.MsgVote {
			s += " " + p.T("%s moves to term %d.", to, a.term)
		}
		if dup {
			s = p.T("(A copy the network made.)") + " " + s
		}
		return s
	}
}

func explainVote(m *pb.Message, b, a look, out outcome) func(p *locale.Printer) string {
	from, to, term := name(m.GetFrom()), name(m.GetTo()), m.GetTerm()
	theirs, mine := entryID(m.GetIndex(), m.GetLogTerm()), entryID(b.last, b.lastTerm)
	granted, answered := false, false
	for _, r := range out.sent {
		if r.GetType() == pb.MsgVoteResp {
			answered, granted = true, !r.GetReject()
		}
	}
	return func(p *locale.Printer) string {
		switch {
		case !answered:
			return p.T("%s ignores %s's vote request of old term %d: it is in term %d.", to, from, term, b.term)
		case granted:
			return p.T("%s votes for %s in term %d: %s's log (last entry %s) is at least as up to date as its own (%s).", to, from, term, from, theirs, mine)
		case a.vote == m.GetTo() && b.term == term:
			return p.T("%s refuses %s in term %d: it already voted for itself in this term.", to, from, term)
		case a.vote != 0 && a.vote != m.GetFrom() && (b.term == term):
			return p.T("%s refuses %s in term %d: it already voted for %s in this term.", to, from, term, name(a.vote))
		}
		return p.T("%s refuses %s in term %d: its own log (last entry %s) is more up to date than %s's (%s).", to, from, term, mine, from, theirs)
	}
}

func explainApp(m *pb.Message, b, a look, out outcome) func(p *locale.Printer) string {
	from, to, term := name(m.GetFrom()), name(m.GetTo()), m.GetTerm()
	prev := entryID(m.GetIndex(), m.GetLogTerm())
	rejected := false
	for _, r := range out.sent {
		if r.GetType() == pb.MsgAppResp && r.GetReject() {
			rejected = true
		}
	}
	app := out.appended
	replaced := len(app) > 0 && app[0].GetIndex() <= b.last
	mine := entryID(b.last, b.lastTerm)
	return func(p *locale.Printer) string {
		var s string
		switch {
		case term < b.term:
			return p.T("%s gets entries from %s's old term %d; it is in term %d and says so, so %s steps down.", to, from, term, b.term, from)
		case rejected:
			s = p.T("%s rejects %s's entries after %s: its log has no such entry (it ends at %s). %s will retry from further back.", to, from, prev, mine, from)
		case len(app) > 0 && replaced:
			s = p.T("%s's log matches %s's at %s: it drops its conflicting entries from %d on and appends %s.", to, from, prev, app[0].GetIndex(), entriesText(app))
		case len(app) > 0:
			s = p.T("%s's log matches %s's at %s: it appends %s.", to, from, prev, entriesText(app))
		default:
			s = p.T("%s's log matches %s's at %s: nothing new to append.", to, from, prev)
		}
		if a.commit > b.commit {
			s += " " + p.T("It learns commit index %d and applies up to it.", a.commit)
		}
		return s
	}
}

func (e *engine) explainAppResp(m *pb.Message, b, a look, out outcome) func(p *locale.Printer) string {
	from, to := name(m.GetFrom()), name(m.GetTo())
	idx := m.GetIndex()
	leader := e.node(m.GetTo())
	var held int
	var pending *pb.Entry // on a majority, not committed: an older term's
	if a.role == raft.StateLeader {
		held, pending = e.majority(leader, a)
	}
	answered := out.answered
	return func(p *locale.Printer) string {
		if b.role != raft.StateLeader {
			return p.T("%s hears from %s about entries it sent as leader; it no longer leads.", to, from)
		}
		if m.GetReject() {
			return p.T("%s learns %s's log does not match at %d: it will send from an earlier entry.", to, from, idx)
		}
		s := p.T("%s learns %s holds its log up to %d.", to, from, idx)
		if a.commit > b.commit {
			s += " " + p.T("Entry %d is now on a majority (%d of %d) and of the current term: committed.", a.commit, held, len(e.nodes))
			for _, r := range answered {
				s += " " + p.T("%s applies it and answers the client: %s → %s.", to, r.Cmd.String(), r.Result)
			}
		} else if pending != nil {
			s += " " + p.T("%s is on a majority, but of term %d, not %d: a leader commits only its own term's entries by counting (§5.4.2).", EntryText(pending), pending.GetTerm(), a.term)
		}
		return s
	}
}

// majority is how many nodes hold the leader's commit entry, and the
// highest entry a majority holds that is not committed, if any.
func (e *engine) majority(n *node, a look) (held int, pending *pb.Entry) {
	st := n.rn.Status()
	match := make([]uint64, 0, len(st.Progress))
	for id, pr := range st.Progress {
		if id == n.id {
			match = append(match, a.last)
		} else {
			match = append(match, pr.Match)
		}
	}
	for _, mi := range match {
		if mi >= a.commit {
			held++
		}
	}
	slices.Sort(match)
	if m := match[len(match)-len(e.nodes)/2-1]; m > a.commit {
		ents := n.log()
		if int(m) <= len(ents) && ents[m-1].GetTerm() != a.term {
			pending = ents[m-1]
		}
	}
	return held, pending
}
