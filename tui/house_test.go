package tui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// goFiles parses every non-test Go file under root, skipping the folders
// skip names (relative to root), and calls f with each.
func goFiles(t *testing.T, root string, skip map[string]bool, f func(fset *token.FileSet, path string, file *ast.File)) int {
	t.Helper()
	fset := token.NewFileSet()
	n := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			rel, _ := filepath.Rel(root, path)
			if skip[filepath.ToSlash(rel)] || d.Name() == "testdata" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		file, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		n++
		f(fset, path, file)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestNoGoStatementInTUI: every goroutine the adapters start has an owner
// that waits for it (a sync.WaitGroup's Go, waited on by Close or the
// function that started it), and engine calls run in tea.Cmds; a bare go
// statement is a goroutine nobody waits for. The patched Bubble Tea in
// third_party is the library's own code.
func TestNoGoStatementInTUI(t *testing.T) {
	n := goFiles(t, ".", map[string]bool{"third_party": true}, func(fset *token.FileSet, path string, file *ast.File) {
		ast.Inspect(file, func(node ast.Node) bool {
			if g, ok := node.(*ast.GoStmt); ok {
				t.Errorf("%s: a go statement; start it with a sync.WaitGroup's Go that its owner waits on, or run the call in a tea.Cmd", fset.Position(g.Pos()))
			}
			return true
		})
	})
	if n < 100 {
		t.Fatalf("only %d files read under tui/: is the test in the wrong folder?", n)
	}
}

// TestEnginesDrawNothing: the engines in demos/ never import Bubble Tea,
// Lip Gloss, the other Charm UI modules or anything of tui/; the panes
// adapt them. (x/ansi, a parser, is allowed: the chat's sanitizer uses it.)
func TestEnginesDrawNothing(t *testing.T) {
	forbidden := []string{"charm.land/", "github.com/charmbracelet/bubbletea", "github.com/charmbracelet/lipgloss",
		"github.com/charmbracelet/bubbles", "github.com/charmbracelet/glamour", "distlab/tui"}
	n := goFiles(t, "../demos", nil, func(fset *token.FileSet, path string, file *ast.File) {
		for _, imp := range file.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			for _, f := range forbidden {
				if strings.HasPrefix(p, f) {
					t.Errorf("%s: imports %s; an engine draws nothing", fset.Position(imp.Pos()), p)
				}
			}
		}
	})
	if n < 20 {
		t.Fatalf("only %d files read under demos/", n)
	}
}
