package lessons

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// frontMatter is the YAML header of a lesson file.
type frontMatter struct {
	ID      string   `yaml:"id"`
	Title   string   `yaml:"title"`
	Order   int      `yaml:"order"`
	Summary string   `yaml:"summary"`
	Demos   []string `yaml:"demos"`
}

var knownKeys = []string{"id", "title", "order", "summary", "demos"}

var (
	idPattern   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	yamlLineErr = regexp.MustCompile(`line (\d+): (.*)`)
)

// parse reads one lesson file. It returns the lesson and ok when the lesson
// can be shown, and every problem found either way: a lesson with an unknown
// demo id still loads, without that demo; one without id or title does not.
func parse(path, lang string, data []byte, knownDemo func(string) bool) (Lesson, []Problem, bool) {
	probs := &fileProblems{path: path}
	if !utf8.Valid(data) {
		probs.addf(1, "file is not valid UTF-8")
		return Lesson{}, probs.list, false
	}
	text := strings.ReplaceAll(string(bytes.TrimPrefix(data, []byte("\ufeff"))), "\r\n", "\n")
	lines := strings.Split(text, "\n")
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		probs.addf(1, "missing front matter: the first line must be ---")
		return Lesson{}, probs.list, false
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if strings.TrimRight(lines[i], " \t") == "---" {
			end = i
			break
		}
	}
	if end < 0 {
		probs.addf(1, "front matter is not closed: add a line --- after it")
		return Lesson{}, probs.list, false
	}
	yamlText := strings.Join(lines[1:end], "\n")
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(yamlText), &doc); err != nil {
		// The YAML library's own words ("did not find expected key"), in
		// English whatever the reader's language: it has no other.
		line, msg := yamlErrorLine(err)
		probs.addf(line+1, "front matter: %s", msg)
		return Lesson{}, probs.list, false
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		probs.addf(2, "front matter must be a YAML mapping (id: ..., title: ...)")
		return Lesson{}, probs.list, false
	}
	root := doc.Content[0]
	keyLine := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		keyLine[k.Value] = k.Line + 1
		if !slices.Contains(knownKeys, k.Value) {
			probs.addf(k.Line+1, "unknown field %q (fields: %s)", k.Value, strings.Join(knownKeys, ", "))
		}
	}
	var fm frontMatter
	if err := root.Decode(&fm); err != nil {
		line, msg := yamlErrorLine(err)
		probs.addf(line+1, "front matter: %s", msg)
		return Lesson{}, probs.list, false
	}
	ok := true
	switch {
	case strings.TrimSpace(fm.ID) == "":
		probs.addf(1, "missing id")
		ok = false
	case !idPattern.MatchString(fm.ID):
		probs.addf(keyLine["id"], "id %q: use lowercase letters, digits and dashes", fm.ID)
		ok = false
	}
	if strings.TrimSpace(fm.Title) == "" {
		probs.addf(1, "missing title")
		ok = false
	}
	if !ok {
		return Lesson{}, probs.list, false
	}
	var demos []string
	if n := demoNode(root); n != nil {
		for _, item := range n.Content {
			if knownDemo != nil && knownDemo(item.Value) {
				demos = append(demos, item.Value)
			} else {
				probs.addf(item.Line+1, "unknown demo id %q", item.Value)
			}
		}
	}
	raw := strings.Join(lines[end+1:], "\n")
	bodyLine := end + 2
	title, dirty := CleanLine(strings.TrimSpace(fm.Title))
	if dirty {
		probs.addf(keyLine["title"], "the title holds control characters or escape sequences: they were removed")
	}
	summary, dirty := CleanLine(strings.TrimSpace(fm.Summary))
	if dirty {
		probs.addf(keyLine["summary"], "the summary holds control characters or escape sequences: they were removed")
	}
	cleaned, dirty := CleanText(raw)
	cleaned, dirtyRefs := cleanEntities(cleaned)
	if dirty || dirtyRefs {
		probs.addf(firstDirtyLine(raw, bodyLine), "the text holds control characters or escape sequences: they were removed")
		raw = cleaned
	}
	body, notes := extractNotes(raw, bodyLine)
	return Lesson{
		ID: fm.ID, Title: title, Order: fm.Order,
		Summary: summary, Demos: demos, Lang: lang, Path: path,
		Body: body, Raw: raw, Line: bodyLine, Notes: notes,
		TitleLine: keyLine["title"], SummaryLine: keyLine["summary"],
	}, probs.list, true
}

// fileProblems collects the problems of one file.
type fileProblems struct {
	path string
	list []Problem
}

// addf adds a problem at line whose message is format with args (see
// problemf).
func (ps *fileProblems) addf(line int, format string, args ...any) {
	if false {
		_ = fmt.Sprintf(format, args...) // lets vet check callers' verbs
	}
	ps.list = append(ps.list, problemf(ps.path, line, format, args...))
}

// demoNode returns the sequence under "demos", if any.
func demoNode(root *yaml.Node) *yaml.Node {
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "demos" && root.Content[i+1].Kind == yaml.SequenceNode {
			return root.Content[i+1]
		}
	}
	return nil
}

// extractNotes removes <!-- notes: ... --> comments from md and returns them
// with the file line each starts on (first is the line of md's first line).
// It scans rather than match a regular expression, which took two thirds of
// loading the course at start-up.
func extractNotes(md string, first int) (string, []Note) {
	var notes []Note
	var out strings.Builder
	line, done := first, 0 // md[:done] is copied or dropped
	for from := 0; ; {
		i := strings.Index(md[from:], "<!--")
		if i < 0 {
			break
		}
		start := from + i
		rest := strings.TrimLeft(md[start+len("<!--"):], " \t\n\f\r")
		text, ok := strings.CutPrefix(rest, "notes:")
		end := strings.Index(text, "-->")
		if !ok || end < 0 {
			from = start + 1
			continue
		}
		line += strings.Count(md[done:start], "\n")
		notes = append(notes, Note{Line: line, Text: strings.TrimSpace(text[:end])})
		out.WriteString(md[done:start])
		done = len(md) - len(text) + end + len("-->")
		line += strings.Count(md[start:done], "\n")
		from = done
	}
	if notes == nil {
		return md, nil
	}
	out.WriteString(md[done:])
	return out.String(), notes
}

// yamlErrorLine pulls "line N: message" out of a YAML error and returns N
// as a line of the front matter counted from 1. yaml.v3 counts scanner errors
// from 1 but parser errors ("did not find expected ...") from 0, so those
// are moved down one line. Lines the message itself names ("already defined
// at line 2") are moved by the same rule.
func yamlErrorLine(err error) (int, string) {
	var te *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	m := yamlLineErr.FindStringSubmatch(msg)
	if m == nil {
		return 1, msg
	}
	n, _ := strconv.Atoi(m[1])
	msg = m[2]
	if isParserError(msg) {
		n++
	}
	return n, msg
}

// isParserError tells yaml.v3's parser errors from its scanner errors.
func isParserError(msg string) bool {
	for _, p := range []string{"did not find expected", "found undefined tag handle", "found duplicate %", "found incompatible YAML"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}
