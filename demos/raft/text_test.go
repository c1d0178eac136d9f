package raft

import (
	"testing"

	"distlab/demos/locale"
)

// Every message of the engine has both languages with the same verbs.
func TestTextsComplete(t *testing.T) {
	for _, p := range locale.Problems() {
		t.Error(p)
	}
}
