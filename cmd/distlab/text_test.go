package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"distlab/demos/locale"
)

// printers are the functions whose format argument (at the index given)
// is a message's English text: locale's T and Errorf, and every printf-like
// wrapper the module declares (a string parameter followed by ...any),
// found by wrappers.
var printers = map[string]int{"T": 0, "Errorf": 0}

// foreign are packages whose printf-like calls are not messages.
var foreign = map[string]bool{"fmt": true, "log": true, "slog": true, "errors": true, "tea": true}

// wrappers adds to printers the printf-like functions declared in f.
func wrappers(f *ast.File) {
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Type.Params == nil {
			continue
		}
		var params []ast.Expr
		for _, p := range fn.Type.Params.List {
			for range max(len(p.Names), 1) {
				params = append(params, p.Type)
			}
		}
		n := len(params)
		if n < 2 {
			continue
		}
		if _, variadic := params[n-1].(*ast.Ellipsis); !variadic {
			continue
		}
		if id, ok := params[n-2].(*ast.Ident); ok && id.Name == "string" {
			printers[fn.Name.Name] = n - 2
		}
	}
}

// messageCall is one literal English text at a call site.
type messageCall struct {
	key string
	at  string // file:line
}

// messageCalls reads every non-test Go file of the module (this binary
// links them all) and returns the literal texts passed to the printers.
func messageCalls(t *testing.T) []messageCall {
	t.Helper()
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	var out []messageCall
	var files []*ast.File
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			// testdata and third_party are not ours; demotest is linked only
			// into the tui tests, which check its texts there.
			if n := d.Name(); n == "testdata" || n == "third_party" || n == "demotest" || strings.HasPrefix(n, ".") && path != root {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		files = append(files, f)
		wrappers(f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var name string
			switch fn := call.Fun.(type) {
			case *ast.SelectorExpr:
				name = fn.Sel.Name
				if pkg, ok := fn.X.(*ast.Ident); ok && foreign[pkg.Name] {
					return true // fmt.Errorf and the like: not messages
				}
			case *ast.Ident:
				name = fn.Name
			}
			i, ok := printers[name]
			if !ok || len(call.Args) <= i {
				return true
			}
			s, ok := constString(call.Args[i])
			if !ok {
				return true
			}
			// An Error's key has %v where its format wraps with %w.
			s = strings.ReplaceAll(s, "%w", "%v")
			out = append(out, messageCall{key: s, at: fset.Position(call.Args[i].Pos()).String()})
			return true
		})
	}
	if len(out) < 50 {
		t.Fatalf("found only %d messages: is the walk reading the module?", len(out))
	}
	return out
}

// constString is the value of a string literal, or of literals joined
// with +.
func constString(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, ok1 := constString(e.X)
		b, ok2 := constString(e.Y)
		return a + b, ok1 && ok2
	case *ast.ParenExpr:
		return constString(e.X)
	}
	return "", false
}

// wordless reports whether a format has no words to translate: no two
// letters in a row once its verbs are gone ("%s #%d", "α +").
func wordless(format string) bool {
	rest := format
	for _, v := range locale.Verbs(format) {
		rest = strings.Replace(rest, v, " ", 1)
	}
	run := 0
	for _, r := range rest {
		if !unicode.IsLetter(r) {
			run = 0
			continue
		}
		if run++; run >= 2 {
			return false
		}
	}
	return true
}

// Every text a person reads exists in English and Brazilian Portuguese:
// each literal given to a printer is a registered message (or has no
// words), every message has both languages with the same verbs, and no
// registered message is left unused.
func TestEveryMessageInBothLanguages(t *testing.T) {
	calls := messageCalls(t)
	used := map[string]bool{}
	for _, c := range calls {
		used[c.key] = true
		if _, ok := locale.Lookup(c.key); !ok && !wordless(c.key) {
			t.Errorf("%s: %q has no translation (add it to the package's text.go)", c.at, c.key)
		}
	}
	for _, p := range locale.Problems() {
		t.Error(p)
	}
	var unused []string
	for _, m := range locale.Messages() {
		if !used[m.Key] && !strings.HasPrefix(m.Key, "test: ") {
			unused = append(unused, m.Key)
		}
	}
	sort.Strings(unused)
	for _, k := range unused {
		t.Errorf("message %q is registered but never printed", k)
	}
}
