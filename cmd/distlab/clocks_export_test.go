package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// clocks run --export writes FILE through a temporary file beside it,
// renamed over it once whole: the new run replaces the old, readable as
// os.Create would make it, and nothing is left beside it, neither after
// a run nor after an export refused at once.
func TestClocksExportReplacesWhole(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "run.log")
	if err := os.WriteFile(path, []byte("an earlier run\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, err := execute(t, "--lang", "en", "clocks", "run", "--events", "20", "--export", path); err != nil {
		t.Fatalf("%v: %s", err, errOut)
	}
	data, err := os.ReadFile(path)
	if err != nil || strings.Contains(string(data), "an earlier run") || !strings.Contains(string(data), "a {\"a\":1}") {
		t.Fatalf("the export is not the new run's ShiViz log: %q %v", data, err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o644 {
		t.Fatalf("mode %v, %v: want 0644 as os.Create makes it", fi.Mode(), err)
	}
	if _, _, err := execute(t, "--lang", "en", "clocks", "run", "--export", filepath.Join(path, "x.log")); err == nil {
		t.Fatal("an export under a file succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("left beside the export: %v", entries)
	}
}
