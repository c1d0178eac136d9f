package challenge_test

import (
	"sync"
	"testing"

	"distlab/demos/challenge"
	"distlab/demos/locale"
)

func TestLogLatchesFirstResult(t *testing.T) {
	var l challenge.Log
	if l.Met("a/x") || len(l.Done()) != 0 {
		t.Fatal("an empty log has results")
	}
	first := func(*locale.Printer) string { return "first" }
	if !l.Mark("a/x", first) {
		t.Fatal("first Mark reported not new")
	}
	if l.Mark("a/x", func(*locale.Printer) string { return "second" }) {
		t.Fatal("second Mark reported new")
	}
	l.Mark("a/y", nil)
	done := l.Done()
	if len(done) != 2 || done[0].ID != "a/x" || done[1].ID != "a/y" || done[0].How(nil) != "first" {
		t.Fatalf("Done = %+v", done)
	}
	if !l.Met("a/y") || l.Met("a/z") {
		t.Fatal("Met wrong")
	}
}

func TestLogConcurrent(t *testing.T) {
	var l challenge.Log
	var wg sync.WaitGroup
	news := make(chan bool, 8)
	for range 8 {
		wg.Go(func() { news <- l.Mark("a/x", nil); _ = l.Done() })
	}
	wg.Wait()
	close(news)
	n := 0
	for b := range news {
		if b {
			n++
		}
	}
	if n != 1 || len(l.Done()) != 1 {
		t.Fatalf("%d first marks, %d results", n, len(l.Done()))
	}
}

func TestDemo(t *testing.T) {
	if d := (challenge.Challenge{ID: "clocks/backwards"}).Demo(); d != "clocks" {
		t.Fatal(d)
	}
	if d := (challenge.Challenge{ID: "odd"}).Demo(); d != "odd" {
		t.Fatal(d)
	}
}
