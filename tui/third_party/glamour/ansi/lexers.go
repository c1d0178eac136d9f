package ansi

// distlab: this file replaces chroma's quick.Highlight, whose lexers and
// styles packages parse about 300 embedded XML files when the program starts
// (17–25 ms, most of distlab's start-up; see PATCH.md). Code is highlighted
// with chroma itself, with the lexers below, made the first time a code block
// is drawn; any other language is drawn as plain text.

import (
	"embed"
	"io"
	"io/fs"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/formatters"
)

// The XML lexers are chroma v2.14.0's (lexers/embedded), unchanged; their
// licence is lexers/COPYING.
//
//go:embed lexers/*.xml
var lexerFiles embed.FS

var (
	lexersOnce sync.Once
	lexers     *chroma.LexerRegistry
	lexersErr  error
)

// registry is the lexers, made on first use.
func registry() (*chroma.LexerRegistry, error) {
	lexersOnce.Do(func() {
		reg := chroma.NewLexerRegistry()
		paths, err := fs.Glob(lexerFiles, "lexers/*.xml")
		if err != nil {
			lexersErr = err
			return
		}
		for _, path := range paths {
			l, err := chroma.NewXMLLexer(lexerFiles, path)
			if err != nil {
				lexersErr = err
				return
			}
			reg.Register(l)
		}
		reg.Register(goLexer())
		lexers = reg
	})
	return lexers, lexersErr
}

// highlight writes source highlighted as language (or the language it looks
// like when that is empty or unknown, else plain text) with the formatter
// named and style: what quick.Highlight did.
func highlight(w io.Writer, source, language, formatter string, style *chroma.Style) error {
	reg, err := registry()
	if err != nil {
		return err
	}
	l := reg.Get(language)
	if l == nil {
		l = reg.Analyse(source)
	}
	if l == nil {
		l = reg.Get("plaintext")
	}
	f := formatters.Get(formatter)
	if f == nil {
		f = formatters.Fallback
	}
	it, err := chroma.Coalesce(l).Tokenise(nil, source)
	if err != nil {
		return err //nolint:wrapcheck
	}
	return f.Format(w, style, it) //nolint:wrapcheck
}

// goLexer is chroma v2.14.0's Go lexer (lexers/go.go), except that a raw
// string is one string token: chroma lexes it as a Go text template, a lexer
// not carried here.
func goLexer() chroma.Lexer {
	return chroma.MustNewLexer(&chroma.Config{
		Name:      "Go",
		Aliases:   []string{"go", "golang"},
		Filenames: []string{"*.go"},
		MimeTypes: []string{"text/x-gosrc"},
		EnsureNL:  true,
	}, goRules).SetAnalyser(func(text string) float32 {
		if strings.Contains(text, "fmt.") && strings.Contains(text, "package ") {
			return 0.5
		}
		if strings.Contains(text, "package ") {
			return 0.1
		}
		return 0.0
	})
}

func goRules() chroma.Rules {
	const (
		Text                 = chroma.Text
		CommentSingle        = chroma.CommentSingle
		CommentMultiline     = chroma.CommentMultiline
		KeywordNamespace     = chroma.KeywordNamespace
		KeywordDeclaration   = chroma.KeywordDeclaration
		Keyword              = chroma.Keyword
		KeywordConstant      = chroma.KeywordConstant
		NameBuiltin          = chroma.NameBuiltin
		Punctuation          = chroma.Punctuation
		KeywordType          = chroma.KeywordType
		LiteralNumber        = chroma.LiteralNumber
		LiteralNumberFloat   = chroma.LiteralNumberFloat
		LiteralNumberOct     = chroma.LiteralNumberOct
		LiteralNumberHex     = chroma.LiteralNumberHex
		LiteralNumberBin     = chroma.LiteralNumberBin
		LiteralNumberInteger = chroma.LiteralNumberInteger
		LiteralStringChar    = chroma.LiteralStringChar
		LiteralString        = chroma.LiteralString
		Operator             = chroma.Operator
		NameFunction         = chroma.NameFunction
		NameOther            = chroma.NameOther
	)
	words, byGroups := chroma.Words, chroma.ByGroups
	return chroma.Rules{
		"root": {
			{`\n`, Text, nil},
			{`\s+`, Text, nil},
			{`\\\n`, Text, nil},
			{`//(.*?)\n`, CommentSingle, nil},
			{`/(\\\n)?[*](.|\n)*?[*](\\\n)?/`, CommentMultiline, nil},
			{`(import|package)\b`, KeywordNamespace, nil},
			{`(var|func|struct|map|chan|type|interface|const)\b`, KeywordDeclaration, nil},
			{words(``, `\b`, `break`, `default`, `select`, `case`, `defer`, `go`, `else`, `goto`, `switch`, `fallthrough`, `if`, `range`, `continue`, `for`, `return`), Keyword, nil},
			{`(true|false|iota|nil)\b`, KeywordConstant, nil},
			{words(``, `\b(\()`, `uint`, `uint8`, `uint16`, `uint32`, `uint64`, `int`, `int8`, `int16`, `int32`, `int64`, `float`, `float32`, `float64`, `complex64`, `complex128`, `byte`, `rune`, `string`, `bool`, `error`, `uintptr`, `print`, `println`, `panic`, `recover`, `close`, `complex`, `real`, `imag`, `len`, `cap`, `append`, `copy`, `delete`, `new`, `make`, `clear`, `min`, `max`), byGroups(NameBuiltin, Punctuation), nil},
			{words(``, `\b`, `uint`, `uint8`, `uint16`, `uint32`, `uint64`, `int`, `int8`, `int16`, `int32`, `int64`, `float`, `float32`, `float64`, `complex64`, `complex128`, `byte`, `rune`, `string`, `bool`, `error`, `uintptr`), KeywordType, nil},
			{`\d+i`, LiteralNumber, nil},
			{`\d+\.\d*([Ee][-+]\d+)?i`, LiteralNumber, nil},
			{`\.\d+([Ee][-+]\d+)?i`, LiteralNumber, nil},
			{`\d+[Ee][-+]\d+i`, LiteralNumber, nil},
			{`\d+(\.\d+[eE][+\-]?\d+|\.\d*|[eE][+\-]?\d+)`, LiteralNumberFloat, nil},
			{`\.\d+([eE][+\-]?\d+)?`, LiteralNumberFloat, nil},
			{`0[0-7]+`, LiteralNumberOct, nil},
			{`0[xX][0-9a-fA-F_]+`, LiteralNumberHex, nil},
			{`0b[01_]+`, LiteralNumberBin, nil},
			{`(0|[1-9][0-9_]*)`, LiteralNumberInteger, nil},
			{`'(\\['"\\abfnrtv]|\\x[0-9a-fA-F]{2}|\\[0-7]{1,3}|\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8}|[^\\])'`, LiteralStringChar, nil},
			{"`[^`]*`", LiteralString, nil},
			{`"(\\\\|\\"|[^"])*"`, LiteralString, nil},
			{`(<<=|>>=|<<|>>|<=|>=|&\^=|&\^|\+=|-=|\*=|/=|%=|&=|\|=|&&|\|\||<-|\+\+|--|==|!=|:=|\.\.\.|[+\-*/%&])`, Operator, nil},
			{`([a-zA-Z_]\w*)(\s*)(\()`, byGroups(NameFunction, chroma.UsingSelf("root"), Punctuation), nil},
			{`[|^<>=!()\[\]{}.,;:~]`, Punctuation, nil},
			{`[^\W\d]\w*`, NameOther, nil},
		},
	}
}
