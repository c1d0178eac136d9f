package markdown

import (
	"regexp"
	"strings"
)

// Prefix is the start of md, cut at the first blank line after at least n
// lines that is outside code fences and HTML comments, so that it renders
// as the same lines as the whole text but for the last few near the cut.
// The reader shows it at once while the whole lesson renders: a render
// costs about its length, and a screen is a fraction of a lesson.
//
// ok is false, and prefix is md, where there is no such cut (md is
// short, or no blank line after n lines is outside a block) or where a cut
// could change what comes before it: a link reference definition or a
// footnote may be defined past the cut.
func Prefix(md string, n int) (prefix string, ok bool) {
	if refDef.MatchString(md) || strings.Contains(md, "[^") {
		return md, false
	}
	fence := ""      // the fence's marks while inside a fenced code block
	comment := false // inside an HTML comment
	content := false // a line that is not blank after the cut
	cut, line := -1, 0
	for pos := 0; pos < len(md); line++ {
		end := strings.IndexByte(md[pos:], '\n')
		if end < 0 {
			end = len(md)
		} else {
			end += pos
		}
		l := md[pos:end]
		trimmed := strings.TrimSpace(l)
		switch {
		case cut >= 0:
			if trimmed != "" {
				content = true
			}
		case comment:
			comment = !strings.Contains(l, "-->")
		case fence != "":
			if strings.HasPrefix(trimmed, fence) && strings.Trim(trimmed, fence[:1]) == "" {
				fence = ""
			}
		case strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~"):
			fence = trimmed[:len(trimmed)-len(strings.TrimLeft(trimmed, trimmed[:1]))]
		case trimmed == "" && line >= n:
			cut = pos
		default:
			if i := strings.LastIndex(l, "<!--"); i >= 0 {
				comment = !strings.Contains(l[i:], "-->")
			}
		}
		if content {
			return md[:cut], true
		}
		pos = end + 1
	}
	return md, false
}

// refDef is a link reference definition, "[label]: target", at a line's
// start (up to three spaces in).
var refDef = regexp.MustCompile(`(?m)^ {0,3}\[[^\]]+\]:`)
