package ansi

import (
	"bytes"
	"fmt"
	"io"

	"github.com/alecthomas/chroma/v2"
)

const (
	// The chroma formatter name used for rendering.
	chromaFormatter = "terminal256"
)

// A CodeBlockElement is used to render code blocks.
type CodeBlockElement struct {
	Code     string
	Language string
}

func chromaStyle(style StylePrimitive) string {
	var s string

	if style.Color != nil {
		s = *style.Color
	}
	if style.BackgroundColor != nil {
		if s != "" {
			s += " "
		}
		s += "bg:" + *style.BackgroundColor
	}
	if style.Italic != nil && *style.Italic {
		if s != "" {
			s += " "
		}
		s += "italic"
	}
	if style.Bold != nil && *style.Bold {
		if s != "" {
			s += " "
		}
		s += "bold"
	}
	if style.Underline != nil && *style.Underline {
		if s != "" {
			s += " "
		}
		s += "underline"
	}

	return s
}

// Render renders a CodeBlockElement.
func (e *CodeBlockElement) Render(w io.Writer, ctx RenderContext) error {
	bs := ctx.blockStack

	var indentation uint
	var margin uint
	formatter := chromaFormatter
	rules := ctx.options.Styles.CodeBlock
	if rules.Indent != nil {
		indentation = *rules.Indent
	}
	if rules.Margin != nil {
		margin = *rules.Margin
	}
	if len(ctx.options.ChromaFormatter) > 0 {
		formatter = ctx.options.ChromaFormatter
	}

	iw := NewIndentWriter(w, int(indentation+margin), func(_ io.Writer) {
		_, _ = renderText(w, bs.Current().Style.StylePrimitive, " ")
	})
	defer iw.Close() //nolint:errcheck

	// distlab: the chroma style is built from the rules on every block
	// instead of registered once as "charm" in chroma's style registry
	// (whose first rules won for every later theme), and a named theme
	// without rules is rendered plain: chroma's styles package is not
	// linked (see PATCH.md).
	if rules.Chroma != nil {
		style, err := chromaStyleOf(rules.Chroma)
		if err != nil {
			return fmt.Errorf("glamour: error highlighting code: %w", err)
		}
		_, _ = renderText(iw, bs.Current().Style.StylePrimitive, rules.BlockPrefix)
		var code bytes.Buffer
		if err := highlight(&code, e.Code, e.Language, formatter, style); err != nil {
			return fmt.Errorf("glamour: error highlighting code: %w", err)
		}
		_, _ = iw.Write(markLines(code.Bytes()))
		_, _ = renderText(iw, bs.Current().Style.StylePrimitive, rules.BlockSuffix)
		return nil
	}

	// fallback rendering
	var code bytes.Buffer
	el := &BaseElement{
		Token: e.Code,
		Style: rules.StylePrimitive,
	}
	if err := el.Render(&code, ctx); err != nil {
		return err
	}
	_, err := iw.Write(markLines(code.Bytes()))
	return err //nolint:wrapcheck
}

// markLines puts CodeMark at the start of every line of code: distlab
// never wraps a code block (see wrapText).
func markLines(code []byte) []byte {
	mark := []byte(string(CodeMark))
	out := make([]byte, 0, len(code)+len(mark)*(1+bytes.Count(code, []byte{'\n'})))
	for len(code) > 0 {
		i := bytes.IndexByte(code, '\n') + 1
		if i == 0 {
			i = len(code)
		}
		out = append(append(out, mark...), code[:i]...)
		code = code[i:]
	}
	return out
}

// chromaStyleOf is the chroma style the rules describe.
func chromaStyleOf(c *Chroma) (*chroma.Style, error) {
	return chroma.NewStyle("glamour", chroma.StyleEntries{ //nolint:wrapcheck
		chroma.Text:                chromaStyle(c.Text),
		chroma.Error:               chromaStyle(c.Error),
		chroma.Comment:             chromaStyle(c.Comment),
		chroma.CommentPreproc:      chromaStyle(c.CommentPreproc),
		chroma.Keyword:             chromaStyle(c.Keyword),
		chroma.KeywordReserved:     chromaStyle(c.KeywordReserved),
		chroma.KeywordNamespace:    chromaStyle(c.KeywordNamespace),
		chroma.KeywordType:         chromaStyle(c.KeywordType),
		chroma.Operator:            chromaStyle(c.Operator),
		chroma.Punctuation:         chromaStyle(c.Punctuation),
		chroma.Name:                chromaStyle(c.Name),
		chroma.NameBuiltin:         chromaStyle(c.NameBuiltin),
		chroma.NameTag:             chromaStyle(c.NameTag),
		chroma.NameAttribute:       chromaStyle(c.NameAttribute),
		chroma.NameClass:           chromaStyle(c.NameClass),
		chroma.NameConstant:        chromaStyle(c.NameConstant),
		chroma.NameDecorator:       chromaStyle(c.NameDecorator),
		chroma.NameException:       chromaStyle(c.NameException),
		chroma.NameFunction:        chromaStyle(c.NameFunction),
		chroma.NameOther:           chromaStyle(c.NameOther),
		chroma.Literal:             chromaStyle(c.Literal),
		chroma.LiteralNumber:       chromaStyle(c.LiteralNumber),
		chroma.LiteralDate:         chromaStyle(c.LiteralDate),
		chroma.LiteralString:       chromaStyle(c.LiteralString),
		chroma.LiteralStringEscape: chromaStyle(c.LiteralStringEscape),
		chroma.GenericDeleted:      chromaStyle(c.GenericDeleted),
		chroma.GenericEmph:         chromaStyle(c.GenericEmph),
		chroma.GenericInserted:     chromaStyle(c.GenericInserted),
		chroma.GenericStrong:       chromaStyle(c.GenericStrong),
		chroma.GenericSubheading:   chromaStyle(c.GenericSubheading),
		chroma.Background:          chromaStyle(c.Background),
	})
}
